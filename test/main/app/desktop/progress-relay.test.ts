/**
 * The tray says "Syncing…" during every sync, the first one after a key was stored too (it runs when the profile
 * opens, outside the scheduler and before the tray exists): the progress relay on the tray double.
 */
import { describe, expect, it } from 'vitest';
import { createProgressRelay, followSyncProgress } from '../../../../main/app/progress-relay';
import { startTrayAndAlerts } from '../../../../main/app/tray/tray-and-alerts';
import type { SyncProgress } from '../../../../preload/contract';
import { createTrayElectronDouble } from '../../../helpers/electron-double-tray';

const running: SyncProgress = {
  phase: 'running',
  first: true,
  resource: 'users',
  page: 1,
  rows: 12,
  resourcesDone: 1,
  resourcesTotal: 15,
};

describe('the progress relay', () => {
  it('pushes every report to the window, and the tray, arriving late, starts from the sync under way', () => {
    const pushed: SyncProgress[] = [];
    const relay = createProgressRelay((p) => pushed.push(p));
    relay.report(running); // the first sync started while the window opened, before the tray existed

    const electron = createTrayElectronDouble();
    const tray = startTrayAndAlerts({
      electron,
      assetsDir: '/app/assets',
      mirror: () => null,
      now: () => Date.parse('2026-12-07T10:00:00Z'),
      timeZone: 'UTC',
      openView: () => undefined,
      syncNow: async () => undefined,
      quit: () => undefined,
      log: () => undefined,
      timers: { setInterval: () => 'h', clearInterval: () => undefined },
    });
    let schedulerSyncing = false;
    followSyncProgress(relay, tray, { isSyncing: () => schedulerSyncing });
    const [icon] = electron.trays;
    expect(icon?.tooltip).toMatch(/syncing…/);
    expect(icon?.image).toBe('/app/assets/tray-syncingTemplate.png');
    expect(icon?.labels()).toContain('Syncing…');

    relay.report({ phase: 'done', resource: null, page: 0, rows: 480 });
    expect(icon?.tooltip).not.toMatch(/syncing/);
    expect(icon?.labels()).toContain('Sync now');

    // A scheduled sync still running keeps "syncing" on, whatever a report says.
    schedulerSyncing = true;
    relay.report({ phase: 'done', resource: null, page: 0, rows: 0 });
    expect(icon?.tooltip).toMatch(/syncing…/);
    expect(pushed.map((p) => p.phase)).toEqual(['running', 'done', 'done']);
    tray.stop();
  });
});
