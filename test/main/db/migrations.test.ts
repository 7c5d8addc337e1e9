import Database from 'better-sqlite3';
import { MirrorTooNewError } from '../../../main/db/errors';
import { describe, expect, it } from 'vitest';
import { migrate, type Migration } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';

const upTo = (id: number): Migration[] => MIGRATIONS.filter((m) => m.id <= id);

describe('migrations', () => {
  it('0002 create-limit-tables: a version-1 mirror keeps its data and gains the limit tables', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.prepare(`INSERT INTO users VALUES ('user_1', 'a@example.com', 'A', 'user', 1, 2, 3, 4)`).run();
    expect(migrate(db, upTo(2))).toEqual([2]);
    expect(db.prepare('SELECT id, email FROM users').all()).toEqual([{ id: 'user_1', email: 'a@example.com' }]);
    db.prepare(
      `INSERT INTO spend_limits VALUES ('spl_1', 50000000000000, 'USD', 'monthly', 1, 'organization', NULL, NULL, '{"type":"organization"}', 1, 1, 1, 1, 1)`,
    ).run();
    expect(db.prepare('SELECT amount_nanocents AS a FROM spend_limits').safeIntegers(true).get()).toEqual({
      a: 50_000_000_000_000n,
    });
  });

  it('0003 create-report-tables: a version-2 mirror keeps its data and gains report tables keyed on bucket + group', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(2));
    db.prepare(`INSERT INTO users VALUES ('user_1', 'a@example.com', 'A', 'user', 1, 2, 3, 4)`).run();
    expect(migrate(db, upTo(3))).toEqual([3]);
    expect(db.prepare('SELECT id FROM users').all()).toEqual([{ id: 'user_1' }]);
    const insert = db.prepare(
      `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, currency, amount_nanocents, fetched_at_ms) VALUES (0, '[null]', NULL, 'USD', ?, 1)`,
    );
    insert.run(123_789_120_000n);
    expect(() => insert.run(1n)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare(`INSERT INTO report_coverage VALUES ('cost_daily', 10, 5)`).run()).toThrow(/CHECK/);
  });

  it('0320 add-workspace-tags: mirrored workspaces keep their rows and read as untagged until the next sync', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(311));
    db.prepare(
      `INSERT INTO workspaces (id, name, created_at_ms, archived_at_ms, display_color, is_default, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES ('wrkspc_1', 'Prod', 1, NULL, NULL, 0, 1, 1, 1)`,
    ).run();
    expect(migrate(db, upTo(320))).toEqual([320]);
    expect(db.prepare('SELECT id, name, tags_json FROM workspaces').all()).toEqual([
      { id: 'wrkspc_1', name: 'Prod', tags_json: '{}' },
    ]);
  });

  it('runs all pending migrations in one transaction: a failing one leaves the file at its old version', () => {
    const db = new Database(':memory:');
    migrate(db, upTo(1));
    const broken: Migration = {
      id: 99,
      name: 'broken',
      up: (d) => d.exec('CREATE TABLE half (x INTEGER) STRICT; SELECT nope FROM missing;'),
    };
    expect(() => migrate(db, [...upTo(2), broken])).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name IN ('half', 'invites')`).all()).toEqual([]);
  });

  it('applies a lower-numbered migration added later to a mirror that has every migration but it', () => {
    const db = new Database(':memory:');
    const withoutIndexes = MIGRATIONS.filter((m) => m.id !== 311);
    migrate(db, withoutIndexes);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.id);
    const indexes = () =>
      db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'index' AND name = 'usage_daily_key_last_used'`).all();
    expect(indexes()).toEqual([]);
    expect(migrate(db, MIGRATIONS)).toEqual([311]);
    expect(indexes()).toHaveLength(1);
    expect(db.prepare('SELECT id FROM schema_migrations ORDER BY id').pluck().all()).toEqual(
      MIGRATIONS.map((m) => m.id),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.id);
    expect(migrate(db, MIGRATIONS)).toEqual([]);
  });

  it('a mirror from before the ledger counts every known id up to its user_version as applied, and runs nothing again', () => {
    const db = new Database(':memory:');
    for (const m of upTo(310)) m.up(db);
    db.pragma('user_version = 310');
    expect(migrate(db, MIGRATIONS)).toEqual(MIGRATIONS.filter((m) => m.id > 310).map((m) => m.id));
    expect(
      db.prepare('SELECT id FROM schema_migrations WHERE applied_at_ms IS NULL ORDER BY id').pluck().all(),
    ).toEqual(upTo(310).map((m) => m.id));
  });

  it('refuses, untouched, a mirror that recorded a migration this build does not know', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    db.prepare(`INSERT INTO schema_migrations (id, name, applied_at_ms) VALUES (315, 'from-a-newer-build', 0)`).run();
    expect(() => migrate(db, MIGRATIONS)).toThrow(MirrorTooNewError);
  });

  it('refuses a list whose ids do not increase', () => {
    const db = new Database(':memory:');
    const [a, b] = MIGRATIONS;
    expect(() => migrate(db, [b!, a!])).toThrow(/does not follow/);
  });

  it('money columns store exact nanocents beyond 2^53', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const big = 2n ** 60n + 1n;
    db.prepare(
      `INSERT INTO spend_limits VALUES ('spl_1', ?, 'USD', 'monthly', 1, 'organization', NULL, NULL, '{}', 1, 1, 1, 1, 1)`,
    ).run(big);
    expect(db.prepare('SELECT amount_nanocents AS a FROM spend_limits').safeIntegers(true).get()).toEqual({ a: big });
  });
});
