/**
 * The file-protected audit seal: `<mirror>.audit-seal`, readable and writable by the user only (0600), for profiles
 * whose trail was first sealed where no keychain was reachable (a cron run with ANTHROPIC_ADMIN_KEY). It keeps the
 * secret away from whoever has only the mirror file, but not from whoever can read the data folder: `status` says so.
 */
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import type { AuditSealSecret } from '../../core/audit/seal';
import { parseSealSecret, serialiseSealSecret } from '../../core/audit/seal';

/** The seal in the file; null when there is none or it is not one of ours. */
export function readSealFile(path: string): AuditSealSecret | null {
  if (!existsSync(path)) return null;
  return parseSealSecret(readFileSync(path, 'utf8'));
}

/**
 * Writes the seal file (0600), atomically. `replace: false` keeps a file another process created meanwhile and
 * answers its seal instead, so two first opens of one profile agree on one secret.
 */
export function writeSealFile(path: string, value: AuditSealSecret, replace: boolean): AuditSealSecret {
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, `${serialiseSealSecret(value)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600); // never wider than asked, whatever the umask
  try {
    if (replace) {
      renameSync(temp, path);
      return value;
    }
    linkSync(temp, path);
    return value;
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    const theirs = readSealFile(path);
    if (theirs === null) throw new Error(`${path} exists but holds no audit seal; move it aside`, { cause: error });
    return theirs;
  } finally {
    if (existsSync(temp)) unlinkSync(temp);
  }
}
