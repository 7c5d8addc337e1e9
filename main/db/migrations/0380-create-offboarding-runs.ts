import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The offboarding assistant's progress (issue #22), kept in the mirror so a run stopped by a failure continues
 * where it stopped, and an org admin's Console step stays pending until a sync no longer finds them.
 *
 * - One run per offboarding, with the person as they were when it started (they may be gone from `users` later).
 *   At most one unfinished run per person (`finished_at_ms` null), which a rerun continues.
 * - Its steps in run order, each with the action it sends (JSON, never a key) and its state. The plan is stored, not
 *   rebuilt on a rerun: the steps already done are the record of what happened. A run the admin abandons (a step
 *   that can never succeed) is closed as `abandoned`; the next run plans afresh from what they still hold.
 */
const DDL = `
CREATE TABLE offboarding_runs (
  id INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  email TEXT NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'awaiting-console', 'done', 'abandoned')),
  started_at_ms INTEGER NOT NULL,
  finished_at_ms INTEGER
) STRICT;

CREATE UNIQUE INDEX offboarding_runs_one_open ON offboarding_runs (user_id) WHERE finished_at_ms IS NULL;

CREATE TABLE offboarding_steps (
  run_id INTEGER NOT NULL REFERENCES offboarding_runs (id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('key.deactivate', 'key.keep', 'workspace.leave', 'org.remove', 'console.remove')),
  label TEXT NOT NULL,
  target_id TEXT NOT NULL,
  action_json TEXT CHECK (action_json IS NULL OR json_valid(action_json)),
  detail TEXT,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'failed', 'pending', 'resolved')),
  error TEXT,
  at_ms INTEGER,
  PRIMARY KEY (run_id, seq)
) STRICT;
`;

export const migration: Migration = {
  id: 380,
  name: 'create-offboarding-runs',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
