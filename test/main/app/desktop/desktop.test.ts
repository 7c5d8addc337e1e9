/**
 * The desktop glue on the Electron double: the show/hide shortcut (registration, a conflict refused in words with
 * the old shortcut kept, a change and quit unregistering), start at login from the settings port, Windows'
 * AppUserModelId, "Open logs folder", and "Copy diagnostics" (versions, OS, profile count, sync statuses; no org
 * name, no email, no key, no API message).
 */
import { mkdtempSync, rmSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, startDesktop, type DesktopDeps } from '../../../../main/app/desktop';
import { shortcutTakenMessage } from '../../../../main/app/global-shortcut';
import { createWindowSlot } from '../../../../main/app/window';
import { createProfilesFile } from '../../../../main/adapters/profiles-file';
import { DesktopRefusal } from '../../../../main/core/desktop/desktop-settings';
import { SyncStateRepo } from '../../../../main/db/repos/sync-state-repo';
import { createElectronDouble, type ElectronDouble } from '../../../helpers/electron-double';
import { memoryMirror, syncSnapshot } from '../../db/alerts/seed-mirror';
import { load } from 'js-yaml';

const ADMIN_KEY = `sk-ant-admin01-TEST${'Ab3_x-Yz9'.repeat(9)}-TESTAA`;
let dir: string;
let electron: ElectronDouble;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clade-desktop-'));
  electron = createElectronDouble();
  electron.app.paths.logs = join(dir, 'logs');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function start(overrides: Partial<DesktopDeps> = {}) {
  const window = createWindowSlot(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/i.html' } });
  const desktop = startDesktop({
    electron,
    dataDir: join(dir, 'data'),
    window,
    active: { current: () => null },
    platform: 'linux',
    env: {},
    argv: ['clade-admin'],
    execPath: '/usr/bin/clade-admin',
    homeDir: join(dir, 'home'),
    ...overrides,
  });
  return { desktop, window };
}

describe('the global shortcut', () => {
  it('is off by default; once on, pressing it shows the window, and pressing again with it in front hides it', () => {
    const { desktop } = start();
    expect(desktop.port.snapshot().shortcut).toEqual({
      enabled: false,
      accelerator: 'CommandOrControl+Shift+K',
      active: null,
      problem: null,
    });
    expect(electron.globalShortcut.registered.size).toBe(0);
    const after = desktop.port.setShortcut({ enabled: true, accelerator: 'ctrl+alt+c' });
    expect(after.shortcut).toMatchObject({ enabled: true, accelerator: 'Control+Alt+C', active: 'Control+Alt+C' });
    electron.globalShortcut.press('Control+Alt+C');
    const [window] = electron.windows;
    expect(window?.visible).toBe(false); // created hidden: shows once painted
    window!.emit('ready-to-show');
    window!.focus();
    expect(window?.visible).toBe(true);
    electron.globalShortcut.press('Control+Alt+C');
    expect(window?.visible).toBe(false);
    electron.globalShortcut.press('Control+Alt+C');
    expect(window?.visible).toBe(true);
    expect(electron.windows).toHaveLength(1);
  });

  it('a shortcut another app holds is refused in words, and the one in use stays', () => {
    const { desktop } = start();
    desktop.port.setShortcut({ enabled: true, accelerator: 'Control+Alt+C' });
    electron.globalShortcut.taken.add('Control+Shift+Space');
    expect(() => desktop.port.setShortcut({ enabled: true, accelerator: 'Control+Shift+Space' })).toThrow(
      new DesktopRefusal(shortcutTakenMessage('Control+Shift+Space')),
    );
    expect(shortcutTakenMessage('Control+Shift+Space')).toMatch(/already used by another app/);
    expect([...electron.globalShortcut.registered.keys()]).toEqual(['Control+Alt+C']);
    expect(desktop.port.snapshot().shortcut).toMatchObject({ accelerator: 'Control+Alt+C', active: 'Control+Alt+C' });
  });

  it('refuses what is not a shortcut, and a key without a modifier, before Electron sees it', () => {
    const { desktop } = start();
    expect(() => desktop.port.setShortcut({ enabled: true, accelerator: 'Control+Banana' })).toThrow(/not a key/);
    expect(() => desktop.port.setShortcut({ enabled: true, accelerator: 'K' })).toThrow(/needs a modifier/);
    expect(() => desktop.port.setShortcut({ enabled: true, accelerator: 'Shift+K' })).toThrow(/needs a modifier/);
    expect(() => desktop.port.setShortcut({ enabled: true, accelerator: 'Control++' })).toThrow(/Plus/);
    expect(electron.globalShortcut.calls).toEqual([]);
  });

  it('a change unregisters the old accelerator; off unregisters it; quitting unregisters it', () => {
    const { desktop } = start();
    desktop.port.setShortcut({ enabled: true, accelerator: 'Control+Alt+C' });
    desktop.port.setShortcut({ enabled: true, accelerator: 'Super+J' });
    expect(electron.globalShortcut.calls).toEqual([
      'register Control+Alt+C',
      'unregister Control+Alt+C',
      'register Super+J',
    ]);
    desktop.port.setShortcut({ enabled: false, accelerator: 'Super+J' });
    expect(electron.globalShortcut.registered.size).toBe(0);
    desktop.port.setShortcut({ enabled: true, accelerator: 'Super+J' });
    electron.app.emit('will-quit');
    expect(electron.globalShortcut.registered.size).toBe(0);
  });

  it('is kept in desktop.json and registered again at the next start; a conflict then is said, not thrown', () => {
    const first = start();
    first.desktop.port.setShortcut({ enabled: true, accelerator: 'Alt+Shift+A' });
    first.desktop.stop();
    expect(JSON.parse(readFileSync(join(dir, 'data', 'desktop.json'), 'utf8'))).toMatchObject({
      shortcut: { enabled: true, accelerator: 'Alt+Shift+A' },
    });
    const second = start();
    expect([...electron.globalShortcut.registered.keys()]).toEqual(['Alt+Shift+A']);
    second.desktop.stop();
    electron.globalShortcut.taken.add('Alt+Shift+A');
    const third = start();
    expect(third.desktop.port.snapshot().shortcut).toMatchObject({
      enabled: true,
      active: null,
      problem: shortcutTakenMessage('Alt+Shift+A'),
    });
  });
});

describe('start at login through the settings port', () => {
  it('is off by default, writes the autostart file on Linux when turned on, and removes it when turned off', () => {
    const { desktop } = start();
    const before = desktop.port.snapshot();
    expect(before.openAtLogin).toBe(false);
    expect(before.autostartFile).toBe(join(dir, 'home', '.config', 'autostart', 'clade-admin.desktop'));
    expect(desktop.port.setOpenAtLogin(true).openAtLogin).toBe(true);
    // A development run (not packaged) starts Electron with the app's folder.
    expect(readFileSync(before.autostartFile!, 'utf8')).toContain(
      'Exec=/usr/bin/clade-admin /work/clade-admin --hidden',
    );
    expect(desktop.port.setOpenAtLogin(false).openAtLogin).toBe(false);
  });

  it('on Windows: the Run entry through Electron, the AppUserModelId set; a --hidden launch keeps the window closed', () => {
    electron.app.isPackaged = true;
    const { desktop } = start({ platform: 'win32', argv: ['Clade Admin.exe', '--hidden'] });
    expect(electron.app.appUserModelId).toBe(APP_USER_MODEL_ID);
    expect(desktop.startHidden).toBe(true);
    expect(desktop.port.setOpenAtLogin(true)).toMatchObject({
      openAtLogin: true,
      autostartFile: null,
      platform: 'win32',
    });
    expect(electron.app.loginItems.calls.at(-1)).toMatchObject({ openAtLogin: true, args: ['--hidden'] });
    expect(desktop.port.snapshot().openAtLogin).toBe(true);
  });

  it('sets no AppUserModelId off Windows', () => {
    start({ platform: 'darwin' });
    expect(electron.app.appUserModelId).toBeNull();
  });

  it('the AppUserModelId is electron-builder.yml appId (Windows matches notifications to the shortcut by it)', () => {
    const config = load(readFileSync(join(__dirname, '../../../../electron-builder.yml'), 'utf8')) as { appId: string };
    expect(config.appId).toBe(APP_USER_MODEL_ID);
  });
});

describe('logs folder and diagnostics', () => {
  it('opens the OS log folder, and says so when the OS cannot', async () => {
    const { desktop } = start();
    await expect(desktop.port.openLogsFolder()).resolves.toEqual({ folder: join(dir, 'logs') });
    expect(electron.shell.opened).toEqual([join(dir, 'logs')]);
    electron.shell.answer = 'No application is registered for folders';
    await expect(desktop.port.openLogsFolder()).rejects.toThrow(/could not be opened: No application/);
  });

  it('copies versions, OS, profile count and sync statuses, and no org name, email, key or API message', () => {
    const db = memoryMirror();
    const at = Date.parse('2026-12-07T09:00:00Z');
    syncSnapshot(db, at, {
      org: { id: 'org_secretive', name: 'Initech Confidential' },
      users: [
        { id: 'user_1', email: 'ceo@initech.example', name: 'Bill L', role: 'admin', added_at: '2025-01-01T00:00:00Z' },
      ],
    });
    const state = new SyncStateRepo(db);
    state.markResource('users', 'ok', at, null);
    state.markResource('cost_daily', 'error', at, `Initech workspace refused ${ADMIN_KEY}`);
    const profiles = createProfilesFile(join(dir, 'data'));
    profiles.add({ id: 'initech', label: 'Initech' }, at);
    profiles.add({ id: 'lab', label: 'Lab' }, at);
    const { desktop } = start({
      active: { current: () => ({ db, mode: 'live' }) },
      versions: { electron: '41.7.1', node: '22.20.0', chrome: '146.0.7000.0' },
      now: () => at + 60_000,
      homeDir: dir,
      openLogFile: ({ dir: logs }) => ({ path: join(logs, 'clade-admin.log'), write: () => undefined }),
    });
    const { text } = desktop.port.copyDiagnostics();
    expect(electron.clipboard.text).toBe(text);
    expect(text).toContain('clade-admin 0.0.0-test (development build)');
    expect(text).toContain('Electron 41.7.1, Chrome 146.0.7000.0, Node 22.20.0');
    expect(text).toMatch(/^OS: linux \S+ \(\S+\)$/m);
    expect(text).toContain('Profiles: 2');
    expect(text).toContain('Open data: live');
    expect(text).toContain('Last sync: 2026-12-07T09:00:00.000Z');
    expect(text).toContain('Log file: ~/logs/clade-admin.log');
    expect(text).toContain('  users: ok, last complete 2026-12-07T09:00:00.000Z');
    expect(text).toContain('  cost_daily: error, last complete never');
    for (const secret of ['Initech', 'initech', 'ceo@', 'org_secretive', 'Bill', 'sk-ant-', 'refused', dir]) {
      expect(text).not.toContain(secret);
    }
  });

  it('without an open mirror the report says nothing is synced', () => {
    const { desktop } = start();
    const { text } = desktop.port.copyDiagnostics();
    expect(text).toContain('Open data: none');
    expect(text).toContain('(nothing synced yet)');
    expect(text).toContain('Log file: none');
  });
});

describe('the dock and the tray keep the app', () => {
  it('closing the last window keeps the app in the tray; activate reopens the window', () => {
    start();
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(0);
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(1);
  });

  it('started hidden, a second launch opens the window; with it open, it comes forward (no second window)', () => {
    start({ argv: ['clade-admin', '--hidden'] });
    expect(electron.windows).toHaveLength(0);
    electron.app.emit('second-instance');
    expect(electron.windows).toHaveLength(1);
    electron.windows[0]!.minimized = true;
    electron.app.emit('second-instance');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.minimized).toBe(false);
  });
});
