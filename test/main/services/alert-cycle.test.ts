import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { pauseAlerts, pausedUntilMs, resumeAlerts, runAppAlertCycle } from '../../../main/services/alerts/alert-cycle';
import { openDemoOrg } from '../../../main/services/demo/demo-org';
import { createElectronNotifier } from '../../../main/app/notifier';
import { defaultAlertRules, RULE_IDS, type AlertRules } from '../../../main/core/alerts/index';
import { getLastDigestDay, loadEpisodes, saveAlertRules } from '../../../main/db/alerts/index';
import { recordAlertCycle } from '../../../main/services/alerts/evaluate-alerts';
import { openMirror } from '../../../main/db/open';
import { createTrayElectronDouble, type TrayElectronDouble } from '../../helpers/electron-double-tray';
import { memoryMirror, seedCost, syncSnapshot, workspace } from '../db/alerts/seed-mirror';

const at = (iso: string): number => Date.parse(iso);
const BUDGET_TITLE = 'Acme has reached its monthly budget';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Acme spends $150/day in Production since October; the budget is $2,000; only spend thresholds are evaluated. */
function acme(db: Database.Database, edit: (rules: AlertRules) => void = () => undefined): Database.Database {
  syncSnapshot(db, at('2026-11-23T20:00:00Z'), {
    org: { id: 'org_acme', name: 'Acme' },
    workspaces: [workspace('wrkspc_prod', 'Production')],
  });
  seedCost(db, '2026-10-01', '2026-11-24', () => [{ workspace_id: 'wrkspc_prod', amount: '15000' }]);
  setRules(db, (rules) => {
    rules.budgets.orgMonthlyUsd = '2000';
    rules.disabledRules = RULE_IDS.filter((rule) => rule !== 'spend-threshold');
    edit(rules);
  });
  return db;
}

function setRules(db: Database.Database, edit: (rules: AlertRules) => void): void {
  const rules = defaultAlertRules('UTC');
  edit(rules);
  saveAlertRules(db, rules, 'UTC');
}

