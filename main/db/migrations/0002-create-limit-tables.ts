import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Invites, rate limits (org and workspace overrides) and spend limits.
 * Spend-limit amounts are exact integers of 1e-9 cents. Frozen once released.
 */
const DDL = `
CREATE TABLE invites (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  invited_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER NOT NULL,
  accepted_at_ms INTEGER,
  rbac_group_ids_json TEXT NOT NULL CHECK (json_valid(rbac_group_ids_json)),
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;

CREATE TABLE rate_limits (
  id TEXT PRIMARY KEY,
  group_id TEXT,
  group_type TEXT,
  display_name TEXT,
  models_json TEXT NOT NULL CHECK (json_valid(models_json)),
  limits_json TEXT NOT NULL CHECK (json_valid(limits_json)),
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;

CREATE TABLE workspace_rate_limits (
  workspace_id TEXT NOT NULL,
  rate_limit_id TEXT NOT NULL,
  group_type TEXT,
  display_name TEXT,
  models_json TEXT NOT NULL CHECK (json_valid(models_json)),
  limits_json TEXT NOT NULL CHECK (json_valid(limits_json)),
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, rate_limit_id)
) STRICT;

CREATE TABLE spend_limits (
  id TEXT PRIMARY KEY,
  amount_nanocents INTEGER,
  currency TEXT NOT NULL,
  period TEXT NOT NULL,
  is_enabled INTEGER NOT NULL CHECK (is_enabled IN (0, 1)),
  scope_type TEXT NOT NULL,
  scope_workspace_id TEXT,
  scope_user_id TEXT,
  scope_json TEXT NOT NULL CHECK (json_valid(scope_json)),
  created_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;
`;

export const migration: Migration = {
  id: 2,
  name: 'create-limit-tables',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
