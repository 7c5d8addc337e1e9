import type Database from 'better-sqlite3';
import type { AuditSealState } from '../../core/audit/seal';

/**
 * The audit seal found when the profile's mirror was opened (services/audit-seal.ts), kept with that connection for
 * as long as it is open. Every append and verify reads it from here (append.ts `resolveAuditOptions`), so each of the
 * trail's writers (sync's journal catch-up, compliance ingest, local actions, key changes, purge, head reset) uses
 * the one seal resolved at open, and none needs the keychain (which may be slow or absent) while it writes.
 * Held in memory only: never in the mirror, a log or an export.
 */
const bound = new WeakMap<Database.Database, AuditSealState>();

export function bindAuditSeal(db: Database.Database, seal: AuditSealState): void {
  bound.set(db, seal);
}

/** The seal bound to this connection; null when none was (demo, tests, a connection opened for reading only). */
export function boundAuditSeal(db: Database.Database): AuditSealState | null {
  return bound.get(db) ?? null;
}
