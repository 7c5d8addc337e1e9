/**
 * Builds `window.api` over ipcRenderer and exposes it. Electron is only a type here so the
 * bridge can be tested against a double; `index.ts` passes the real modules.
 */
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';
import { channelKinds } from './contract';
import { buildClientApi, type ApiTransport } from './api-shape';

export type IpcRendererPort = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function createIpcTransport(renderer: IpcRendererPort): ApiTransport {
  return {
    invoke: (channel, request) => renderer.invoke(channel, request),
    subscribe: (channel, listener) => {
      // Drop the event object: it would hand the renderer a handle on ipcRenderer (event.sender).
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      renderer.on(channel, handler);
      return () => {
        renderer.removeListener(channel, handler);
      };
    },
  };
}

/** The ONE contextBridge call of the app. */
export function exposeApi(bridge: Pick<ContextBridge, 'exposeInMainWorld'>, renderer: IpcRendererPort): void {
  bridge.exposeInMainWorld('api', buildClientApi(channelKinds(), createIpcTransport(renderer)));
}
