/**
 * The web harness's stand-in for preload: builds `window.api` with the SAME builder preload uses
 * (preload/api-shape.ts), over HTTP instead of IPC. Invoke channels POST to /api/<channel>; push channels
 * arrive over one EventSource on /api/events. The server prepends the channel list as
 * `globalThis.__cladeChannels` so this bundle stays free of zod.
 */
import { buildClientApi, type ApiTransport } from '../../preload/api-shape';

declare global {
  var __cladeChannels: Array<{ name: string; kind: 'invoke' | 'push' }> | undefined;
}

function httpTransport(): ApiTransport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let events: EventSource | null = null;
  const ensureEvents = (): void => {
    if (events) return;
    events = new EventSource('/api/events');
    events.onmessage = (message) => {
      const { channel, payload } = JSON.parse(String(message.data)) as { channel: string; payload: unknown };
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    };
  };
  return {
    invoke: async (channel, request) => {
      try {
        const response = await fetch(`/api/${channel}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ request }),
        });
        return await response.json();
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'The harness server is not answering.' } };
      }
    },
    subscribe: (channel, listener) => {
      ensureEvents();
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => {
        set.delete(listener);
      };
    },
  };
}

Object.defineProperty(window, 'api', {
  value: Object.freeze(buildClientApi(globalThis.__cladeChannels ?? [], httpTransport())),
  writable: false,
  configurable: false,
});
