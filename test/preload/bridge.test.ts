import { describe, expect, it, vi } from 'vitest';
import type { IpcRendererEvent } from 'electron';
import { exposeApi, type IpcRendererPort } from '../../preload/bridge';
import type { ClientApi } from '../../preload/api-shape';
import { channelKinds } from '../../preload/contract';

/** A double of ipcRenderer: invoke resolves what main would answer; `fire` plays a push from main. */
function ipcRendererDouble() {
  const listeners = new Map<string, Set<(event: IpcRendererEvent, ...args: unknown[]) => void>>();
  const port = {
    invoke: vi.fn(async (channel: string) => ({ ok: true, value: `answer for ${channel}` })),
    on: vi.fn((channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener));
      return port;
    }),
    removeListener: vi.fn((channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void) => {
      listeners.get(channel)?.delete(listener);
      return port;
    }),
  };
  const fire = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? [])
      listener({ sender: 'ipcRenderer itself' } as unknown as IpcRendererEvent, payload);
  };
  return { port: port as unknown as IpcRendererPort & typeof port, fire, listeners };
}

function expose() {
  const exposed: Array<{ key: string; api: ClientApi }> = [];
  const bridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.push({ key, api: api as ClientApi })),
  };
  const ipc = ipcRendererDouble();
  exposeApi(bridge, ipc.port);
  return { bridge, exposed, ipc };
}

describe('exposeApi', () => {
  it('makes one contextBridge call, under the name "api"', () => {
    const { bridge, exposed } = expose();
    expect(bridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(exposed[0]!.key).toBe('api');
  });

  it('has one method per contract channel, grouped by domain', () => {
    const api = expose().exposed[0]!.api as unknown as Record<string, Record<string, unknown>>;
    const methods = Object.entries(api).flatMap(([domain, group]) => Object.keys(group).map((m) => `${domain}.${m}`));
    expect(methods).toHaveLength(channelKinds().length);
    expect(methods).toEqual(expect.arrayContaining(['org.tree', 'app.info', 'sync.onProgressChanged']));
  });

  it('sends invoke calls on the contract channel name with the request', async () => {
    const { exposed, ipc } = expose();
    await expect(exposed[0]!.api.org.tree()).resolves.toEqual({ ok: true, value: 'answer for clade:org/tree' });
    expect(ipc.port.invoke).toHaveBeenCalledWith('clade:org/tree', undefined);
  });

  it('delivers push payloads without the IPC event, and unsubscribes', () => {
    const { exposed, ipc } = expose();
    const listener = vi.fn();
    const unsubscribe = exposed[0]!.api.sync.onProgressChanged(listener);
    ipc.fire('clade:sync/progress-changed', { phase: 'done', resource: null, page: 3, rows: 9 });
    expect(listener).toHaveBeenCalledWith({ phase: 'done', resource: null, page: 3, rows: 9 });
    expect(listener.mock.calls[0]).toHaveLength(1);
    unsubscribe();
    ipc.fire('clade:sync/progress-changed', { phase: 'done', resource: null, page: 4, rows: 9 });
    expect(listener).toHaveBeenCalledOnce();
    expect(ipc.listeners.get('clade:sync/progress-changed')?.size).toBe(0);
  });

  it('refuses a subscription without a listener function', () => {
    const { exposed } = expose();
    expect(() => exposed[0]!.api.sync.onProgressChanged('nope' as never)).toThrow(TypeError);
  });
});
