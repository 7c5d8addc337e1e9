/**
 * `clade:audit/*`: the audit trail for the window. Search reads the mirror; export streams the
 * current query to a file that MAIN places (the window never touches the file system) and the audit layer
 * records the export, with its query, in the trail. A query the user must fix comes back as `bad-request`
 * with the parser's own words; nothing here reaches the network.
 */
import type Database from 'better-sqlite3';
import { AuditQueryError, searchAuditEvents, type AuditSearchEvent } from '../../db/audit/index';
import { defaultAuditExportDir, exportOpenMirror } from '../../services/export-audit';
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

export { defaultAuditExportDir, exportFileName } from '../../services/export-audit';

export function auditHandlers(deps: AuditDeps): {
  'clade:audit/search': Handler<'clade:audit/search'>;
  'clade:audit/export': Handler<'clade:audit/export'>;
} {
  return {
    'clade:audit/search': async (request) => {
      const db = deps.mirror();
      if (!db) return { events: [], nextCursor: null };
      const page = userFacing(() =>
        searchAuditEvents(db, request.query, { limit: request.limit, cursor: request.cursor ?? null }),
      );
      return { events: page.events.map(toView), nextCursor: page.nextCursor };
    },
    'clade:audit/export': async (request) => {
      const db = deps.mirror();
      const dir = db ? (deps.auditExportDir ?? defaultAuditExportDir)(db) : null;
      if (!db || dir === null)
        throw new HandlerError(
          'unavailable',
          'There is no local mirror to export from yet. Wait for the first sync to finish.',
        );
      try {
        return await exportOpenMirror(db, request, { dir, now: deps.now });
      } catch (error) {
        if (error instanceof AuditQueryError) throw new HandlerError('bad-request', error.message);
        throw error;
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

function toView(event: AuditSearchEvent): AuditEventView {
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
    ...(event.folded ? { folded: event.folded } : {}),
  };
}
