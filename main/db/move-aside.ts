/**
 * A mirror that cannot be read is never rewritten: it is moved aside under a timestamped name (with its WAL and
 * shared-memory files, so the pair still opens), and the next sync builds a new one from the Admin API.
 */
import { existsSync, renameSync } from 'node:fs';
import { AUDIT_HEAD_SUFFIX } from '../core/audit/head';
import { AUDIT_SEAL_FILE_SUFFIX } from '../core/audit/seal';
import type { StorageError } from '../core/storage-error';

const SIDECARS = ['-wal', '-shm', '-journal', AUDIT_HEAD_SUFFIX, AUDIT_SEAL_FILE_SUFFIX];
import { openMirror } from './open';
import { asStorageError, damagedMirror } from './storage-errors';

/**
 * Why the mirror at `file` cannot be used, or null when it opens and SQLite's quick check finds it sound. The check
 * reads every page (seconds on a large mirror): for the repair flow, not for every start.
 */
export function inspectMirror(file: string): StorageError | null {
  try {
    const db = openMirror(file, { readonly: true });
    try {
      const findings = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
      const problems = findings.map((f) => f.quick_check).filter((f) => f !== 'ok');
      return problems.length > 0 ? damagedMirror(file, problems.slice(0, 3).join('; ')) : null;
    } finally {
      db.close();
    }
  } catch (error) {
    return asStorageError(error, file);
  }
}

/**
 * Renames the mirror and the files that belong to it (-wal, -shm, -journal, its audit head and seal file) to
 * `<file>.damaged-<UTC time>…`, so they still open and verify together; answers the new name of the mirror. The
 * head goes too: left behind, it would flag the new mirror's first trail event as a rewrite.
 */
export function moveMirrorAside(file: string, nowMs: number): string {
  const stamp = new Date(nowMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const target = `${file}.damaged-${stamp}`;
  if (existsSync(target)) throw new Error(`${target} already exists; try again in a second`);
  // The sidecars first: a crash in between leaves the main file in place, which the next attempt moves.
  for (const suffix of SIDECARS) if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  renameSync(file, target);
  return target;
}
