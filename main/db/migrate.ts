/**
 * Schema migrations (design.md §4): numbered, applied in order in ONE transaction, tracked by `user_version`.
 * A file from a newer build is refused before anything is written to it.
 */
import type Database from 'better-sqlite3';
import { MirrorTooNewError } from './errors';

export interface Migration {
  /** The schema version (user_version) this migration produces; ids increase strictly through the list. */
  id: number;
  name: string;
  up(db: Database.Database): void;
}

export function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((v, m) => Math.max(v, m.id), 0);
}

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Applies every migration newer than the file's version; returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[], file = '(memory)'): number[] {
  assertOrdered(migrations);
  const latest = latestVersion(migrations);
  const current = schemaVersion(db);
  if (current > latest) throw new MirrorTooNewError(file, current, latest);
  const pending = migrations.filter((m) => m.id > current);
  if (pending.length === 0) return [];
  db.transaction(() => {
    for (const m of pending) {
      m.up(db);
      // user_version cannot be bound as a parameter; the value is an integer we control.
      db.pragma(`user_version = ${Math.trunc(m.id)}`);
    }
  }).immediate();
  return pending.map((m) => m.id);
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
