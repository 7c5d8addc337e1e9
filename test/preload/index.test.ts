import { describe, expect, it, vi } from 'vitest';

const exposeInMainWorld = vi.fn();
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld },
  ipcRenderer: { invoke: vi.fn(), on: vi.fn(), removeListener: vi.fn() },
}));

describe('preload entry', () => {
  it('exposes window.api with exactly one contextBridge call when loaded', async () => {
    await import('../../preload/index');
    expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect(exposeInMainWorld.mock.calls[0]![0]).toBe('api');
  });
});
