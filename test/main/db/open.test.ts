import { readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMirror } from '../../../main/db/open';
import { MirrorNeedsMigrationError, MirrorTooNewError } from '../../../main/db/errors';
import { latestVersion } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { tempMirrorFile } from '../sync/sandbox-helpers';

describe('openMirror', () => {
  let mirror: ReturnType<typeof tempMirrorFile>;
  beforeEach(() => {
    mirror = tempMirrorFile();
  });
  afterEach(() => mirror.cleanup());

  it('creates the file readable by the user only, in WAL mode with foreign keys, at the latest schema', () => {
    const db = openMirror(mirror.file);
    try {
      expect(statSync(mirror.file).mode & 0o777).toBe(0o600);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
      const strict = db
        .prepare(
          `SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 0 AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%fts%'`,
        )
        .all();
      expect(strict).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('reopens an existing mirror without re-running migrations', () => {
    openMirror(mirror.file).close();
    const db = openMirror(mirror.file);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion(MIGRATIONS));
    db.close();
  });

  it('refuses a mirror written by a newer schema and leaves it byte-for-byte untouched', () => {
    const newer = new Database(mirror.file);
    newer.exec('CREATE TABLE future_thing (x INTEGER) STRICT; INSERT INTO future_thing VALUES (42);');
    newer.pragma(`user_version = ${latestVersion(MIGRATIONS) + 1000}`);
    newer.close();
    const before = readFileSync(mirror.file);
    const error = (() => {
      try {
        openMirror(mirror.file);
        return null;
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(MirrorTooNewError);
    expect(String((error as Error).message)).toMatch(/newer version of Clade Admin.*left untouched/);
    expect(readFileSync(mirror.file).equals(before)).toBe(true);
    expect(existsSync(`${mirror.file}-wal`)).toBe(false);
    expect(() => openMirror(mirror.file, { readonly: true })).toThrow(MirrorTooNewError);
    expect(readFileSync(mirror.file).equals(before)).toBe(true);
  });

  it('read-only opening of an older mirror asks for a sync instead of migrating', () => {
    const old = new Database(mirror.file);
    old.pragma('user_version = 1');
    old.close();
    expect(() => openMirror(mirror.file, { readonly: true })).toThrow(MirrorNeedsMigrationError);
  });

  it('refuses to open a read-only mirror that does not exist', () => {
    expect(() => openMirror(mirror.file, { readonly: true })).toThrow();
    expect(existsSync(mirror.file)).toBe(false);
  });

  it('does not treat a non-SQLite file as a schema version', () => {
    writeFileSync(mirror.file, 'x'.repeat(200));
    expect(() => openMirror(mirror.file)).toThrow(/not a database|file is not/i);
  });
});
