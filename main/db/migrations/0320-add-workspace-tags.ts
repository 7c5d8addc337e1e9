import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Workspace `tags` ({str: str}, admin-api.md §3.5) kept in the mirror, so the alert rule "a key created or
 * re-activated in a workspace tagged as production" can read them. Stored as JSON with its keys sorted
 * (core/sync/entities.ts), so the same tags in another order are no difference to journal. Rows mirrored before
 * this migration read as untagged until the next workspaces pass refreshes them.
 */
export const migration: Migration = {
  id: 320,
  name: 'add-workspace-tags',
  up(db: Database.Database) {
    db.exec(`ALTER TABLE workspaces ADD COLUMN tags_json TEXT NOT NULL DEFAULT '{}'`);
  },
};
