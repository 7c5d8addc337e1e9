/**
 * Start at login on the Electron double, per OS: macOS and Windows through setLoginItemSettings (Windows with the
 * path and the start-hidden argument it keys its Run entry on), Linux through our own XDG autostart file (its
 * content, the AppImage case, XDG_CONFIG_HOME, removal). And what a login launch means: the window stays closed.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartDir, createLoginItem, startsHidden } from '../../../../main/app/login-item';
import { autostartEntry, quoteExecArg } from '../../../../main/core/desktop/autostart-entry';
import { AppDouble } from '../../../helpers/electron-double';

let home: string;
let app: AppDouble;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'clade-login-'));
  app = new AppDouble();
});
afterEach(() => rmSync(home, { recursive: true, force: true }));

const item = (platform: NodeJS.Platform, env: Record<string, string> = {}, execPath = '/opt/Clade Admin/clade-admin') =>
  createLoginItem({ platform, app, env, execPath, homeDir: home });

describe('start at login on macOS', () => {
  it('turns the login item on and off through Electron, and reads it back', () => {
    const login = item('darwin');
    expect(login.isOn()).toBe(false);
    login.set(true);
    expect(app.loginItems.calls.at(-1)).toEqual({ openAtLogin: true, openAsHidden: true });
    expect(login.isOn()).toBe(true);
    login.set(false);
    expect(app.loginItems.calls.at(-1)).toEqual({ openAtLogin: false, openAsHidden: false });
    expect(login.isOn()).toBe(false);
    expect(login.location).toBeNull();
    expect(existsSync(join(home, '.config'))).toBe(false);
  });

  it('a launch macOS made at login starts hidden; a launch by the admin does not', () => {
    expect(startsHidden(['/Applications/Clade Admin.app/Contents/MacOS/Clade Admin'], 'darwin', app)).toBe(false);
    app.loginItems.openedAtLogin = true;
    expect(startsHidden(['/Applications/Clade Admin.app/Contents/MacOS/Clade Admin'], 'darwin', app)).toBe(true);
  });
});

describe('start at login on Windows', () => {
  it('registers the executable with --hidden, and reads the entry back with the same path and args', () => {
    const login = item('win32', {}, 'C:\\Program Files\\Clade Admin\\Clade Admin.exe');
    login.set(true);
    expect(app.loginItems.calls.at(-1)).toEqual({
      openAtLogin: true,
      path: 'C:\\Program Files\\Clade Admin\\Clade Admin.exe',
      args: ['--hidden'],
    });
    expect(login.isOn()).toBe(true);
    // Read without the args, Windows finds no entry: the pair is what identifies ours.
    expect(app.getLoginItemSettings().openAtLogin).toBe(false);
    login.set(false);
    expect(login.isOn()).toBe(false);
  });

  it('the login launch carries --hidden and starts in the tray', () => {
    expect(startsHidden(['Clade Admin.exe', '--hidden'], 'win32', app)).toBe(true);
    expect(startsHidden(['Clade Admin.exe'], 'win32', app)).toBe(false);
  });
});

describe('start at login on Linux', () => {
  it('writes ~/.config/autostart/clade-admin.desktop running the executable hidden, and removes it', () => {
    const login = item('linux');
    const file = join(home, '.config', 'autostart', 'clade-admin.desktop');
    expect(login.location).toBe(file);
    expect(login.isOn()).toBe(false);
    login.set(true);
    expect(login.isOn()).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(
      [
        '[Desktop Entry]',
        'Type=Application',
        'Version=1.0',
        'Name=Clade Admin',
        'Comment=Watches your Anthropic organization from the tray',
        // A path with a space is quoted, per the Desktop Entry spec.
        'Exec="/opt/Clade Admin/clade-admin" --hidden',
        'Terminal=false',
        'X-GNOME-Autostart-enabled=true',
        '',
      ].join('\n'),
    );
    expect(statSync(file).mode & 0o777).toBe(0o644);
    expect(app.loginItems.calls).toEqual([]); // Electron's login items are not used on Linux
    login.set(false);
    expect(existsSync(file)).toBe(false);
    expect(login.isOn()).toBe(false);
    login.set(false); // removing twice is fine
  });

  it('runs $APPIMAGE from an AppImage (its execPath is a temporary mount)', () => {
    const login = item(
      'linux',
      { APPIMAGE: '/home/ann/Apps/Clade-Admin-1.2.0.AppImage' },
      '/tmp/.mount_CladeXYZ/clade-admin',
    );
    login.set(true);
    const text = readFileSync(login.location!, 'utf8');
    expect(text).toContain('Exec=/home/ann/Apps/Clade-Admin-1.2.0.AppImage --hidden\n');
    expect(text).not.toContain('.mount_');
  });

  it('follows $XDG_CONFIG_HOME when it is absolute, and ignores a relative one (the spec says so)', () => {
    expect(autostartDir({ XDG_CONFIG_HOME: '/srv/cfg' }, home)).toBe('/srv/cfg/autostart');
    expect(autostartDir({ XDG_CONFIG_HOME: 'cfg' }, home)).toBe(join(home, '.config', 'autostart'));
    const login = item('linux', { XDG_CONFIG_HOME: join(home, 'xdg') });
    login.set(true);
    expect(existsSync(join(home, 'xdg', 'autostart', 'clade-admin.desktop'))).toBe(true);
  });
});

describe('Exec quoting (Desktop Entry spec)', () => {
  it.each([
    ['/usr/bin/clade-admin', '/usr/bin/clade-admin'],
    ['/opt/My Apps/clade', '"/opt/My Apps/clade"'],
    ['/opt/50%/clade', '/opt/50%%/clade'],
    ['/opt/$HOME/a"b', '"/opt/\\\\$HOME/a\\\\"b"'],
    ['/opt/back\\slash', '"/opt/back\\\\\\\\slash"'],
    ['/opt/tick`x', '"/opt/tick\\\\`x"'],
  ])('%s → %s', (arg, quoted) => {
    expect(quoteExecArg(arg)).toBe(quoted);
  });

  it('refuses a path with a line break (it would end the Exec line)', () => {
    expect(() => autostartEntry({ executable: '/opt/a\nHidden=true' })).toThrow(/control characters/);
  });
});
