import type Database from 'better-sqlite3';
import type { StoredJournalEventLike } from '../../core/audit/normalise-journal';
import { fromStoredJournalEvent, normaliseJournalEvent } from '../../core/audit/normalise-journal';
import type { AuditStoreOptions } from './append';
import { appendInTransaction, confirmHead, resolveAuditOptions } from './append';
import { readIngestMark, writeIngestMark } from './ingest-marks';

export interface JournalCatchUpResult {
  appended: number;
  /** The last journal row id now in the trail. */
  mark: number;
}

/**
 * Brings the trail up to date with the sync engine's journal: reads rows after the last one recorded
 * (`listAfter(id)`, in id order, e.g. JournalRepo.listAfter), appends them and moves the mark in the same
 * transaction, until none are left. Call it after a sync, or inside the sync's own transaction.
 */
export function catchUpJournalIntoAudit(
  db: Database.Database,
  listAfter: (afterId: number) => readonly StoredJournalEventLike[],
  describe: (row: StoredJournalEventLike) => { name?: string | null; workspaceId?: string | null } = () => ({}),
  options: AuditStoreOptions = {},
): JournalCatchUpResult {
  const resolved = resolveAuditOptions(db, options);
  const nested = db.inTransaction;
  let mark = Number(readIngestMark(db, 'journal') ?? 0);
  let appended = 0;
  for (;;) {
    const rows = listAfter(mark);
    if (rows.length === 0) break;
    const last = rows[rows.length - 1]!;
    if (last.id <= mark) throw new Error(`journal rows must come after ${mark} in id order`);
    const outcome = db
      .transaction(() => {
        const drafts = rows.map((row) => normaliseJournalEvent(fromStoredJournalEvent(row, describe(row))));
        const result = appendInTransaction(db, drafts, resolved, nested);
        writeIngestMark(db, 'journal', String(last.id), resolved.now());
        return result;
      })
      .immediate();
    if (!nested) confirmHead(resolved, outcome);
    appended += outcome.result.appended;
    mark = last.id;
  }
  return { appended, mark };
}
