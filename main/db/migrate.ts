/**
 * Schema migrations: numbered, applied in order of id in ONE transaction. Each applied id is
 * recorded in `schema_migrations`, so a migration added later with a lower id than one already applied (two
 * branches, a backport) still runs; `user_version` keeps the highest id, so an older build refuses the file.
 * A file whose version or recorded ids this build does not know is refused before anything is written to it.
 * A file from before the table existed counts every known id up to its `user_version` as applied.
 */
import type Database from 'better-sqlite3';
import { MirrorTooNewError } from './errors';

export interface Migration {
  /** The schema version this migration produces; ids increase strictly through the list. */
  id: number;
  name: string;
  up(db: Database.Database): void;
}

const LEDGER = 'schema_migrations';

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((v, m) => Math.max(v, m.id), 0);
}

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** The ids the file has applied: from its ledger, or (before the ledger) every known id up to its user_version. */
export function appliedIds(db: Database.Database, migrations: readonly Migration[]): Set<number> {
  if (!hasLedger(db)) {
    const version = schemaVersion(db);
    return new Set(migrations.filter((m) => m.id <= version).map((m) => m.id));
  }
  return new Set((db.prepare(`SELECT id FROM ${LEDGER}`).pluck().all() as number[]).map(Number));
}

/** The migrations this file still needs, in id order; refuses a file this build cannot read. */
export function pendingMigrations(
  db: Database.Database,
  migrations: readonly Migration[],
  file = '(memory)',
): Migration[] {
  assertOrdered(migrations);
  const latest = latestVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) throw new MirrorTooNewError(file, current, latest);
  const applied = appliedIds(db, migrations);
  const known = new Set(migrations.map((m) => m.id));
  const unknown = [...applied].filter((id) => !known.has(id));
  if (unknown.length > 0) throw new MirrorTooNewError(file, Math.max(...unknown), latest);
  return migrations.filter((m) => !applied.has(m.id));
}

/** Applies every migration the file has not applied yet; returns their ids. */
export function migrate(db: Database.Database, migrations: readonly Migration[], file = '(memory)'): number[] {
  const pending = pendingMigrations(db, migrations, file);
  const ledgerMissing = !hasLedger(db);
  if (pending.length === 0 && !ledgerMissing) return [];
  const alreadyApplied = appliedIds(db, migrations);
  db.transaction(() => {
    if (ledgerMissing) {
      db.exec(`CREATE TABLE ${LEDGER} (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_ms INTEGER) STRICT`);
      // What the file had before the ledger: applied at an unknown time.
      const insert = db.prepare(`INSERT INTO ${LEDGER} (id, name, applied_at_ms) VALUES (?, ?, NULL)`);
      for (const m of migrations) if (alreadyApplied.has(m.id)) insert.run(m.id, m.name);
    }
    const record = db.prepare(`INSERT INTO ${LEDGER} (id, name, applied_at_ms) VALUES (?, ?, ?)`);
    for (const m of pending) {
      m.up(db);
      record.run(m.id, m.name, Date.now());
    }
    const highest = Math.max(schemaVersion(db), ...pending.map((m) => m.id));
    // user_version cannot be bound as a parameter; the value is an integer we control.
    db.pragma(`user_version = ${Math.trunc(highest)}`);
  }).immediate();
  return pending.map((m) => m.id);
}

function hasLedger(db: Database.Database): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(LEDGER) !== undefined;
}

function assertOrdered(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.id) || m.id <= previous) {
      throw new Error(`migration ${m.name}: version ${m.id} does not follow ${previous}`);
    }
    previous = m.id;
  }
}
