/**
 * Exporting the audit trail, for the window and the CLI alike: the current query streamed to a file as CSV or JSON
 * Lines, written as `<file>.partial` (0600, the trail is sensitive) and renamed when complete, so a failed export
 * never leaves a file that looks whole; then the export, with its query, recorded in the trail. The window's
 * exports go to an `exports` folder next to the profile's mirror, under names MAIN chooses (the window never
 * touches the file system).
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { AuditExportFormat } from '../core/audit/export-format';
import { exportAction } from '../core/audit/normalise-local';
import { recordLocalAuditAction, type AuditStoreOptions } from '../db/audit/append';
import { streamAuditExport } from '../db/audit/export';
import { openReadConnection } from '../db/open';
import { toAuditQuery } from '../db/audit/search';

export interface AuditExportOptions extends AuditStoreOptions {
  /**
   * The connection that records the export in the trail. Default: the one exported from. In the app, export from a
   * separate read-only connection (an iterating statement keeps its connection busy across the awaits) and pass the
   * main writer here.
   */
  writer?: Database.Database;
}

/**
 * Exports to a file: written as `<file>.partial` (0600, the trail is sensitive) and renamed when complete, so a
 * failed export never leaves a file that looks whole. Then records the export, with its query, in the trail.
 */
export async function exportAuditToFile(
  db: Database.Database,
  input: { query: string; format: AuditExportFormat; file: string; raw?: boolean },
  options: AuditExportOptions = {},
): Promise<{ count: number; file: string }> {
  toAuditQuery(input.query); // refuse a bad query before creating anything
  const partial = `${input.file}.partial`;
  const out = createWriteStream(partial, { mode: 0o600 });
  try {
    await once(out, 'open');
    const { count } = await streamAuditExport(db, input, out);
    out.end();
    await once(out, 'finish');
    renameSync(partial, input.file);
    const atMs = (options.now ?? Date.now)();
    recordLocalAuditAction(
      options.writer ?? db,
      exportAction({ atMs, query: input.query, format: input.format, count, file: basename(input.file) }),
      options,
    );
    return { count, file: input.file };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Where the window's exports of this mirror go; null when it has no file (an in-memory mirror). */
export function defaultAuditExportDir(db: Database.Database): string | null {
  return db.memory || !db.name ? null : join(dirname(db.name), 'exports');
}

/** `audit-2026-11-23T19-52-55Z.csv`: sortable, no characters a file system refuses. */
export function exportFileName(atMs: number, format: AuditExportFormat): string {
  const stamp = new Date(atMs)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/:/g, '-');
  return `audit-${stamp}.${format}`;
}

/** Two exports in the same second get `-2`, `-3`… rather than overwriting each other. */
function uniqueFile(dir: string, name: string): string {
  let candidate = join(dir, name);
  for (let n = 2; existsSync(candidate) || existsSync(`${candidate}.partial`); n += 1) {
    candidate = join(dir, name.replace(/\.(csv|jsonl)$/, `-${n}.$1`));
  }
  return candidate;
}

/**
 * The window's export of the open mirror into `dir`. A separate read-only connection iterates: a streaming statement
 * keeps its connection busy across awaits, and the window's other reads (and the export record itself) go through the
 * open connection meanwhile. Throws AuditQueryError for a query the admin must fix, before creating anything.
 */
export async function exportOpenMirror(
  db: Database.Database,
  input: { query: string; format: AuditExportFormat },
  options: { dir: string; now: () => number },
): Promise<{ count: number; file: string }> {
  toAuditQuery(input.query);
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  const file = uniqueFile(options.dir, exportFileName(options.now(), input.format));
  const reader = openReadConnection(db.name);
  try {
    return await exportAuditToFile(
      reader,
      { query: input.query, format: input.format, file },
      { writer: db, now: options.now },
    );
  } finally {
    reader.close();
  }
}
