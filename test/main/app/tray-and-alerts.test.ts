import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { ALERT_INTERVAL_MS, startTrayAndAlerts, type TrayAndAlertsDeps } from '../../../main/app/tray/tray-and-alerts';
import { defaultAlertRules, formatUsd } from '../../../main/core/alerts/index';
import type { Navigate } from '../../../preload/contract';
import { loadEpisodes, saveAlertRules } from '../../../main/db/alerts/index';
import { createTrayElectronDouble, type TrayElectronDouble } from '../../helpers/electron-double-tray';
import { StorageError } from '../../../main/core/storage-error';

/** This month's spend per workspace straight from the mirror's cost table (the menu must agree with it). */
function monthSpendByWorkspace(db: Database.Database, nowMs: number): Array<{ name: string; nanocents: bigint }> {
  const now = new Date(nowMs);
  const monthStart = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  return (
    db
      .prepare(
        `SELECT coalesce(w.name, d.name) AS name, SUM(c.amount_nanocents) AS nanocents
         FROM cost_daily c LEFT JOIN workspaces w ON w.id = c.workspace_id
         LEFT JOIN workspaces d ON c.workspace_id IS NULL AND d.is_default = 1
         WHERE c.bucket_start_ms >= ? AND c.bucket_start_ms <= ?
         GROUP BY coalesce(c.workspace_id, d.id) ORDER BY nanocents DESC`,
      )
      .safeIntegers(true)
      .all(BigInt(monthStart), BigInt(nowMs)) as Array<{ name: string; nanocents: bigint }>
  ).filter((row) => row.nanocents > 0n);
}

interface Harness {
  electron: TrayElectronDouble;
  opened: Array<Navigate | null>;
  intervals: Array<() => void>;
  cleared: unknown[];
  quits: number;
  syncs: number;
  logs: string[];
}

function harness(mirror: () => Database.Database | null, nowMs: number, extra: Partial<TrayAndAlertsDeps> = {}) {
  const h: Harness = {
    electron: createTrayElectronDouble(),
    opened: [],
    intervals: [],
    cleared: [],
    quits: 0,
    syncs: 0,
    logs: [],
  };
  const running = startTrayAndAlerts({
    electron: h.electron,
    assetsDir: '/app/assets',
    mirror,
    now: () => nowMs,
    timeZone: 'UTC',
    openView: (view) => h.opened.push(view),
    quit: () => (h.quits += 1),
    log: (message) => h.logs.push(message),
    timers: {
      setInterval: (fn) => (h.intervals.push(fn), 'handle'),
      clearInterval: (handle) => h.cleared.push(handle),
    },
    ...extra,
  });
  return { h, running, tray: () => h.electron.trays[0]! };
}

