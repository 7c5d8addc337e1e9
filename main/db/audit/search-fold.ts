/**
 * Search's folding of our own report reads (core/audit/self-views.ts says what they are): each UTC day of them
 * answers as its newest read, with a summary that counts the day. The fold is SQL in the search's own WHERE clause,
 * so keyset paging, limits and cursors stay exact; nothing stored changes.
 */
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../core/audit/event';
import {
  DAY_MS,
  OWN_READ_TYPES,
  foldedSummary,
  isOwnRead,
  utcDay,
  type OwnReadsFold,
} from '../../core/audit/self-views';

export interface OwnReadsFolding {
  ownKeyIds: readonly string[];
}

function ownReadSql(ids: readonly string[], nullSafe: boolean): { sql: string; params: unknown[] } {
  const types = OWN_READ_TYPES.map(() => '?').join(', ');
  const keys = ids.map(() => '?').join(', ');
  // Null-safe for NOT (…): an event without an actor id is not ours, never "unknown" (which NOT would drop too).
  const actor = nullSafe ? `coalesce(actor_id IN (${keys}), 0)` : `actor_id IN (${keys})`;
  return {
    sql: `(source = 'compliance' AND type IN (${types}) AND ${actor})`,
    params: [...OWN_READ_TYPES, ...ids],
  };
}

/**
 * The clause that keeps every event except our own reads, of which it keeps the newest of each UTC day among those
 * the rest of the query (`base`, without the page cursor) selects.
 */
export function foldClause(
  folding: OwnReadsFolding,
  base: { clauses: string[]; params: unknown[] },
): { sql: string; params: unknown[] } {
  const flag = ownReadSql(folding.ownKeyIds, true);
  const own = ownReadSql(folding.ownKeyIds, false);
  const where = [own.sql, ...base.clauses].join(' AND ');
  return {
    // SQLite returns the row of max(at_ms) for the bare `id`: the newest read of each day.
    sql: `(NOT ${flag.sql} OR id IN (SELECT id FROM (SELECT id, max(at_ms) FROM audit_events WHERE ${where}
      GROUP BY at_ms / ${DAY_MS})))`,
    params: [...flag.params, ...own.params, ...base.params],
  };
}

/** A search result: a stored event, or the newest of a day's own reads standing for them all (`folded`). */
export type AuditSearchEvent = AuditEvent & { folded?: OwnReadsFold };

/** Gives each day's standing read its fold: the day's count by type and the summary saying so. */
export function describeFolds(
  db: Database.Database,
  events: AuditEvent[],
  folding: OwnReadsFolding,
  base: { clauses: string[]; params: unknown[] },
): AuditSearchEvent[] {
  const own = ownReadSql(folding.ownKeyIds, false);
  const count = db.prepare(
    `SELECT type, count(*) AS n FROM audit_events
     WHERE ${[own.sql, ...base.clauses, 'at_ms >= ?', 'at_ms < ?'].join(' AND ')} GROUP BY type`,
  );
  return events.map((event) => {
    if (!isOwnRead(event, folding.ownKeyIds)) return event;
    const dayStart = Math.floor(event.atMs / DAY_MS) * DAY_MS;
    const rows = count.all(...own.params, ...base.params, dayStart, dayStart + DAY_MS) as Array<{
      type: string;
      n: number;
    }>;
    const byType = Object.fromEntries(rows.map((row) => [row.type, Number(row.n)]));
    const fold: OwnReadsFold = {
      day: utcDay(event.atMs),
      count: rows.reduce((sum, row) => sum + Number(row.n), 0),
      byType,
    };
    return { ...event, summary: foldedSummary(fold, event.actor?.id ?? null), folded: fold };
  });
}
