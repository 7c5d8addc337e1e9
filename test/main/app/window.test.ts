import { describe, expect, it } from 'vitest';
import { createMainWindow, createWindowSlot, revealWindow } from '../../../main/app/window';
import { createElectronDouble } from '../../helpers/electron-double';

describe('createMainWindow', () => {
  it('opens a hardened window: isolated, sandboxed, no Node, no webviews, our preload', () => {
    const electron = createElectronDouble();
    createMainWindow(electron.BrowserWindow, {
      preloadPath: '/app/out/preload/index.js',
      page: { file: '/app/out/renderer/index.html' },
    });
    const prefs = electron.windows[0]!.options.webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the built file, stays hidden until painted, then shows', () => {
    const electron = createElectronDouble();
    createMainWindow(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/app/out/renderer/index.html' } });
    const window = electron.windows[0]!;
    expect(window.options.show).toBe(false);
    expect(window.loaded).toEqual({ file: '/app/out/renderer/index.html' });
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
  });

  it('loads the dev server URL when given one', () => {
    const electron = createElectronDouble();
    createMainWindow(electron.BrowserWindow, { preloadPath: '/p.js', page: { url: 'http://localhost:5173/' } });
    expect(electron.windows[0]!.loaded).toEqual({ url: 'http://localhost:5173/' });
  });

  it('fits a small popover and a full window', () => {
    const electron = createElectronDouble();
    createMainWindow(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/i.html' } });
    expect(electron.windows[0]!.options).toMatchObject({ minWidth: 360, minHeight: 480 });
  });
});

describe('revealWindow', () => {
  it('restores a minimised window, shows and focuses it', () => {
    const electron = createElectronDouble();
    const port = createMainWindow(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/i.html' } });
    const window = electron.windows[0]!;
    window.minimized = true;
    revealWindow(port);
    expect(window).toMatchObject({ minimized: false, visible: true, focused: true });
  });
});

describe('createWindowSlot', () => {
  it('creates the window on the first show, brings the same one forward after, and a new one once it was closed', () => {
    const electron = createElectronDouble();
    const slot = createWindowSlot(electron.BrowserWindow, { preloadPath: '/p.js', page: { file: '/r.html' } });
    slot.reveal(); // a second instance before any window: nothing to bring forward
    expect(electron.windows).toHaveLength(0);
    expect(slot.show()).toBe(false);
    expect(electron.windows).toHaveLength(1);
    expect(slot.show()).toBe(true);
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.focused).toBe(true);
    electron.windows[0]!.destroyed = true;
    expect(slot.show()).toBe(false);
    expect(electron.windows).toHaveLength(2);
  });
});
