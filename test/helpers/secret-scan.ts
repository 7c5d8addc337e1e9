/**
 * Finds traces of a secret in every file under a folder: SQLite databases with their -wal/-shm/-journal files, logs,
 * exports, JSON, anything. Used by the keychain tests and by the suite-wide leak test.
 *
 * A trace is the secret's bytes in UTF-8, UTF-16LE (SQLite can store text as UTF-16) or base64, and, for a secret
 * longer than 40 characters, its distinctive middle third (a key cut short by a column width or a log truncation).
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SecretTraceOptions {
  /** Folder names to skip (e.g. node_modules). */
  skipDirs?: string[];
  /** Files larger than this are read in full anyway; the cap only guards against huge dumps. */
  maxFileBytes?: number;
}

/** Every file under `dir` (recursively) that contains the secret in any of the encodings above. */
export function findSecretTraces(dir: string, secret: string, options: SecretTraceOptions = {}): string[] {
  if (secret.length < 8) throw new Error('findSecretTraces: a secret shorter than 8 characters would match noise');
  const needles = secretNeedles(secret);
  const skip = new Set(options.skipDirs ?? []);
  const maxBytes = options.maxFileBytes ?? 512 * 1024 * 1024;
  const hits: string[] = [];
  for (const file of walkFiles(dir, skip)) {
    let size: number;
    try {
      size = lstatSync(file).size;
    } catch {
      continue; // deleted while walking
    }
    if (size > maxBytes) throw new Error(`findSecretTraces: ${file} is larger than ${maxBytes} bytes`);
    let content: Buffer;
    try {
      content = readFileSync(file);
    } catch {
      continue;
    }
    if (needles.some((needle) => content.includes(needle))) hits.push(file);
  }
  return hits;
}

/** True when `text` (an IPC response, a notification body, a log line) holds a trace of the secret. */
export function textHasSecretTrace(text: string, secret: string): boolean {
  const content = Buffer.from(text, 'utf8');
  return secretNeedles(secret).some((needle) => content.includes(needle));
}

function secretNeedles(secret: string): Buffer[] {
  const needles = [
    Buffer.from(secret, 'utf8'),
    Buffer.from(secret, 'utf16le'),
    Buffer.from(Buffer.from(secret).toString('base64')),
  ];
  if (secret.length > 40) {
    // The middle third of the secret: distinctive, and survives truncation at either end.
    const third = Math.floor(secret.length / 3);
    const middle = secret.slice(third, 2 * third);
    needles.push(Buffer.from(middle, 'utf8'), Buffer.from(middle, 'utf16le'));
  }
  return needles;
}

function* walkFiles(dir: string, skip: Set<string>): Generator<string> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) yield* walkFiles(path, skip);
    } else if (entry.isFile()) {
      yield path;
    }
    // Sockets, FIFOs and symlinks are skipped: reading them could block or leave the folder.
  }
}
