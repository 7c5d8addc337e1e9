import type Database from 'better-sqlite3';
import type { AuditTrailMarker } from '../../core/audit/verify';

/** The mirror's record that its profile has an audit trail (written with event 1, migration 0360); null: never had one. */
export function readAuditTrailMarker(db: Database.Database): AuditTrailMarker | null {
  const row = db.prepare('SELECT started_at_ms, first_event_hash FROM audit_trail_marker WHERE id = 1').get() as
    { started_at_ms: number; first_event_hash: string | null } | undefined;
  return row ? { startedAtMs: row.started_at_ms, firstEventHash: row.first_event_hash } : null;
}
