/**
 * The desktop channels through the dispatcher (the same path Electron IPC and the harness take): answered by the
 * desktop glue over the Electron double, a refused shortcut as `bad-request` with the admin's words, a bad payload
 * refused before any handler, and `unavailable` in windows without the desktop (the web harness).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDesktop } from '../../../main/app/desktop';
import { createWindowSlot } from '../../../main/app/window';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { createElectronDouble } from '../../helpers/electron-double';
import { sampleInfo, unusedVault } from './fixtures';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function handlersWith(desktop: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'clade-desktop-ipc-'));
  dirs.push(dir);
  const electron = createElectronDouble();
  electron.app.paths.logs = join(dir, 'logs');
  const window = createWindowSlot(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/i.html' } });
  const started = startDesktop({
    electron,
    dataDir: dir,
    window,
    active: { current: () => null },
    platform: 'linux',
    env: {},
    homeDir: dir,
    argv: [],
  });
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror: () => null,
    now: () => 0,
    vault: unusedVault,
    onKeyChanged: async () => undefined,
    ...(desktop ? { desktop: started.port } : {}),
  });
  const call = (channel: string, request?: unknown) => dispatch(handlers, channel, request, 'ipc', vi.fn());
  return { call, electron };
}

describe('the desktop channels', () => {
  it('read and change the settings; a taken shortcut is a bad-request the window shows', async () => {
    const { call, electron } = handlersWith(true);
    await expect(call('clade:desktop/get')).resolves.toMatchObject({
      ok: true,
      value: { openAtLogin: false, shortcut: { enabled: false }, platform: 'linux' },
    });
    await expect(call('clade:desktop/set-open-at-login', { openAtLogin: true })).resolves.toMatchObject({
      ok: true,
      value: { openAtLogin: true },
    });
    electron.globalShortcut.taken.add('Alt+Space');
    await expect(call('clade:desktop/set-shortcut', { enabled: true, accelerator: 'Alt+Space' })).resolves.toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringMatching(/Alt\+Space is already used by another app/) },
    });
    await expect(
      call('clade:desktop/set-shortcut', { enabled: true, accelerator: 'x'.repeat(61) }),
    ).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    await expect(call('clade:desktop/copy-diagnostics')).resolves.toMatchObject({
      ok: true,
      value: { text: expect.stringContaining('Sync status by resource') },
    });
  });

  it('answer unavailable, in words, where there is no desktop', async () => {
    const { call } = handlersWith(false);
    await expect(call('clade:desktop/get')).resolves.toEqual({
      ok: false,
      error: { code: 'unavailable', message: expect.stringMatching(/set in the desktop app/) },
    });
  });
});
