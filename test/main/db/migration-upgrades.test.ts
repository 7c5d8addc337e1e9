/**
 * Every migration upgrades a mirror from the schema just before it: the file keeps the rows it held, records the
 * migration in its ledger, and ends with exactly the schema a new mirror gets. The rows are seeded generically (one
 * per table, values by column type), so a migration added later is covered without writing a seed for it; the
 * per-migration tests in migrations.test.ts check what each one means for its own data.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { appliedIds, migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';

type Db = Database.Database;

const tables = (db: Db): string[] =>
  (
    db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      .all() as Array<{ name: string }>
  ).map((r) => r.name);

/** The schema as SQLite stores it, whitespace-normalised, so two files can be compared. */
function schemaOf(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND sql IS NOT NULL ORDER BY type, name`,
    )
    .all() as Array<{ type: string; name: string; sql: string }>;
  return rows.map((r) => `${r.type} ${r.name}: ${r.sql.replace(/\s+/g, ' ').trim()}`);
}

function sampleValue(type: string, column: number): unknown {
  const t = type.toUpperCase();
  if (t.includes('INT')) return column + 1;
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return column + 0.5;
  if (t.includes('BLOB')) return Buffer.from([column]);
  return `v${column}`;
}

/** One row in every table that accepts a generic one (a CHECK may refuse it); answers the row count per table. */
function seedEveryTable(db: Db): Map<string, number> {
  db.pragma('foreign_keys = OFF');
  for (const table of tables(db)) {
    const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string; type: string }>;
    const names = columns.map((c) => `"${c.name}"`).join(', ');
    const marks = columns.map(() => '?').join(', ');
    try {
      db.prepare(`INSERT INTO "${table}" (${names}) VALUES (${marks})`).run(
        ...columns.map((c, i) => sampleValue(c.type, i)),
      );
    } catch {
      // A CHECK or a trigger refused the generic row: this table is covered by its own test.
    }
  }
  const counts = new Map<string, number>();
  for (const table of tables(db))
    counts.set(table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n);
  return counts;
}

const fresh = new Database(':memory:');
migrate(fresh, MIGRATIONS);
const freshSchema = schemaOf(fresh);

describe('every migration upgrades the schema before it', () => {
  for (const [index, migration] of MIGRATIONS.entries()) {
    if (index === 0) continue;
    it(`${String(migration.id).padStart(4, '0')}: from the schema before it, data kept, ledger updated, schema as new`, () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.slice(0, index));
      const before = seedEveryTable(db);
      expect([...before.values()].some((n) => n > 0)).toBe(true);

      const applied = migrate(db, MIGRATIONS);
      expect(applied[0]).toBe(migration.id);
      expect(appliedIds(db, MIGRATIONS)).toEqual(new Set(MIGRATIONS.map((m) => m.id)));
      for (const [table, count] of before) {
        if (table === 'schema_migrations') continue; // the ledger gains the rows of the migrations just applied
        const after = (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
        expect(after, `rows of ${table}`).toBe(count);
      }
      expect(schemaOf(db)).toEqual(freshSchema);
      db.close();
    });
  }
});
