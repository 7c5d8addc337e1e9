import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The organization mirror and the sync bookkeeping every later table relies on.
 * Mirrored resources hold their latest state plus first/last seen times and the pass that last saw them; the
 * API is eventually consistent, so mirrored tables carry no foreign keys between each other.
 * Frozen once released: later changes go in a new migration.
 */
const DDL = `
CREATE TABLE organization (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL
) STRICT;

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  added_at_ms INTEGER NOT NULL,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;

CREATE TABLE workspaces (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  archived_at_ms INTEGER,
  display_color TEXT,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;

CREATE TABLE workspace_members (
  workspace_id TEXT NOT NULL,
  user_id TEXT NOT NULL,
  workspace_role TEXT NOT NULL,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL,
  PRIMARY KEY (workspace_id, user_id)
) STRICT;
CREATE INDEX workspace_members_by_user ON workspace_members (user_id);

-- Both key shapes: scope/principal/created_by (current) and the legacy top-level workspace_id.
-- workspace_id is the effective workspace (NULL = default workspace in the legacy shape, or organization scope).
CREATE TABLE api_keys (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at_ms INTEGER NOT NULL,
  expires_at_ms INTEGER,
  partial_key_hint TEXT,
  created_by_id TEXT,
  created_by_type TEXT,
  principal_type TEXT,
  principal_id TEXT,
  scope_type TEXT,
  scope_workspace_id TEXT,
  legacy_workspace_id TEXT,
  has_legacy_workspace_id INTEGER NOT NULL CHECK (has_legacy_workspace_id IN (0, 1)),
  workspace_id TEXT,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL
) STRICT;
CREATE INDEX api_keys_by_workspace ON api_keys (workspace_id);

CREATE TABLE sync_runs (
  id INTEGER PRIMARY KEY,
  started_at_ms INTEGER NOT NULL,
  finished_at_ms INTEGER,
  full INTEGER NOT NULL CHECK (full IN (0, 1)),
  status TEXT NOT NULL,
  requests INTEGER,
  rows INTEGER,
  detail TEXT
) STRICT;

-- One open pass per (resource, scope): the cursor of the next page and, for reports, the query it is bound to.
CREATE TABLE sync_passes (
  resource TEXT NOT NULL,
  scope TEXT NOT NULL,
  pass_id INTEGER NOT NULL,
  cursor TEXT,
  query_json TEXT,
  started_at_ms INTEGER NOT NULL,
  updated_at_ms INTEGER NOT NULL,
  PRIMARY KEY (resource, scope)
) STRICT;

CREATE TABLE resource_state (
  resource TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('ok', 'unavailable', 'error', 'partial')),
  last_complete_at_ms INTEGER,
  last_attempt_at_ms INTEGER,
  detail TEXT
) STRICT;

CREATE TABLE credential_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  status TEXT NOT NULL CHECK (status IN ('valid', 'invalid')),
  changed_at_ms INTEGER NOT NULL,
  detail TEXT
) STRICT;

-- Every difference between two syncs: created / changed (before → after per field) / removed.
CREATE TABLE journal_events (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES sync_runs (id),
  at_ms INTEGER NOT NULL,
  resource TEXT NOT NULL,
  entity_key TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('created', 'changed', 'removed')),
  detail_json TEXT NOT NULL CHECK (json_valid(detail_json))
) STRICT;
CREATE INDEX journal_events_by_time ON journal_events (at_ms, id);
`;

export const migration: Migration = {
  id: 1,
  name: 'create-org-tables',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
