import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Effective spend limits (Claude Enterprise): each member's limit and spend so far in the period, exact
 * in 1e-9 cents. One row per actor and period. Frozen once released.
 */
const DDL = `
CREATE TABLE spend_limits_effective (
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT,
  actor_email TEXT,
  period TEXT NOT NULL,
  amount_nanocents INTEGER,
  currency TEXT NOT NULL,
  period_to_date_spend_nanocents INTEGER NOT NULL,
  scope_json TEXT NOT NULL CHECK (json_valid(scope_json)),
  source_json TEXT NOT NULL CHECK (json_valid(source_json)),
  spend_limit_id TEXT,
  first_seen_at_ms INTEGER NOT NULL,
  last_seen_at_ms INTEGER NOT NULL,
  seen_pass INTEGER NOT NULL,
  PRIMARY KEY (actor_type, actor_id, period)
) STRICT;
`;

export const migration: Migration = {
  id: 4,
  name: 'create-effective-spend-table',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
