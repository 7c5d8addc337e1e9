import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { AuditExportFormat } from '../../core/audit/export-format';
import { exportPreamble, formatExportRow } from '../../core/audit/export-format';
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
 *
 * Our own report reads are exported one by one even though search folds them (core/audit/self-views.ts): an export
 * is evidence handed to someone else, each row as stored with its hash, and a row standing for 35 others would match
 * no stored event; who reads it can drop them by type and actor. The query's `self:show` changes nothing here.
 */
export async function streamAuditExport(
  db: Database.Database,
  input: { query: string; format: AuditExportFormat; raw?: boolean },
  out: Writable,
): Promise<{ count: number }> {
  const query = toAuditQuery(input.query);
  let count = 0;
  let chunk = exportPreamble(input.format);
  // CSV cells that would run as spreadsheet formulas are defused unless the caller asked for the raw text.
  const rowOptions = { raw: input.raw ?? false };
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${EXPORT_CACHE_KIB}`);
  try {
    for (const event of iterateAuditEvents(db, query)) {
      chunk += formatExportRow(input.format, event, rowOptions);
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
