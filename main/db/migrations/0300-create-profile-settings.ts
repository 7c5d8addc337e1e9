import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Per-profile settings that are not alert rules (those stay in `alert_settings`): the sync interval, the
 * history to keep, the audit retention, what the compliance probe learnt. Named JSON values, read through the
 * typed catalogue in db/settings/profile-settings.ts. Frozen once released.
 */
const DDL = `
CREATE TABLE profile_settings (
  name TEXT PRIMARY KEY,
  value_json TEXT NOT NULL CHECK (json_valid(value_json)),
  updated_at_ms INTEGER NOT NULL
) STRICT;
`;

export const migration: Migration = {
  id: 300,
  name: 'create-profile-settings',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
