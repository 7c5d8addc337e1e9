/**
 * Finds the stored Compliance feed activity that already records a journal event (core/audit/feed-coverage.ts says
 * which differences the feed covers and how an activity must match). The activity must lie in the journal event's
 * diff window: after the sync before the one that found the difference, up to the end of that sync, give or take
 * FEED_MATCH_MARGIN_MS (the feed's own "queryable within ~1 minute" plus clock skew between us and the API).
 * Before any earlier sync there is no lower bound (the first sync journals nothing, so this is rare).
 */
import type Database from 'better-sqlite3';
import { feedCoverageOf } from '../../core/audit/feed-coverage';
import type { StoredJournalEventLike } from '../../core/audit/normalise-journal';

export const FEED_MATCH_MARGIN_MS = 5 * 60_000;

export interface JournalDiffWindow {
  fromMs: number;
  toMs: number;
}

/** The window a journal row's difference happened in (its `atMs` is the start of the sync that found it). */
export function journalDiffWindow(db: Database.Database, atMs: number, nowMs: number): JournalDiffWindow {
  const previous = db.prepare('SELECT max(started_at_ms) FROM sync_runs WHERE started_at_ms < ?').pluck().get(atMs) as
    number | bigint | null;
  const finished = db
    .prepare('SELECT finished_at_ms FROM sync_runs WHERE started_at_ms = ? ORDER BY id DESC LIMIT 1')
    .pluck()
    .get(atMs) as number | bigint | null | undefined;
  const end = Math.max(atMs, finished == null ? nowMs : Number(finished));
  return {
    fromMs: previous == null ? Number.MIN_SAFE_INTEGER : Number(previous) - FEED_MATCH_MARGIN_MS,
    toMs: end + FEED_MATCH_MARGIN_MS,
  };
}

/**
 * A function telling, for a journal row, the id of the feed activity in the trail that records the same change
 * (null: not covered, or covered but no such activity is stored, e.g. feed lag; the caller keeps it then). Make one
 * per catch-up: it caches what it read, and the trail's feed events must not change while it is used.
 */
export function feedActivityMatcher(
  db: Database.Database,
  nowMs: () => number,
): (row: StoredJournalEventLike) => string | null {
  const candidates = db.prepare(
    `SELECT external_id, raw_json FROM audit_events
     WHERE source = 'compliance' AND type = ? AND at_ms BETWEEN ? AND ? AND raw_json IS NOT NULL
     ORDER BY at_ms, id`,
  );
  // The rows of one sync share a window: each (type, window) is read and parsed once per matcher, not once per row
  // (a sync that finds thousands of new keys would otherwise re-read the same activities for each).
  const cache = new Map<string, Array<{ id: string; activity: Record<string, unknown> }>>();
  const activities = (type: string, window: JournalDiffWindow) => {
    const key = `${type}|${window.fromMs}|${window.toMs}`;
    let list = cache.get(key);
    if (!list) {
      list = [];
      for (const candidate of candidates.all(type, window.fromMs, window.toMs) as Array<{
        external_id: string | null;
        raw_json: string;
      }>) {
        const raw = JSON.parse(candidate.raw_json) as unknown;
        if (typeof raw === 'object' && raw !== null && !Array.isArray(raw))
          list.push({ id: candidate.external_id ?? '', activity: raw as Record<string, unknown> });
      }
      cache.set(key, list);
    }
    return list;
  };
  return (row) => {
    const coverage = feedCoverageOf(row);
    if (!coverage) return null;
    const window = journalDiffWindow(db, row.atMs, nowMs());
    for (const type of coverage.types) {
      const match = activities(type, window).find((candidate) => coverage.matches(candidate.activity));
      if (match) return match.id;
    }
    return null;
  };
}
