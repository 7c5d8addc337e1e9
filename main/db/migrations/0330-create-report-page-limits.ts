import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The page size (the API's `limit`, in buckets) that works for each report of this org, learnt by the sync from
 * the rows a page held and from the API's report_page_too_large, so the next sync starts at the right size instead
 * of probing again.
 */
export const migration: Migration = {
  id: 330,
  name: 'create-report-page-limits',
  up(db: Database.Database) {
    db.exec(`
CREATE TABLE report_page_limits (
  resource TEXT PRIMARY KEY,
  page_limit INTEGER NOT NULL CHECK (page_limit >= 1),
  updated_at_ms INTEGER NOT NULL
) STRICT;
`);
  },
};
