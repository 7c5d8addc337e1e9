import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The report groups, each stored once. A report row's `group_key` was the JSON array of its grouping fields (about 84
 * characters for hourly usage), repeated in every row and in the primary key's index: half of a large mirror's
 * 600 MB, and a third of the time a sync spends writing. Rows written from now on hold the group's id here, as
 * text ("17"). Rows written before keep their JSON key: a report page always replaces whole buckets, so one bucket
 * never mixes the two, and nothing reads the key but the upsert that matches rows within a bucket.
 */
export const migration: Migration = {
  id: 350,
  name: 'create-report-groups',
  up(db: Database.Database) {
    db.exec(`
CREATE TABLE report_groups (
  id INTEGER PRIMARY KEY,
  group_key TEXT NOT NULL UNIQUE
) STRICT;
`);
  },
};
