import type Database from 'better-sqlite3';
import type { JournalContext, StoredJournalEventLike } from '../../core/audit/normalise-journal';
import { fromStoredJournalEvent, normaliseJournalEvent } from '../../core/audit/normalise-journal';
import type { AuditStoreOptions } from './append';
import { appendInTransaction, confirmHead, resolveAuditOptions } from './append';
import { readIngestMark, writeIngestMark } from './ingest-marks';

export interface JournalCatchUpResult {
  appended: number;
  /** Rows left out because `coveredByFeed` found the feed activity that records the same change. */
  skipped: number;
  /** The last journal row id now in the trail. */
  mark: number;
}

/**
 * Brings the trail up to date with the sync engine's journal: reads rows after the last one recorded
 * (`listAfter(id)`, in id order, e.g. JournalRepo.listAfter), appends them and moves the mark in the same
 * transaction, until none are left. Call it after a sync, or inside the sync's own transaction.
 *
 * `coveredByFeed` (journal-feed-match.ts `feedActivityMatcher`, passed only when this sync read the Compliance feed
 * to its end) names the stored feed activity that records a row's change; such a row is not appended (the feed's
 * copy, with its actor, is the one event in the trail) but the mark still moves past it in the same transaction,
 * so a re-run neither appends it later nor loses an unmatched one.
 */
export function catchUpJournalIntoAudit(
  db: Database.Database,
  listAfter: (afterId: number) => readonly StoredJournalEventLike[],
  describe: (row: StoredJournalEventLike) => JournalContext = () => ({}),
  options: AuditStoreOptions = {},
  coveredByFeed: ((row: StoredJournalEventLike) => string | null) | null = null,
): JournalCatchUpResult {
  const resolved = resolveAuditOptions(db, options);
  const nested = db.inTransaction;
  let mark = Number(readIngestMark(db, 'journal') ?? 0);
  let appended = 0;
  let skipped = 0;
  for (;;) {
    const rows = listAfter(mark);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    if (last.id <= mark) throw new Error(`journal rows must come after ${mark} in id order`);
    const outcome = db
      .transaction(() => {
        const kept = coveredByFeed ? rows.filter((row) => coveredByFeed(row) === null) : rows;
        const drafts = kept.map((row) => normaliseJournalEvent(fromStoredJournalEvent(row, describe(row))));
        const result = appendInTransaction(db, drafts, resolved, nested);
        writeIngestMark(db, 'journal', String(last.id), resolved.now());
        return { ...result, skipped: rows.length - kept.length };
      })
      .immediate();
    if (!nested) confirmHead(resolved, outcome);
    appended += outcome.result.appended;
    skipped += outcome.skipped;
    mark = last.id;
  }
  return { appended, skipped, mark };
}
