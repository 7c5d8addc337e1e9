import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * Days a report could not be read whole: the API answered too_many_report_groups for them (more groups in a day
 * than a report can return; its message names the endpoint to use instead). The sync reads the rest of the window
 * and records each such day here, so `status`, the sync summary and the window can say which days are missing and
 * why; a later page that covers the day clears it.
 */
export const migration: Migration = {
  id: 340,
  name: 'create-report-incomplete-days',
  up(db: Database.Database) {
    db.exec(`
CREATE TABLE report_incomplete_days (
  resource TEXT NOT NULL,
  day_ms INTEGER NOT NULL,
  message TEXT NOT NULL,
  request_id TEXT,
  recorded_at_ms INTEGER NOT NULL,
  PRIMARY KEY (resource, day_ms)
) STRICT;
`);
  },
};
