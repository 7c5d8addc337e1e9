import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultAlertRules, setAlertRule, type Episode } from '../../../../main/core/alerts/index';
import {
  getLastDigestDay,
  loadAlertRules,
  loadAlertRulesChecked,
  loadEpisodes,
  loadSnoozes,
  markEpisodesNotified,
  saveAlertRules,
  saveEpisodes,
  saveSnoozes,
  setLastDigestDay,
  updateEpisodes,
} from '../../../../main/db/alerts/index';
import { migrate } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import { openMirror } from '../../../../main/db/open';
import { memoryMirror } from './seed-mirror';

function episode(id: string, fields: Partial<Episode> = {}): Episode {
  return {
    id,
    conditionId: id.split('@')[0]!,
    rule: 'spend-threshold',
    severity: 'critical',
    targetKind: 'organization',
    targetId: 'org_acme',
    targetName: 'Acme',
    title: 'Acme has reached its monthly budget',
    body: '$3,450.00 of $2,000.00 spent in November 2026 (172 %).',
    view: { view: 'spend' },
    openedAtMs: 1000,
    lastSeenAtMs: 2000,
    closedAtMs: null,
    notifiedAtMs: null,
    heldBy: null,
    heldUntilMs: null,
    ...fields,
  };
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('migration 0200 (alert state)', () => {
  it('migrates a mirror at the previous version, keeping its data, and adds the three alert tables', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.id < 200),
    );
    db.prepare(
      `INSERT INTO organization (id, name, first_seen_at_ms, last_seen_at_ms) VALUES ('org_1', 'Kept', 1, 1)`,
    ).run();
    expect(
      migrate(
        db,
        MIGRATIONS.filter((m) => m.id <= 200),
      ),
    ).toEqual([200]);
    expect(db.pragma('user_version', { simple: true })).toBe(200);
    expect(db.prepare(`SELECT name FROM organization`).get()).toEqual({ name: 'Kept' });
    const tables = (
      db
        .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'alert_%' ORDER BY name`)
        .all() as Array<{ name: string }>
    ).map((r) => r.name);
    expect(tables).toEqual(['alert_episodes', 'alert_settings', 'alert_snoozes']);
  });

  it('refuses a settings value that is not JSON', () => {
    const db = memoryMirror();
    expect(() =>
      db.prepare(`INSERT INTO alert_settings (name, value_json, updated_at_ms) VALUES ('rules', 'not json', 1)`).run(),
    ).toThrow();
  });
});

describe('alert rules store', () => {
  it('gives the defaults in the system zone when nothing is stored', () => {
    expect(loadAlertRules(memoryMirror(), 'Europe/Berlin')).toEqual(defaultAlertRules('Europe/Berlin'));
  });

  it('round-trips edited rules; a zone equal to the system one keeps following the system', () => {
    const db = memoryMirror();
    const edited = setAlertRule(defaultAlertRules('Europe/Berlin'), 'budgets.orgMonthlyUsd', '1500.50');
    if (!edited.ok) throw new Error(edited.message);
    saveAlertRules(db, edited.rules, 'Europe/Berlin');
    expect(loadAlertRules(db, 'Europe/Berlin').budgets.orgMonthlyUsd).toBe('1500.50');
    // The admin moved to New York: the zone follows the system.
    expect(loadAlertRules(db, 'America/New_York').quietHours.timeZone).toBe('America/New_York');
    // A zone chosen on purpose stays.
    const pinned = setAlertRule(edited.rules, 'quietHours.timeZone', 'Asia/Tokyo');
    if (!pinned.ok) throw new Error(pinned.message);
    saveAlertRules(db, pinned.rules, 'Europe/Berlin');
    expect(loadAlertRules(db, 'America/New_York').quietHours.timeZone).toBe('Asia/Tokyo');
  });

  it('falls back to the defaults, saying why, when stored rules are invalid', () => {
    const db = memoryMirror();
    db.prepare(
      `INSERT INTO alert_settings (name, value_json, updated_at_ms) VALUES ('rules', '{"spend":{"thresholdsPct":[0]}}', 1)`,
    ).run();
    const loaded = loadAlertRulesChecked(db, 'UTC');
    expect(loaded.rules).toEqual(defaultAlertRules('UTC'));
    expect(loaded.problem).toMatch(/spend\.thresholdsPct\.0/);
  });

  it('stores the last digest day', () => {
    const db = memoryMirror();
    expect(getLastDigestDay(db)).toBeNull();
    setLastDigestDay(db, '2026-11-23');
    setLastDigestDay(db, '2026-11-24');
    expect(getLastDigestDay(db)).toBe('2026-11-24');
  });
});

describe('episodes and snoozes store', () => {
  it('saves the whole list in order and reads it back unchanged, view and hold included', () => {
    const db = memoryMirror();
    const episodes = [
      episode('b@1', { view: { view: 'keys', id: 'apikey_1' }, heldBy: 'quiet-hours', heldUntilMs: 9000 }),
      episode('a@2', { closedAtMs: 3000, notifiedAtMs: 2500 }),
    ];
    saveEpisodes(db, episodes);
    expect(loadEpisodes(db)).toEqual(episodes);
    saveEpisodes(db, [episodes[1]!]);
    expect(loadEpisodes(db)).toEqual([episodes[1]]);
  });

  it('survives a restart: a new connection over the same file reads what the last one saved', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-alert-state-'));
    dirs.push(dir);
    const file = join(dir, 'mirror.sqlite');
    const first = openMirror(file);
    saveEpisodes(first, [episode('x@1')]);
    saveSnoozes(first, [{ rule: '*', targetId: null, untilMs: 5000 }]);
    first.close();
    const second = openMirror(file);
    expect(loadEpisodes(second).map((e) => e.id)).toEqual(['x@1']);
    expect(loadSnoozes(second)).toEqual([{ rule: '*', targetId: null, untilMs: 5000 }]);
    second.close();
  });

  it('marks notified on what is stored now, so a concurrent recording is not overwritten', () => {
    const db = memoryMirror();
    saveEpisodes(db, [episode('a@1')]);
    // Another writer (a cron `check`) records a second episode after the app read the list.
    saveEpisodes(db, [episode('a@1'), episode('b@2')]);
    const marked = markEpisodesNotified(db, ['a@1'], 7000);
    expect(marked.map((e) => [e.id, e.notifiedAtMs])).toEqual([
      ['a@1', 7000],
      ['b@2', null],
    ]);
    expect(loadEpisodes(db)).toEqual(marked);
    // A second mark keeps the first instant.
    expect(markEpisodesNotified(db, ['a@1'], 9000)[0]!.notifiedAtMs).toBe(7000);
  });

  it('rolls the whole update back when the step throws', () => {
    const db = memoryMirror();
    saveEpisodes(db, [episode('a@1')]);
    expect(() =>
      updateEpisodes(db, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(loadEpisodes(db).map((e) => e.id)).toEqual(['a@1']);
  });

  it('round-trips snoozes per rule and per target, and drops rules this build does not know', () => {
    const db = memoryMirror();
    const snoozes = [
      { rule: 'key-expiry' as const, targetId: 'apikey_1', untilMs: 10 },
      { rule: 'spend-threshold' as const, targetId: null, untilMs: 20 },
    ];
    saveSnoozes(db, snoozes);
    db.prepare(`INSERT INTO alert_snoozes (rule, target_id, until_ms) VALUES ('retired-rule', NULL, 30)`).run();
    expect(loadSnoozes(db)).toEqual(snoozes);
  });
});
