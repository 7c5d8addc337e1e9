import { describe, expect, it, vi } from 'vitest';
import { claimSingleInstance, wireLifecycle } from '../../../main/app/lifecycle';
import { createElectronDouble, fakeEvent } from '../../helpers/electron-double';

describe('claimSingleInstance', () => {
  it('quits and reports false when another instance holds the lock', () => {
    const electron = createElectronDouble();
    electron.app.gotLock = false;
    expect(claimSingleInstance(electron.app, vi.fn())).toBe(false);
    expect(electron.app.quitCalls).toBe(1);
  });

  it('reveals the window when a second instance starts', () => {
    const electron = createElectronDouble();
    const reveal = vi.fn();
    expect(claimSingleInstance(electron.app, reveal)).toBe(true);
    electron.app.emit('second-instance', fakeEvent(), [], '/');
    expect(reveal).toHaveBeenCalledOnce();
    expect(electron.app.quitCalls).toBe(0);
  });
});

describe('wireLifecycle', () => {
  it('reopens the window on activate only when none is open', () => {
    const electron = createElectronDouble();
    const showWindow = vi.fn();
    let count = 1;
    wireLifecycle(electron.app, { showWindow, windowCount: () => count, keepAliveWithoutWindows: () => false });
    electron.app.emit('activate');
    expect(showWindow).not.toHaveBeenCalled();
    count = 0;
    electron.app.emit('activate');
    expect(showWindow).toHaveBeenCalledOnce();
  });

  it('quits when the last window closes unless the tray keeps the app alive', () => {
    const electron = createElectronDouble();
    let tray = false;
    wireLifecycle(electron.app, { showWindow: vi.fn(), windowCount: () => 0, keepAliveWithoutWindows: () => tray });
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);
    tray = true;
    electron.app.emit('window-all-closed');
    expect(electron.app.quitCalls).toBe(1);
  });
});
