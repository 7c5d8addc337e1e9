import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Where the audit chain turns keyed (core/audit/seal.ts): one row, written with the first event chained with the
 * profile's audit seal (HMAC-SHA-256), in the same transaction. Events before it keep their plain SHA-256 hashes and
 * verify as they always did; events from `keyed_from_id` on verify only with the seal's secret.
 *
 * - The row may only be written at the chain's end (the next event's id), so a switch cannot be placed back over
 *   events already written plainly; and, like the trail marker, it cannot be changed or deleted.
 * - `seal_id` is a fingerprint of the secret (an HMAC of a fixed text, which says nothing of the secret), so verify
 *   can tell "this is not the seal this trail was sealed with" from "these events were altered".
 * - `store` says where the secret is kept: `keychain`, or `file` (a 0600 file beside the mirror, where no keychain
 *   was reachable): `status` reports the second as file-protected.
 * - The seal's store records the same first id, so removing this row (to pass off an unkeyed, re-chained trail) makes
 *   the two disagree, and verify says so.
 *
 * No backfill: an existing chain stays unkeyed until its next append with a seal.
 */
const DDL = `
CREATE TABLE audit_seal_switch (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  keyed_from_id INTEGER NOT NULL CHECK (keyed_from_id >= 1),
  switched_at_ms INTEGER NOT NULL,
  seal_id TEXT NOT NULL,
  store TEXT NOT NULL CHECK (store IN ('keychain', 'file'))
) STRICT;

CREATE TRIGGER audit_seal_switch_at_chain_end BEFORE INSERT ON audit_seal_switch
WHEN NEW.keyed_from_id <> coalesce((SELECT max(id) FROM audit_events), (SELECT max(through_id) FROM audit_anchors), 0) + 1
BEGIN
  SELECT RAISE(ABORT, 'audit_seal_switch: the chain can only turn keyed at its end');
END;

CREATE TRIGGER audit_seal_switch_no_update BEFORE UPDATE ON audit_seal_switch
BEGIN
  SELECT RAISE(ABORT, 'audit_seal_switch is kept as written: the chain is keyed from this point');
END;

CREATE TRIGGER audit_seal_switch_no_delete BEFORE DELETE ON audit_seal_switch
BEGIN
  SELECT RAISE(ABORT, 'audit_seal_switch is kept as written: the chain is keyed from this point');
END;
`;

export const AUDIT_SEAL_SWITCH_MIGRATION_ID = 370;

export const migration: Migration = {
  id: AUDIT_SEAL_SWITCH_MIGRATION_ID,
  name: 'create-audit-seal-switch',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
