import type Database from 'better-sqlite3';
import type { AuditHeadFile } from '../../core/audit/head';
import type { AuditAnchor, AuditVerifyResult } from '../../core/audit/verify';
import { createChainVerifier } from '../../core/audit/verify';
import { judgeSeal } from '../../core/audit/seal';
import type { AuditStoreOptions } from './append';
import { readAuditTip, resolveAuditOptions } from './append';
import type { AuditEventRow } from './audit-rows';
import { RECORD_COLUMNS, rowToRecord } from './audit-rows';
import { readHeadFile } from './head-file';
import { readSealSwitch } from './seal-switch';
import { readAuditTrailMarker } from './trail-marker';

/** Passes over events appended while verify ran (the app writing while the CLI verifies), before giving up. */
const MAX_CATCH_UP_PASSES = 3;

/** The latest purge anchor, or null when nothing was ever purged. */
export function readAuditAnchor(db: Database.Database): AuditAnchor | null {
  const row = db
    .prepare('SELECT through_id, through_hash, removed_total FROM audit_anchors ORDER BY id DESC LIMIT 1')
    .get() as { through_id: number; through_hash: string; removed_total: number } | undefined;
  return row ? { throughId: row.through_id, throughHash: row.through_hash, removedTotal: row.removed_total } : null;
}

/**
 * Recomputes the whole chain from the genesis (or the latest purge anchor), streaming the events in id order, and
 * checks its end against the external head file. From the seal's switch point on (migration 0370) the hashes are the
 * seal's HMAC, checked with the seal bound to `db` (or given); without it that part fails as not checkable. Reports the first broken link, naming the event. A profile whose
 * mirror records that it has a trail fails when the trail is gone or was started again, whatever the head says.
 *
 * Another process may append while this runs: its head file can then be ahead of the snapshot just verified. In
 * that case verify continues with the events appended since (same chain, later rows) and checks the head again.
 */
export function verifyAuditChain(db: Database.Database, options: AuditStoreOptions = {}): AuditVerifyResult {
  const { hash, seal, headPath } = resolveAuditOptions(db, options);
  let verifier!: ReturnType<typeof createChainVerifier>;
  let lastId = 0;
  let intact = true;
  const pass = (): void => {
    const rows = db
      .prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events WHERE id > ? ORDER BY id`)
      .iterate(lastId) as IterableIterator<AuditEventRow>;
    for (const row of rows) {
      if (!verifier.feed(rowToRecord(row))) {
        intact = false;
        rows.return?.();
        return;
      }
      lastId = row.id;
    }
  };
  // Anchor, marker and first pass in one read transaction, so a concurrent purge cannot slip between them.
  db.transaction(() => {
    const anchor = readAuditAnchor(db);
    // The seal is judged against where the chain ends now: a seal keying events the mirror holds with no switch
    // record says the record was removed.
    const sealing = judgeSeal(readSealSwitch(db), seal, readAuditTip(db).lastId);
    verifier = createChainVerifier(anchor, hash, readAuditTrailMarker(db), sealing);
    lastId = anchor?.throughId ?? 0;
    pass();
  })();
  if (headPath === null) return verifier.finish({ kind: 'none' });

  let head = readHeadFile(headPath);
  for (let extra = 0; intact && extra < MAX_CATCH_UP_PASSES && headIsAhead(head, lastId); extra += 1) {
    pass();
    head = readHeadFile(headPath);
  }
  return verifier.finish({ kind: 'file', head });
}

/** The head records more events than were verified (ids run 1, 2, 3, …, so the last id is the count). */
function headIsAhead(head: AuditHeadFile | null, verifiedCount: number): boolean {
  if (head === null) return false;
  return Math.max(head.confirmed.count, ...head.pending.map((mark) => mark.count)) > verifiedCount;
}
