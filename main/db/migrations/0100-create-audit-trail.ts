import type Database from 'better-sqlite3';

/**
 * The audit trail: insert-only, hash-chained events with full-text search.
 *
 * - `audit_events`: one row per event; the JSON columns are canonical text and are what the chain hashes. Actor
 *   fields are generated columns read from that JSON, so search cannot disagree with what is hashed.
 * - Triggers refuse every UPDATE, and every DELETE except a retention purge: the purge sets `audit_purge_guard`
 *   inside its transaction, may delete only a prefix of the chain up to that mark, and leaves an `audit_anchors` row.
 * - The insert trigger refuses an event that does not extend the chain (wrong id or previous hash), so two writers
 *   can never fork it.
 * - `audit_ingest_marks`: how far each feed (journal, compliance) has been read into the trail.
 * - `audit_fts`: contentless FTS5 index (with delete support, for the purge) over summary, actor, type, targets.
 *
 * Frozen once released: later changes go in a new migration.
 */
export const AUDIT_TRAIL_MIGRATION_ID = 100;
export const AUDIT_TRAIL_MIGRATION_NAME = 'create-audit-trail';

const GENESIS = `'${'0'.repeat(64)}'`;

export const AUDIT_TRAIL_DDL = `
CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at_ms INTEGER NOT NULL,
  recorded_at_ms INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('compliance', 'journal', 'local')),
  type TEXT NOT NULL,
  external_id TEXT,
  actor_json TEXT CHECK (actor_json IS NULL OR json_valid(actor_json)),
  workspace_id TEXT,
  key_id TEXT,
  targets_json TEXT NOT NULL CHECK (json_valid(targets_json)),
  summary TEXT NOT NULL,
  before_json TEXT CHECK (before_json IS NULL OR json_valid(before_json)),
  after_json TEXT CHECK (after_json IS NULL OR json_valid(after_json)),
  raw_json TEXT CHECK (raw_json IS NULL OR json_valid(raw_json)),
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  actor_kind TEXT GENERATED ALWAYS AS (json_extract(actor_json, '$.kind')) VIRTUAL,
  actor_id TEXT GENERATED ALWAYS AS (json_extract(actor_json, '$.id')) VIRTUAL,
  actor_email TEXT GENERATED ALWAYS AS (json_extract(actor_json, '$.email')) VIRTUAL,
  actor_name TEXT GENERATED ALWAYS AS (json_extract(actor_json, '$.name')) VIRTUAL
) STRICT;

CREATE UNIQUE INDEX audit_events_by_external_id ON audit_events (source, external_id) WHERE external_id IS NOT NULL;
CREATE INDEX audit_events_by_time ON audit_events (at_ms, id);
CREATE INDEX audit_events_by_type ON audit_events (type, at_ms);
CREATE INDEX audit_events_by_workspace ON audit_events (workspace_id, at_ms) WHERE workspace_id IS NOT NULL;
CREATE INDEX audit_events_by_key ON audit_events (key_id, at_ms) WHERE key_id IS NOT NULL;
CREATE INDEX audit_events_by_actor_id ON audit_events (actor_id, at_ms) WHERE actor_id IS NOT NULL;
CREATE INDEX audit_events_by_actor_email ON audit_events (actor_email COLLATE NOCASE, at_ms) WHERE actor_email IS NOT NULL;

CREATE TABLE audit_anchors (
  id INTEGER PRIMARY KEY,
  purged_at_ms INTEGER NOT NULL,
  cutoff_ms INTEGER NOT NULL,
  removed_count INTEGER NOT NULL,
  removed_total INTEGER NOT NULL,
  through_id INTEGER NOT NULL,
  through_hash TEXT NOT NULL
) STRICT;

CREATE TABLE audit_purge_guard (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  through_id INTEGER
) STRICT;
INSERT INTO audit_purge_guard (id, through_id) VALUES (1, NULL);

-- How far each feed into the trail has been read (journal row id, newest compliance activity id), so a purge
-- never makes an ingest replay what it removed.
CREATE TABLE audit_ingest_marks (
  feed TEXT PRIMARY KEY,
  mark TEXT NOT NULL,
  updated_at_ms INTEGER NOT NULL
) STRICT;

CREATE VIRTUAL TABLE audit_fts USING fts5(
  summary, actor, type, targets,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER audit_events_extend_chain_only BEFORE INSERT ON audit_events
WHEN NEW.id <> coalesce((SELECT max(id) FROM audit_events), (SELECT max(through_id) FROM audit_anchors), 0) + 1
  OR NEW.prev_hash IS NOT coalesce(
    (SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1),
    (SELECT through_hash FROM audit_anchors ORDER BY id DESC LIMIT 1),
    ${GENESIS})
BEGIN
  SELECT RAISE(ABORT, 'audit_events: an event must extend the chain (next id, previous hash)');
END;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit_events is insert-only: events cannot be changed');
END;

CREATE TRIGGER audit_events_purge_only BEFORE DELETE ON audit_events
WHEN NOT EXISTS (SELECT 1 FROM audit_purge_guard WHERE id = 1 AND through_id IS NOT NULL AND OLD.id <= through_id)
BEGIN
  SELECT RAISE(ABORT, 'audit_events is insert-only: only a retention purge may remove events');
END;

CREATE TRIGGER audit_events_index AFTER INSERT ON audit_events
BEGIN
  INSERT INTO audit_fts (rowid, summary, actor, type, targets) VALUES (
    NEW.id,
    NEW.summary,
    concat_ws(' ', NEW.actor_kind, NEW.actor_id, NEW.actor_email, NEW.actor_name),
    replace(replace(NEW.type, '_', ' '), '.', ' ') || ' ' || NEW.type,
    (SELECT group_concat(value, ' ') FROM json_tree(NEW.targets_json) WHERE atom IS NOT NULL)
  );
END;

CREATE TRIGGER audit_events_unindex AFTER DELETE ON audit_events
BEGIN
  DELETE FROM audit_fts WHERE rowid = OLD.id;
END;

CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is insert-only');
END;

CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is insert-only');
END;

CREATE TRIGGER audit_purge_guard_keep_row BEFORE DELETE ON audit_purge_guard
BEGIN
  SELECT RAISE(ABORT, 'audit_purge_guard keeps its one row');
END;
`;

/** Applies the migration. The runner calls it inside its transaction. */
export function up(db: Database.Database): void {
  db.exec(AUDIT_TRAIL_DDL);
}

export const migration = { id: AUDIT_TRAIL_MIGRATION_ID, name: AUDIT_TRAIL_MIGRATION_NAME, up };
export default migration;
