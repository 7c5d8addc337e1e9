/**
 * The daily posture score (migration 0390): a mirror from before it gains the table without losing anything; one
 * point per UTC day, a later evaluation of the day replacing an earlier one and never the reverse; the trend reads
 * a window of days oldest first; the table refuses a score outside 0–100.
 */
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { readPostureTrend, savePostureScore } from '../../../main/db/queries/posture';
import type { PostureItem } from '../../../main/core/posture/index';

const DAY = 86_400_000;
const T = Date.UTC(2026, 10, 24, 10);
const dbs: Database.Database[] = [];
afterEach(() => dbs.splice(0).forEach((db) => db.close()));

function open(upTo = MIGRATIONS.length): Database.Database {
  const db = new Database(':memory:');
  migrate(db, MIGRATIONS.slice(0, upTo));
  dbs.push(db);
  return db;
}

const item = (id: PostureItem['id'], status: PostureItem['status']): PostureItem => ({
  id,
  title: id,
  status,
  evidence: [],
  fix: null,
});

describe('posture scores', () => {
  it('migrates a mirror from before 0390, keeping its settings', () => {
    const index = MIGRATIONS.findIndex((m) => m.id === 390);
    const db = open(index);
    db.prepare(
      `INSERT INTO profile_settings (name, value_json, updated_at_ms) VALUES ('sync.historyDays', '30', 1)`,
    ).run();
    migrate(db, MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.id);
    expect(db.prepare(`SELECT value_json FROM profile_settings WHERE name = 'sync.historyDays'`).get()).toEqual({
      value_json: '30',
    });
    expect(readPostureTrend(db, T)).toEqual([]);
  });

  it('keeps one point per UTC day, the latest evaluation winning, and reads the window oldest first', () => {
    const db = open();
    savePostureScore(db, { score: 40, evaluatedAtMs: T - 2 * DAY, items: [item('key-naming', 'fail')] });
    savePostureScore(db, { score: 50, evaluatedAtMs: T - 3_600_000, items: [item('key-naming', 'fail')] });
    savePostureScore(db, {
      score: 70,
      evaluatedAtMs: T,
      items: [item('key-naming', 'pass'), item('few-admins', 'fail')],
    });
    // An evaluation at an earlier instant of the same day (a `--now` in the past) does not overwrite a later one.
    savePostureScore(db, { score: 10, evaluatedAtMs: T - 7_200_000, items: [] });
    expect(readPostureTrend(db, T)).toEqual([
      { day: '2026-11-22', score: 40, evaluatedAtMs: T - 2 * DAY, failing: ['key-naming'] },
      { day: '2026-11-24', score: 70, evaluatedAtMs: T, failing: ['few-admins'] },
    ]);
    expect(readPostureTrend(db, T, 2)).toEqual([expect.objectContaining({ day: '2026-11-24' })]);
  });

  it('refuses a score outside 0–100', () => {
    const db = open();
    expect(() => savePostureScore(db, { score: 101, evaluatedAtMs: T, items: [] })).toThrow(/CHECK constraint/);
  });
});
