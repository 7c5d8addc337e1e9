import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAppTray,
  syncAge,
  TRAY_ICON_STATES,
  trayIconFile,
  trayIconState,
  trayTooltip,
} from '../../../main/app/tray/tray';
import { createTrayElectronDouble, type TrayElectronDouble } from '../../helpers/electron-double-tray';

const ASSETS = join(__dirname, '..', '..', '..', 'assets');

describe('tray icon state', () => {
  it.each([
    [{ syncing: true, offline: true, alerting: true }, 'syncing'],
    [{ syncing: false, offline: true, alerting: true }, 'offline'],
    [{ syncing: false, offline: false, alerting: true }, 'alert'],
    [{ syncing: false, offline: false, alerting: false }, 'idle'],
  ] as const)('%o → %s', (condition, state) => {
    expect(trayIconState(condition)).toBe(state);
  });

  it('has a template image and its @2x sibling in assets/ for every state', () => {
    for (const state of TRAY_ICON_STATES) {
      const file = trayIconFile(ASSETS, state);
      expect(file).toMatch(new RegExp(`tray-${state}Template\\.png$`));
      expect(existsSync(file), file).toBe(true);
      expect(existsSync(file.replace('.png', '@2x.png'))).toBe(true);
    }
  });
});

describe('tray tooltip', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');

  it('names the org and the sync age', () => {
    expect(
      trayTooltip({
        orgName: 'Acme',
        lastSyncAtMs: now - 5 * 60_000,
        nowMs: now,
        syncing: false,
        credentialInvalid: false,
      }),
    ).toBe('Clade Admin: Acme, synced 5 min ago');
    expect(
      trayTooltip({ orgName: null, lastSyncAtMs: null, nowMs: now, syncing: true, credentialInvalid: false }),
    ).toBe('Clade Admin, not synced yet, syncing…');
    expect(
      trayTooltip({
        orgName: 'Acme',
        lastSyncAtMs: now - 3 * 3_600_000,
        nowMs: now,
        syncing: false,
        credentialInvalid: true,
      }),
    ).toBe('Clade Admin: Acme, synced 3 h ago, admin key rejected');
    expect(
      trayTooltip({
        orgName: 'Acme',
        lastSyncAtMs: now - 60_000,
        nowMs: now,
        syncing: false,
        credentialInvalid: false,
        spendUnavailable: true,
      }),
    ).toBe('Clade Admin: Acme, synced 1 min ago, spend not evaluated (a report failed)');
  });

  it.each([
    [30_000, 'just now'],
    [59 * 60_000, '59 min ago'],
    [47 * 3_600_000, '47 h ago'],
    [50 * 3_600_000, '2 days ago'],
    [-60_000, 'just now'],
  ])('%d ms ago reads "%s"', (ago, text) => {
    expect(syncAge(now - ago, now)).toBe(text);
  });
});

describe('createAppTray on the Electron double', () => {
  let electron: TrayElectronDouble;
  beforeEach(() => {
    electron = createTrayElectronDouble();
  });

  it('starts idle, switches the image only when the state changes, and sets tooltip and menu', () => {
    const tray = createAppTray(electron, { assetsDir: '/app/assets', onClick: () => undefined });
    const double = electron.trays[0]!;
    expect(double.image).toBe('/app/assets/tray-idleTemplate.png');
    tray.show({ state: 'alert', tooltip: 'Clade Admin: Acme, synced just now', menu: [{ label: 'Quit' }] });
    tray.show({ state: 'alert', tooltip: 'Clade Admin: Acme, synced 1 min ago', menu: [{ label: 'Quit' }] });
    tray.show({ state: 'offline', tooltip: 't', menu: [] });
    expect(double.images).toEqual([
      '/app/assets/tray-idleTemplate.png',
      '/app/assets/tray-alertTemplate.png',
      '/app/assets/tray-offlineTemplate.png',
    ]);
    expect(double.tooltip).toBe('t');
    tray.destroy();
    expect(double.destroyed).toBe(true);
    tray.show({ state: 'idle', tooltip: 'after', menu: [] });
    expect(double.tooltip).toBe('t');
  });

  it('opens the window when the icon is clicked', () => {
    const onClick = vi.fn();
    createAppTray(electron, { assetsDir: '/a', onClick });
    electron.trays[0]!.listeners.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });
});