describe('runAppAlertCycle on a fake clock', () => {
  let electron: TrayElectronDouble;
  beforeEach(() => {
    electron = createTrayElectronDouble();
  });
  const cycle = (db: Database.Database, iso: string) =>
    runAppAlertCycle({
      db,
      nowMs: at(iso),
      timeZone: 'UTC',
      notifier: createElectronNotifier(electron, { openView: () => undefined }),
    });

  it('notifies once, marks the episode notified, and stays quiet on later cycles', () => {
    const db = acme(memoryMirror());
    expect(cycle(db, '2026-11-23T20:05:00Z').notifiedIds).toHaveLength(1);
    expect(cycle(db, '2026-11-23T20:06:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications.map((n) => n.options.title)).toEqual([BUDGET_TITLE]);
    expect(loadEpisodes(db)[0]).toMatchObject({ title: BUDGET_TITLE, notifiedAtMs: at('2026-11-23T20:05:00Z') });
  });

  it('holds a notification through quiet hours and releases it once when they end', () => {
    const db = acme(memoryMirror(), (rules) => {
      rules.quietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' };
      rules.sync.staleAfterHours = 72;
    });
    const night = cycle(db, '2026-11-23T23:00:00Z');
    expect(night.notifiedIds).toEqual([]);
    expect(night.cycle.reconciliation.held.map((e) => [e.heldBy, e.heldUntilMs])).toEqual([
      ['quiet-hours', at('2026-11-24T07:00:00Z')],
    ]);
    expect(cycle(db, '2026-11-24T06:59:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications).toHaveLength(0);
    const morning = cycle(db, '2026-11-24T07:00:00Z');
    expect(morning.cycle.reconciliation.released).toHaveLength(1);
    expect(morning.notifiedIds).toHaveLength(1);
    expect(cycle(db, '2026-11-24T07:01:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications.map((n) => n.options.title)).toEqual([BUDGET_TITLE]);
  });

  it('never notifies an episode that cleared while it was held', () => {
    const db = acme(memoryMirror(), (rules) => {
      rules.quietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' };
      rules.sync.staleAfterHours = 72;
    });
    cycle(db, '2026-11-23T23:00:00Z');
    setRules(db, (rules) => {
      rules.budgets.orgMonthlyUsd = '100000';
      rules.disabledRules = RULE_IDS.filter((rule) => rule !== 'spend-threshold');
      rules.quietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'UTC' };
      rules.sync.staleAfterHours = 72;
    });
    expect(cycle(db, '2026-11-24T02:00:00Z').cycle.reconciliation.closed).toHaveLength(1);
    expect(cycle(db, '2026-11-24T07:00:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications).toHaveLength(0);
  });

  it('"Pause alerts for 1 h" holds notifications until the pause ends, then shows them once', () => {
    const db = acme(memoryMirror());
    const until = pauseAlerts(db, at('2026-11-23T20:10:00Z'));
    expect(until).toBe(at('2026-11-23T21:10:00Z'));
    expect(pausedUntilMs(db, at('2026-11-23T20:30:00Z'))).toBe(until);
    expect(cycle(db, '2026-11-23T20:10:00Z').cycle.reconciliation.held.map((e) => e.heldBy)).toEqual(['snooze']);
    expect(cycle(db, '2026-11-23T21:09:00Z').notifiedIds).toEqual([]);
    expect(cycle(db, '2026-11-23T21:10:00Z').notifiedIds).toHaveLength(1);
    expect(cycle(db, '2026-11-23T21:11:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications).toHaveLength(1);
    expect(pausedUntilMs(db, at('2026-11-23T21:10:00Z'))).toBeNull();
  });

  it('resuming early releases what the pause held at the next cycle', () => {
    const db = acme(memoryMirror());
    pauseAlerts(db, at('2026-11-23T20:10:00Z'));
    cycle(db, '2026-11-23T20:10:00Z');
    resumeAlerts(db);
    expect(cycle(db, '2026-11-23T20:11:00Z').notifiedIds).toHaveLength(1);
  });

  it('a snooze of one rule and target holds only that target', () => {
    const db = acme(memoryMirror(), (rules) => {
      rules.budgets.workspaceMonthlyUsd = { wrkspc_prod: '1000' };
    });
    pauseAlertsFor(db, 'org_acme', at('2026-11-23T22:00:00Z'));
    const first = cycle(db, '2026-11-23T20:10:00Z');
    expect(first.cycle.reconciliation.held.map((e) => e.targetId)).toEqual(['org_acme']);
    expect(electron.notifications.map((n) => n.options.title)).toEqual(['Production has reached its monthly budget']);
  });

  it('shows the episodes a cron `check` recorded first, once', () => {
    const db = acme(memoryMirror());
    recordAlertCycle(db, at('2026-11-23T20:05:00Z'), { defaultTz: 'UTC' });
    expect(cycle(db, '2026-11-23T20:06:00Z').notifiedIds).toHaveLength(1);
    recordAlertCycle(db, at('2026-11-23T20:07:00Z'), { defaultTz: 'UTC' });
    expect(cycle(db, '2026-11-23T20:08:00Z').notifiedIds).toEqual([]);
    expect(electron.notifications).toHaveLength(1);
  });

  it('sends the morning digest once per local day, at its time and not before', () => {
    const db = acme(memoryMirror(), (rules) => {
      rules.digest = { enabled: true, at: '08:30' };
      rules.sync.staleAfterHours = 72;
    });
    expect(cycle(db, '2026-11-24T08:00:00Z').digest).toBeNull();
    const morning = cycle(db, '2026-11-24T08:31:00Z');
    expect(morning.digest?.title).toBe('1 open alert (1 critical)');
    expect(cycle(db, '2026-11-24T09:00:00Z').digest).toBeNull();
    expect(getLastDigestDay(db)).toBe('2026-11-24');
    expect(cycle(db, '2026-11-25T08:30:00Z').digest?.lines).toEqual([`[critical] ${BUDGET_TITLE}`]);
    expect(electron.notifications.map((n) => n.options.title)).toEqual([
      BUDGET_TITLE,
      'Morning digest: 1 open alert (1 critical)',
      'Morning digest: 1 open alert (1 critical)',
    ]);
  });
});

function pauseAlertsFor(db: Database.Database, targetId: string, untilMs: number): void {
  db.prepare(`INSERT INTO alert_snoozes (rule, target_id, until_ms) VALUES ('spend-threshold', ?, ?)`).run(
    targetId,
    untilMs,
  );
}

describe('the app alert cycle over the sandbox demo org', () => {
  it('with a budget below month-to-date spend: notifies once over two cycles and a restart (new objects, same mirror file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-alert-cycle-'));
    dirs.push(dir);
    const file = join(dir, 'mirror.sqlite');
    const demo = await openDemoOrg({ mirrorFile: file });
    const shown: string[] = [];
    let orgBudgetTitle = '';
    try {
      setRules(demo.db, (rules) => {
        rules.budgets.orgMonthlyUsd = '1';
      });
      const electron = createTrayElectronDouble();
      const notifier = createElectronNotifier(electron, { openView: () => undefined });
      const now = Date.now();
      const first = runAppAlertCycle({ db: demo.db, nowMs: now, timeZone: 'UTC', notifier });
      const budget = first.episodes.find(
        (e) => e.conditionId === `spend:org:${new Date(now).toISOString().slice(0, 7)}:100`,
      );
      expect(budget?.notifiedAtMs).toBe(now);
      orgBudgetTitle = budget!.title;
      expect(first.notifiedIds).toContain(budget!.id);
      const second = runAppAlertCycle({ db: demo.db, nowMs: now + 60_000, timeZone: 'UTC', notifier });
      expect(second.notifiedIds).toEqual([]);
      shown.push(...electron.notifications.map((n) => `${n.options.title}\n${n.options.body}`));
      expect(electron.notifications.length).toBeGreaterThan(0);
      expect(electron.notifications.every((n) => n.shown)).toBe(true);
    } finally {
      await demo.close();
    }
    // Restart: a new connection, a new Electron (double) and a new notifier over the same mirror file.
    const reopened = openMirror(file);
    try {
      const electron = createTrayElectronDouble();
      const after = runAppAlertCycle({
        db: reopened,
        nowMs: Date.now() + 120_000,
        timeZone: 'UTC',
        notifier: createElectronNotifier(electron, { openView: () => undefined }),
      });
      expect(after.notifiedIds).toEqual([]);
      expect(electron.notifications).toHaveLength(0);
    } finally {
      reopened.close();
    }
    expect(shown.filter((text) => text.includes(orgBudgetTitle))).toHaveLength(1);
  }, 120_000);
});
