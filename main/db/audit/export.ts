import { once } from 'node:events';
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { AuditExportFormat } from '../../core/audit/export-format';
import { exportPreamble, formatExportRow } from '../../core/audit/export-format';
import { exportAction } from '../../core/audit/normalise-local';
import type { AuditStoreOptions } from './append';
import { recordLocalAuditAction } from './append';
import { iterateAuditEvents, toAuditQuery } from './search';

/** Rows are gathered into chunks of about this size before each write: fewer syscalls, still bounded memory. */
const CHUNK_CHARS = 64 * 1024;

/**
 * SQLite's page cache for the connection while it exports, in KiB. An export reads each page about once, in index
 * order, so cached pages are almost never read again; with better-sqlite3's default (16 MB) a large export only fills
 * the cache and keeps it allocated: 16 MB of the RSS growth a 1 M-event export showed, for no measurable speed.
 * Set for the export and put back afterwards, because the connection may be the caller's main one (the CLI).
 */
const EXPORT_CACHE_KIB = 1024;

/**
 * Streams every event matching `query` (newest first, as search shows them) to `out` as CSV or JSON Lines, honouring
 * backpressure: at most one chunk is held, whatever the trail's size. Does not end `out`.
 */
export async function streamAuditExport(
  db: Database.Database,
  input: { query: string; format: AuditExportFormat; spreadsheetSafe?: boolean },
  out: Writable,
): Promise<{ count: number }> {
  const query = toAuditQuery(input.query);
  let count = 0;
  let chunk = exportPreamble(input.format);
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  try {
    for (const event of iterateAuditEvents(db, query)) {
      chunk += formatExportRow(input.format, event, { spreadsheetSafe: input.spreadsheetSafe ?? false });
      count += 1;
      if (chunk.length >= CHUNK_CHARS) {
        const flowing = out.write(chunk);
        chunk = '';
        if (!flowing) await once(out, 'drain');
      }
    }
  } finally {
    db.pragma(`cache_size = ${cacheSize}`); // the loop has closed the statement by now (also when it threw)
  }
  if (chunk) out.write(chunk);
  return { count };
}

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
  input: { query: string; format: AuditExportFormat; file: string; spreadsheetSafe?: boolean },
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
    recordLocalAuditAction(options.writer ?? db, exportAction({ atMs, query: input.query, format: input.format, count, file: basename(input.file) }), options);
    return { count, file: input.file };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
