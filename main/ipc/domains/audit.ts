/**
 * `clade:audit/*`: the audit trail for the window. Search reads the mirror; export streams the
 * current query to a file that MAIN places (the window never touches the file system) and the audit layer
 * records the export, with its query, in the trail. A query the user must fix comes back as `bad-request`
 * with the parser's own words; nothing here reaches the network.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditQueryError, exportAuditToFile, searchAuditEvents } from '../../db/audit/index';
import type { AuditEvent } from '../../core/audit/event';
import type { AuditEventView } from '../../../preload/contract';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';

export interface AuditDeps {
  mirror: () => Database.Database | null;
  now: () => number;
  /**
   * Where exports are written. Default: an `exports` folder next to the profile's mirror (inside the data dir).
   * Null means exports are not possible (an in-memory mirror).
   */
  auditExportDir?: (db: Database.Database) => string | null;
}

export function defaultAuditExportDir(db: Database.Database): string | null {
  return db.memory || !db.name ? null : join(dirname(db.name), 'exports');
}

/** `audit-2026-11-23T19-52-55Z.csv`: sortable, no characters a file system refuses. */
export function exportFileName(atMs: number, format: 'csv' | 'jsonl'): string {
  const stamp = new Date(atMs).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/:/g, '-');
  return `audit-${stamp}.${format}`;
}

export function auditHandlers(deps: AuditDeps): {
  'clade:audit/search': Handler<'clade:audit/search'>;
  'clade:audit/export': Handler<'clade:audit/export'>;
} {
  return {
    'clade:audit/search': async (request) => {
      const db = deps.mirror();
      if (!db) return { events: [], nextCursor: null };
      const page = userFacing(() => searchAuditEvents(db, request.query, { limit: request.limit, cursor: request.cursor ?? null }));
      return { events: page.events.map(toView), nextCursor: page.nextCursor };
    },
    'clade:audit/export': async (request) => {
      const db = deps.mirror();
      const dir = db ? (deps.auditExportDir ?? defaultAuditExportDir)(db) : null;
      if (!db || dir === null) throw new HandlerError('unavailable', 'There is no local mirror to export from yet. Wait for the first sync to finish.');
      userFacing(() => searchAuditEvents(db, request.query, { limit: 1 })); // refuse a bad query before creating anything
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const file = uniqueFile(dir, exportFileName(deps.now(), request.format));
      // A separate read-only connection iterates: a streaming statement keeps its connection busy across awaits,
      // and the window's other reads (and the export record itself) go through the main connection meanwhile.
      const reader = new Database(db.name, { readonly: true, fileMustExist: true });
      try {
        const result = await exportAuditToFile(reader, { query: request.query, format: request.format, file }, { writer: db, now: deps.now });
        return { count: result.count, file: result.file };
      } catch (error) {
        if (error instanceof AuditQueryError) throw new HandlerError('bad-request', error.message);
        throw error;
      } finally {
        reader.close();
      }
    },
  };
}

function userFacing<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof AuditQueryError) throw new HandlerError('bad-request', error.message);
    throw error;
  }
}

/** Two exports in the same second get `-2`, `-3`… rather than overwriting each other. */
function uniqueFile(dir: string, name: string): string {
  let candidate = join(dir, name);
  for (let n = 2; existsSync(candidate) || existsSync(`${candidate}.partial`); n += 1) {
    candidate = join(dir, name.replace(/\.(csv|jsonl)$/, `-${n}.$1`));
  }
  return candidate;
}

function toView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    atMs: event.atMs,
    recordedAtMs: event.recordedAtMs,
    source: event.source,
    type: event.type,
    actor: event.actor,
    workspaceId: event.workspaceId,
    keyId: event.keyId,
    targets: event.targets,
    summary: event.summary,
    before: event.before,
    after: event.after,
    raw: event.raw,
    hash: event.hash,
  };
}
