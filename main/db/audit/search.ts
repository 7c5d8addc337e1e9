import type Database from 'better-sqlite3';
import { recordToEvent } from '../../core/audit/chain';
import type { AuditEvent } from '../../core/audit/event';
import type { AuditPageCursor } from '../../core/audit/paging';
import { clampPageSize, decodeAuditCursor, encodeAuditCursor } from '../../core/audit/paging';
import type { AuditQuery } from '../../core/audit/query';
import { ftsMatchExpression, parseAuditQuery } from '../../core/audit/query';
import type { AuditEventRow } from './audit-rows';
import { RECORD_COLUMNS, rowFromValues, rowToRecord } from './audit-rows';
import { ownAdminKeyIds } from './own-admin-keys';
import { describeFolds, foldClause, type AuditSearchEvent, type OwnReadsFolding } from './search-fold';
import { indexedMatchExpression } from './search-match';

export type { AuditSearchEvent } from './search-fold';

/** A query the user must fix (bad date, unknown source, foreign cursor): shown as is, never a stack trace. */
export class AuditQueryError extends Error {
  override name = 'AuditQueryError';
}

export interface AuditSearchPage {
  /** Our own report reads come one line a day (`folded`) unless the query says `self:show`. */
  events: AuditSearchEvent[];
  /** Pass back as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

export function toAuditQuery(query: string | AuditQuery): AuditQuery {
  const parsed = typeof query === 'string' ? parseAuditQuery(query) : query;
  if (parsed.errors.length) throw new AuditQueryError(parsed.errors.join('; '));
  return parsed;
}

/**
 * How text search picks its plan. A term matching few events is answered by listing them from the FTS index. A
 * term matching very many (a word in every summary) would make that list huge for every page, so instead the
 * trail is walked newest first in batches and each batch is checked against the index by rowid range.
 */
export interface AuditSearchTuning {
  /** Up to this many matches, list them; above, walk in batches. */
  inListMax: number;
  batch: number;
}
export const DEFAULT_SEARCH_TUNING: AuditSearchTuning = { inListMax: 5000, batch: 2000 };

/** Newest first, keyset-paged on (at_ms, id). An empty query lists everything. */
export function searchAuditEvents(
  db: Database.Database,
  query: string | AuditQuery,
  page: { limit?: number; cursor?: string | null } = {},
  tuning: AuditSearchTuning = DEFAULT_SEARCH_TUNING,
): AuditSearchPage {
  const limit = clampPageSize(page.limit);
  let after: AuditPageCursor | null = null;
  if (page.cursor) {
    after = decodeAuditCursor(page.cursor);
    if (!after) throw new AuditQueryError(`not a valid page cursor: "${page.cursor}"`);
  }
  const parsed = toAuditQuery(query);
  const match = indexedMatchExpression(db, parsed.text);
  const folding = ownReadsFolding(db, parsed);
  let rows: AuditEventRow[];
  if (match !== null && matchesMoreThan(db, match, tuning.inListMax)) {
    const ids = walkForMatches(db, { ...parsed, text: [] }, match, after, limit + 1, tuning.batch, folding);
    rows = db
      .prepare(
        `SELECT ${RECORD_COLUMNS} FROM audit_events WHERE id IN (SELECT value FROM json_each(?)) ORDER BY at_ms DESC, id DESC`,
      )
      .all(JSON.stringify(ids)) as AuditEventRow[];
  } else {
    const { sql, params } = selectSql(parsed, after, match, folding);
    rows = db.prepare(`${sql} LIMIT ?`).all(...params, limit + 1) as AuditEventRow[];
  }
  const stored = rows.slice(0, limit).map((row) => recordToEvent(rowToRecord(row)));
  const events = folding ? describeFolds(db, stored, folding, filterClauses(parsed, match)) : stored;
  const last = events[events.length - 1];
  const nextCursor = rows.length > limit && last ? encodeAuditCursor({ atMs: last.atMs, id: last.id }) : null;
  return { events, nextCursor };
}

/** Our own report reads fold unless the query says `self:show`; nothing folds before our key is known. */
function ownReadsFolding(db: Database.Database, query: AuditQuery): OwnReadsFolding | null {
  if (query.selfShow) return null;
  const ownKeyIds = ownAdminKeyIds(db);
  return ownKeyIds.length ? { ownKeyIds } : null;
}

function matchesMoreThan(db: Database.Database, match: string, max: number): boolean {
  const count = db
    .prepare('SELECT count(*) FROM (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? LIMIT ?)')
    .pluck()
    .get(match, max + 1) as number;
  return count > max;
}

/**
 * The ids of the first `want` events (newest first, after `after`) that satisfy the qualifiers and the text match:
 * candidates come from the time (or qualifier) index in batches; each batch is checked in one statement that reads
 * the FTS index over the batch's rowid range only and keeps the rows among the batch's ids (a small in-memory list
 * with a Bloom filter), so a batch costs one FTS cursor, however sparse the qualifier.
 *
 * The first batch is sized from the text's density among the newest events, so that it probably holds a page of
 * matches (a qualifier matching one event in 500 spreads even a few hundred candidates over much of the trail, and
 * the FTS range read grows with that spread); later batches double, up to `maxBatch`.
 *
 * The range bounds are bound as integers on purpose: FTS5 ignores a rowid bound that arrives as a REAL (as a
 * JavaScript number does through better-sqlite3) and then reads the whole doclist.
 */
function walkForMatches(
  db: Database.Database,
  qualifiers: AuditQuery,
  match: string,
  after: AuditPageCursor | null,
  want: number,
  maxBatch: number,
  folding: OwnReadsFolding | null,
): number[] {
  const inRange = db
    .prepare(
      `SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? AND rowid BETWEEN CAST(? AS INTEGER) AND CAST(? AS INTEGER)
         AND +rowid IN (SELECT value FROM json_each(?))`,
    )
    .pluck();
  const hits: number[] = [];
  let cursor = after;
  let batch = Math.min(maxBatch, firstBatchSize(db, match, want));
  while (hits.length < want) {
    const { where, params } = whereClause(qualifiers, cursor, null, folding, match);
    const candidates = db
      .prepare(`SELECT id, at_ms FROM audit_events ${where} ORDER BY at_ms DESC, id DESC LIMIT ?`)
      .all(...params, batch) as Array<{ id: number; at_ms: number }>;
    if (candidates.length === 0) break;
    let low = Infinity;
    let high = -Infinity;
    for (const c of candidates) {
      low = Math.min(low, c.id);
      high = Math.max(high, c.id);
    }
    const matched = new Set(inRange.all(match, low, high, JSON.stringify(candidates.map((c) => c.id))) as number[]);
    for (const c of candidates) {
      if (matched.has(c.id)) hits.push(c.id);
      if (hits.length === want) break;
    }
    if (candidates.length < batch) break;
    const last = candidates[candidates.length - 1]!;
    cursor = { atMs: last.at_ms, id: last.id };
    batch = Math.min(maxBatch, batch * 2);
  }
  return hits;
}

/** Events sampled (the newest ids) to estimate how often the text matches. */
const DENSITY_SAMPLE = 10_000;

/** Candidates a first batch needs to hold `want` matches, judging by the text's share of the newest events. */
function firstBatchSize(db: Database.Database, match: string, want: number): number {
  const newest = (db.prepare('SELECT max(id) FROM audit_events').pluck().get() as number | null) ?? 0;
  const sampled = Math.min(DENSITY_SAMPLE, newest);
  const matched = db
    .prepare('SELECT count(*) FROM audit_fts WHERE audit_fts MATCH ? AND rowid > CAST(? AS INTEGER)')
    .pluck()
    .get(match, newest - sampled) as number;
  const density = Math.max(matched, 1) / Math.max(sampled, 1);
  return Math.max(want, Math.ceil((want / density) * 1.25));
}

/**
 * Every matching event, newest first, one row at a time (better-sqlite3 `.iterate()`): for exports, which must not
 * hold the trail in memory. Rows are read as arrays (a third cheaper than row objects built in the native layer,
 * which matters at a million rows). The connection is busy until the iterator finishes or is returned.
 */
export function* iterateAuditEvents(db: Database.Database, query: string | AuditQuery): Generator<AuditEvent> {
  const parsed = toAuditQuery(query);
  // Never folded: an export is the record itself, every event as stored and hashed (see db/audit/export.ts).
  const { sql, params } = selectSql(parsed, null, indexedMatchExpression(db, parsed.text));
  const statement = db.prepare(sql).raw();
  const toRow = rowFromValues(statement.columns().map((column) => column.name));
  for (const values of statement.iterate(...params) as IterableIterator<unknown[]>) {
    yield recordToEvent(rowToRecord(toRow(values)));
  }
}

export function countAuditEvents(db: Database.Database, query: string | AuditQuery): number {
  const parsed = toAuditQuery(query);
  const { where, params } = whereClause(parsed, null, indexedMatchExpression(db, parsed.text));
  return (
    (db
      .prepare(`SELECT count(*) FROM audit_events ${where}`)
      .pluck()
      .get(...params) as number) ?? 0
  );
}

function selectSql(
  query: AuditQuery,
  after: AuditPageCursor | null,
  match: string | null,
  folding: OwnReadsFolding | null = null,
): { sql: string; params: unknown[] } {
  const { where, params } = whereClause(query, after, match, folding);
  return { sql: `SELECT ${RECORD_COLUMNS} FROM audit_events ${where} ORDER BY at_ms DESC, id DESC`, params };
}

/**
 * The WHERE clause of a parsed query: qualifiers of one kind OR together, kinds AND together. `match` is the FTS
 * expression for the query's text (`indexedMatchExpression`), computed once by the caller. With `folding`, our own
 * report reads are kept only as the newest of each day (search-fold.ts); `foldMatch` is the text match the fold's
 * days are chosen under when the caller checks the text itself (the batch walk passes no `match`).
 */
export function whereClause(
  query: AuditQuery,
  after: AuditPageCursor | null,
  match: string | null = ftsMatchExpression(query.text),
  folding: OwnReadsFolding | null = null,
  foldMatch: string | null = match,
): { where: string; params: unknown[] } {
  const { clauses, params } = filterClauses(query, match);
  if (folding) {
    const fold = foldClause(folding, filterClauses(query, foldMatch));
    clauses.push(fold.sql);
    params.push(...fold.params);
  }
  if (after) {
    // A row-value comparison, so the index seeks straight to the page instead of scanning the pages before it.
    clauses.push('(at_ms, id) < (?, ?)');
    params.push(after.atMs, after.id);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

/** The query's own conditions (no page cursor, no fold), as clauses to AND and their parameters. */
function filterClauses(query: AuditQuery, match: string | null): { clauses: string[]; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const anyOf = (values: string[], one: (value: string) => { sql: string; params: unknown[] }): void => {
    if (!values.length) return;
    const parts = values.map(one);
    clauses.push(`(${parts.map((p) => p.sql).join(' OR ')})`);
    for (const part of parts) params.push(...part.params);
  };

  if (match !== null) {
    clauses.push('id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)');
    params.push(match);
  } else if (query.text.length) {
    clauses.push('0'); // only punctuation was typed: nothing can match it
  }
  anyOf(query.actor, actorClause);
  anyOf(query.type, (value) =>
    value.endsWith('*')
      ? { sql: "type LIKE ? ESCAPE '\\'", params: [`${escapeLike(value.slice(0, -1).toLowerCase())}%`] }
      : { sql: 'type = ?', params: [value.toLowerCase()] },
  );
  anyOf(query.workspace, (value) => idOrName('workspace_id', 'workspace', /^wrkspc_/, value));
  anyOf(query.key, (value) => idOrName('key_id', 'api_key', /^apikey_/, value));
  if (query.source.length) {
    clauses.push(`source IN (${query.source.map(() => '?').join(', ')})`);
    params.push(...query.source);
  }
  if (query.afterMs !== null) {
    clauses.push('at_ms >= ?');
    params.push(query.afterMs);
  }
  if (query.beforeMs !== null) {
    clauses.push('at_ms < ?');
    params.push(query.beforeMs);
  }
  return { clauses, params };
}

/**
 * `actor:` with an e-mail address or an API id uses the indexed column alone (who-did-what is the access review's
 * main question); anything else matches an id or kind exactly, or an e-mail or name by prefix, ignoring case.
 */
function actorClause(value: string): { sql: string; params: unknown[] } {
  if (value.includes('@')) return { sql: 'actor_email = ? COLLATE NOCASE', params: [value] };
  if (/^(user|apikey|svac)_/.test(value)) return { sql: 'actor_id = ?', params: [value] };
  const prefix = `${escapeLike(value)}%`;
  return {
    sql: "(actor_id = ? OR actor_kind = ? OR actor_email LIKE ? ESCAPE '\\' OR actor_name LIKE ? ESCAPE '\\')",
    params: [value, value.toLowerCase(), prefix, prefix],
  };
}

/**
 * `key:apikey_…` / `workspace:wrkspc_…` use the indexed id column alone; anything else may also be a name, matched
 * against the event's targets (`key:"deploy bot"`, `workspace:marketing`).
 */
function idOrName(
  column: string,
  targetType: string,
  idShape: RegExp,
  value: string,
): { sql: string; params: unknown[] } {
  if (idShape.test(value)) return { sql: `${column} = ?`, params: [value] };
  return { sql: `(${column} = ? OR ${targetNamed(targetType)})`, params: [value, value, value] };
}

/** A target of this type whose id equals the value or whose name equals it ignoring case (two parameters). */
function targetNamed(type: string): string {
  return `EXISTS (SELECT 1 FROM json_each(targets_json) AS t WHERE json_extract(t.value, '$.type') = '${type}'
    AND (json_extract(t.value, '$.id') = ? OR json_extract(t.value, '$.name') = ? COLLATE NOCASE))`;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
