/** Migration 0380: a mirror at 0370 with data gains the offboarding tables, and one open run per person holds. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations';

describe('migration 0380 create-offboarding-runs', () => {
  it('adds the tables to an existing mirror, keeps its rows, and allows one unfinished run per person', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 380),
    );
    db.prepare(
      `INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass)
                VALUES ('user_1', 'a@example.com', 'A', 'user', 1, 1, 1, 0)`,
    ).run();
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.id <= 380),
      ),
    ).toEqual([380]);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 1 });
    const run = db.prepare(
      `INSERT INTO offboarding_runs (user_id, email, name, role, status, started_at_ms) VALUES ('user_1', 'a@example.com', 'A', 'user', 'running', 1)`,
    );
    run.run();
    expect(() => run.run()).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO offboarding_steps (run_id, seq, kind, label, target_id, status) VALUES (1, 1, 'key.delete', 'x', 'y', 'planned')`,
        )
        .run(),
    ).toThrow(/CHECK/);
    db.close();
  });
});
