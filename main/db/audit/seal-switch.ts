import type Database from 'better-sqlite3';
import type { AuditSealStore, AuditSealSwitch } from '../../core/audit/seal';

/**
 * The mirror's switch record (migration 0370): null when the chain is plain SHA-256 throughout. A database built
 * without that migration (a few tests build only the audit tables) reads as never switched.
 */
export function readSealSwitch(db: Database.Database): AuditSealSwitch | null {
  let row: { keyed_from_id: number; switched_at_ms: number; seal_id: string; store: AuditSealStore } | undefined;
  try {
    row = db
      .prepare('SELECT keyed_from_id, switched_at_ms, seal_id, store FROM audit_seal_switch WHERE id = 1')
      .get() as typeof row;
  } catch (error) {
    if (error instanceof Error && /no such table: audit_seal_switch/.test(error.message)) return null;
    throw error;
  }
  return row
    ? { keyedFromId: row.keyed_from_id, switchedAtMs: row.switched_at_ms, sealId: row.seal_id, store: row.store }
    : null;
}

/** Records the switch; the caller's transaction also appends event `keyedFromId`, the first keyed one. */
export function recordSealSwitch(db: Database.Database, record: AuditSealSwitch): void {
  db.prepare(
    'INSERT INTO audit_seal_switch (id, keyed_from_id, switched_at_ms, seal_id, store) VALUES (1, ?, ?, ?, ?)',
  ).run(record.keyedFromId, record.switchedAtMs, record.sealId, record.store);
}
