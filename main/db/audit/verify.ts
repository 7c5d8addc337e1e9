import type Database from 'better-sqlite3';
import type { AuditAnchor, AuditVerifyResult } from '../../core/audit/verify';
import { createChainVerifier } from '../../core/audit/verify';
import type { AuditStoreOptions } from './append';
import { resolveAuditOptions } from './append';
import type { AuditEventRow } from './audit-rows';
import { RECORD_COLUMNS, rowToRecord } from './audit-rows';
import { readHeadFile } from './head-file';

/** The latest purge anchor, or null when nothing was ever purged. */
export function readAuditAnchor(db: Database.Database): AuditAnchor | null {
  const row = db.prepare('SELECT through_id, through_hash, removed_total FROM audit_anchors ORDER BY id DESC LIMIT 1').get() as
    | { through_id: number; through_hash: string; removed_total: number }
    | undefined;
  return row ? { throughId: row.through_id, throughHash: row.through_hash, removedTotal: row.removed_total } : null;
}

/**
 * Recomputes the whole chain from the genesis (or the latest purge anchor), streaming the events in id order, and
 * checks its end against the external head file. Reports the first broken link, naming the event.
 */
export function verifyAuditChain(db: Database.Database, options: AuditStoreOptions = {}): AuditVerifyResult {
  const { hash, headPath } = resolveAuditOptions(db, options);
  const verifier = createChainVerifier(readAuditAnchor(db), hash);
  const rows = db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events ORDER BY id`).iterate() as IterableIterator<AuditEventRow>;
  for (const row of rows) {
    if (!verifier.feed(rowToRecord(row))) {
      rows.return?.();
      break;
    }
  }
  return verifier.finish(headPath === null ? { kind: 'none' } : { kind: 'file', head: readHeadFile(headPath) });
}
