import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The access checklist's score, one row per UTC day (the last evaluation of that day wins), so the window can
 * show its trend and the review report its history. `failing_json` lists the failing item ids of that evaluation.
 */
const DDL = `
CREATE TABLE posture_scores (
  day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 100),
  evaluated_at_ms INTEGER NOT NULL,
  failing_json TEXT NOT NULL CHECK (json_valid(failing_json) AND json_type(failing_json) = 'array')
) STRICT;
`;

export const migration: Migration = {
  id: 390,
  name: 'create-posture-scores',
  up(db: Database.Database) {
    db.exec(DDL);
  },
};
