import type Database from 'better-sqlite3';
import type { Migration } from '../migrate';

/**
 * The mirror records that its profile has an audit trail: one row, written by the database itself when event 1 is
 * inserted, that nothing may change or delete. Without it, deleting every event together with the external head
 * file left nothing to compare against, and verify answered "OK, 0 events"; and the next sync would start a new
 * chain from the genesis that verified too.
 *
 * Why here, and why a trigger:
 * - The head file is one of the two things such a wipe removes, so the marker cannot live there, and a marker in
 *   `audit_events` goes with the rows. This table survives a wipe of the events; the external head survives a wipe
 *   of the mirror's rows. Deleting all three takes dropping this table's triggers too, on purpose.
 * - profiles.json was the other candidate, but the demo profile and a `default` profile run with
 *   ANTHROPIC_ADMIN_KEY have no entry there, and it is written apart from the event's transaction.
 * - A trigger writes it in the same transaction as event 1, whoever inserts it (the app, the CLI, the sync's write
 *   worker), so the marker and the trail cannot disagree after a crash.
 * - It keeps event 1's hash: a trail wiped and started again has another event 1, and verify says so.
 *
 * `key remove --delete-mirror` deletes the mirror file, and the marker with it: that profile starts over.
 * A mirror that already has a trail is marked now: with event 1's hash when it is still there, with NULL when a
 * retention purge removed it (the purge anchor then vouches for the chain's start instead).
 */
const DDL = `
CREATE TABLE audit_trail_marker (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  started_at_ms INTEGER NOT NULL,
  first_event_hash TEXT
) STRICT;

CREATE TRIGGER audit_trail_marker_on_first_event AFTER INSERT ON audit_events
WHEN NEW.id = 1 AND NOT EXISTS (SELECT 1 FROM audit_trail_marker)
BEGIN
  INSERT INTO audit_trail_marker (id, started_at_ms, first_event_hash) VALUES (1, NEW.recorded_at_ms, NEW.hash);
END;

CREATE TRIGGER audit_trail_marker_no_update BEFORE UPDATE ON audit_trail_marker
BEGIN
  SELECT RAISE(ABORT, 'audit_trail_marker is kept as written: the profile had an audit trail');
END;

CREATE TRIGGER audit_trail_marker_no_delete BEFORE DELETE ON audit_trail_marker
BEGIN
  SELECT RAISE(ABORT, 'audit_trail_marker is kept as written: the profile had an audit trail');
END;
`;

/** Marks a trail that existed before this migration (events, or only the anchors a purge left). */
const BACKFILL = `
INSERT INTO audit_trail_marker (id, started_at_ms, first_event_hash)
SELECT 1,
       coalesce((SELECT min(recorded_at_ms) FROM audit_events), (SELECT min(purged_at_ms) FROM audit_anchors)),
       (SELECT hash FROM audit_events WHERE id = 1)
WHERE EXISTS (SELECT 1 FROM audit_events) OR EXISTS (SELECT 1 FROM audit_anchors);
`;

export const AUDIT_TRAIL_MARKER_MIGRATION_ID = 360;

export const migration: Migration = {
  id: AUDIT_TRAIL_MARKER_MIGRATION_ID,
  name: 'create-audit-trail-marker',
  up(db: Database.Database) {
    db.exec(DDL);
    db.exec(BACKFILL);
  },
};