describe('the tray over the sandbox demo org', () => {
  let dir: string;
  let demo: DemoOrg;
  let now: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clade-tray-'));
    // A fixed instant late in a month, on the sandbox's and the sync's clock: the demo org is past its Production
    // and Research limits whatever day the tests run.
    now = Date.parse('2026-11-24T10:00:00Z');
    demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), frozenAt: new Date(now) });
  }, 120_000);

  afterAll(async () => {
    await demo?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the org, its month-to-date spend and forecast, the top three workspaces, open alerts and the actions', () => {
    const { h, running, tray } = harness(() => demo.db, now);
    const org = (demo.db.prepare(`SELECT name FROM organization`).get() as { name: string }).name;
    const spend = monthSpendByWorkspace(demo.db, now);
    const total = spend.reduce((sum, row) => sum + row.nanocents, 0n);
    const open = loadEpisodes(demo.db).filter((e) => e.closedAtMs === null);
    const month = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(now),
    );
    const labels = tray().labels();

    expect(labels.slice(0, 2)).toEqual([org, `${month}: ${formatUsd(total)} spent`]);
    expect(labels[2]).toMatch(/^Forecast: \$[\d,]+\.\d\d by month end$/);
    const top = labels.indexOf('Top workspaces');
    expect(labels.slice(top + 1, top + 4)).toEqual(
      spend.slice(0, 3).map((row) => `${row.name}: ${formatUsd(row.nanocents)}`),
    );
    expect(labels[top + 4]).toBe('---');
    expect(open.length).toBeGreaterThan(0);
    const alerts = labels.indexOf(`${open.length} open alerts`);
    expect(alerts).toBeGreaterThan(top);
    // The demo org is past its Production and Research spend limits: critical alerts come first.
    expect(labels[alerts + 1]).toMatch(/^Critical: .+ has reached its monthly spend limit$/);
    expect(labels.slice(-6)).toEqual(['---', 'Sync now', 'Pause alerts for 1 h', '---', 'Open Clade Admin', 'Quit']);
    expect(tray().menu!.template.find((item) => item.label === 'Sync now')?.enabled).toBe(false);

    expect(tray().image).toBe('/app/assets/tray-alertTemplate.png');
    expect(tray().tooltip).toBe(`Clade Admin: ${org}, synced just now`);

    tray().clickItem(labels[top + 1]!);
    tray().clickItem('Open Clade Admin');
    tray().clickItem(labels[alerts + 1]!);
    tray().clickItem('Quit');
    expect(h.opened[0]).toMatchObject({ view: 'spend' });
    expect(h.opened[1]).toBeNull();
    // Choosing an open alert opens the window on that episode's view (a spend limit: the spend view, on its workspace).
    const limitEpisode = open.find((e) => `Critical: ${e.title}` === labels[alerts + 1]);
    expect(h.opened[2]).toEqual({ view: 'spend', target: limitEpisode!.view.id });
    expect(h.quits).toBe(1);
    running.stop();
    expect(tray().destroyed).toBe(true);
    expect(h.cleared).toEqual(['handle']);
    expect(h.logs).toEqual([]);
  });

  it('names the budget in the menu once one is set', () => {
    const rules = defaultAlertRules('UTC');
    rules.budgets.orgMonthlyUsd = '1';
    saveAlertRules(demo.db, rules, 'UTC');
    const { running, tray } = harness(() => demo.db, now);
    expect(
      tray()
        .labels()
        .filter((label) => label.startsWith('Budget: ')),
    ).toEqual(['Budget: $1.00, exceeded']);
    running.stop();
    saveAlertRules(demo.db, defaultAlertRules('UTC'), 'UTC');
  });

  it('pauses and resumes alerts from the menu, and runs a cycle each minute', () => {
    const { h, running, tray } = harness(() => demo.db, now);
    tray().clickItem('Pause alerts for 1 h');
    expect(tray().labels()).toContain(
      `Alerts paused until ${new Date(now + 3_600_000).toISOString().slice(11, 16)}: resume`,
    );
    tray().clickItem(`Alerts paused until ${new Date(now + 3_600_000).toISOString().slice(11, 16)}: resume`);
    expect(tray().labels()).toContain('Pause alerts for 1 h');
    expect(h.intervals).toHaveLength(1);
    const before = h.electron.notifications.length;
    h.intervals[0]!();
    expect(h.electron.notifications.length).toBe(before); // nothing new to say
    expect(ALERT_INTERVAL_MS).toBe(60_000);
    running.stop();
  });
});

describe('the tray without a mirror yet, and while syncing', () => {
  it('is offline with "not synced yet" until the mirror opens, shows syncing while a sync runs, then evaluates', async () => {
    let db: Database.Database | null = null;
    let finishSync: () => void = () => undefined;
    const syncNow = () => new Promise<void>((resolve) => (finishSync = resolve));
    const { h, running, tray } = harness(() => db, Date.parse('2026-11-23T10:00:00Z'), { syncNow });
    expect(tray().images).toEqual(['/app/assets/tray-idleTemplate.png', '/app/assets/tray-offlineTemplate.png']);
    expect(tray().tooltip).toBe('Clade Admin, not synced yet');
    expect(tray().labels().slice(0, 2)).toEqual(['Clade Admin', 'No data synced yet']);
    expect(running.runCycle()).toBeNull();

    const { memoryMirror } = await import('../db/alerts/seed-mirror');
    db = memoryMirror();
    running.refresh();
    tray().clickItem('Sync now');
    expect(tray().image).toBe('/app/assets/tray-syncingTemplate.png');
    expect(tray().labels()).toContain('Syncing…');
    finishSync();
    await new Promise((resolve) => setImmediate(resolve));
    expect(tray().labels()).toContain('Sync now');
    // An empty mirror: nothing synced, so alerts cannot be trusted: offline.
    expect(tray().image).toBe('/app/assets/tray-offlineTemplate.png');
    expect(h.logs).toEqual([]);
    running.stop();
  });
});

describe('the tray when the local data cannot be used', () => {
  it('says so instead of "not synced yet", and its first item opens the window (whose banner says what to do)', () => {
    let problem: StorageError | null = new StorageError(
      'corrupt',
      '/data/profiles/acme/mirror.sqlite',
      'The local mirror /data/profiles/acme/mirror.sqlite is damaged.',
    );
    const { h, running, tray } = harness(() => null, Date.parse('2026-11-23T10:00:00Z'), {
      storageProblem: () => problem,
    });
    expect(tray().image).toBe('/app/assets/tray-offlineTemplate.png');
    expect(tray().tooltip).toBe('Clade Admin, not synced yet, the local mirror is damaged');
    const first = tray().labels()[0]!;
    expect(first).toBe('Cannot use the local data: the local mirror is damaged. Open to fix…');
    tray().clickItem(first);
    expect(h.opened).toEqual([null]);
    // Moved aside and synced again: the problem is gone, and so is the item.
    problem = null;
    running.refresh();
    expect(tray().labels()[0]).toBe('Clade Admin');
    expect(tray().tooltip).toBe('Clade Admin, not synced yet');
    running.stop();
  });
});
