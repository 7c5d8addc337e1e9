import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Alert state, kept in the profile's mirror because rules and episodes are per profile:
 * - `alert_settings`: named JSON values — the edited rules (`rules`) and the local day of the last digest
 *   (`last_digest_day`);
 * - `alert_episodes`: every open and recent episode. The whole episode is one JSON document (its texts, its
 *   `view`, its hold); the columns beside it exist for ordering and for queries (open ones, notified ones);
 * - `alert_snoozes`: holds per rule and/or target until a time.
 * No secret is ever stored here: episode texts name workspaces and keys by name only.
 * Frozen once released: later changes go in a new migration.
 */
const DDL = `
CREATE TABLE alert_settings (
  name TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE alert_episodes (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  condition_id TEXT NOT NULL,
  rule TEXT NOT NULL,
  severity TEXT NOT NULL,
  opened_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  closed_at_ms INTEGER,
  notified_at_ms INTEGER,
  episode_json TEXT NOT NULL CHECK (json_valid(episode_json))
) STRICT;
CREATE INDEX alert_episodes_by_seq ON alert_episodes (seq);
CREATE INDEX alert_episodes_open ON alert_episodes (condition_id) WHERE closed_at_ms IS NULL;

CREATE TABLE alert_snoozes (
  rule TEXT NOT NULL,
  target_id TEXT,
  until_ms INTEGER NOT NULL
) STRICT;
`;

export const migration: Migration = {
  id: 200,
  name: 'create-alert-state',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
