/**
 * `status`'s line about the audit seal, from the mirror's switch record and the seal file (never the keychain:
 * status stays fast and offline). A file-protected seal is said as such, with its mode, because anyone who can read
 * the data folder can read it too.
 */
import { existsSync, statSync } from 'node:fs';
import { AUDIT_SEAL_FILE_SUFFIX, type AuditSealStore } from '../core/audit/seal';
import type { MirrorDb } from '../db/open';

export interface SealStatus {
  /** Null: the chain is plain SHA-256 so far. */
  store: AuditSealStore | null;
  keyedFromId: number | null;
  /** The seal file, for a file-protected seal. */
  file: string | null;
  /** The file's permission bits in octal ("600"), null when there is no file. */
  fileMode: string | null;
}

export async function readSealStatus(db: MirrorDb): Promise<SealStatus> {
  const { readSealSwitch } = await import('../db/audit/seal-switch');
  const record = readSealSwitch(db);
  if (record === null) return { store: null, keyedFromId: null, file: null, fileMode: null };
  const file = `${db.name}${AUDIT_SEAL_FILE_SUFFIX}`;
  const isFile = record.store === 'file';
  const fileMode = isFile && existsSync(file) ? (statSync(file).mode & 0o777).toString(8) : null;
  return { store: record.store, keyedFromId: record.keyedFromId, file: isFile ? file : null, fileMode };
}

export function describeSealStatus(seal: SealStatus): string {
  if (seal.store === null) return 'audit chain not keyed yet (plain SHA-256); the next sync seals it';
  if (seal.store === 'keychain')
    return `audit chain keyed from event ${seal.keyedFromId} with a secret in the OS keychain`;
  const mode =
    seal.fileMode === null
      ? 'MISSING: the keyed part cannot be verified or written'
      : `mode ${seal.fileMode}${seal.fileMode === '600' ? '' : ', TOO OPEN: run chmod 600 on it'}`;
  return `FILE-PROTECTED: audit chain keyed from event ${seal.keyedFromId} with ${seal.file} (${mode}); anyone who can read the data folder can re-seal the trail`;
}
