/**
 * The only user of ipcMain. For every invoke channel of the contract it registers one
 * handler that checks the sender, then dispatches (parse → handler → result object). Channels not in the
 * contract get no ipcMain handler at all, so Electron rejects them before our code runs.
 */
import type { IpcMain } from 'electron';
import { channelKinds, type Result } from '../../preload/contract';
import type { Handlers } from './handler-types';
import { dispatch, type DispatchLog } from './dispatch';
import type { SenderEvent } from './sender-check';

export interface GatewayOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  handlers: Handlers;
  isTrustedSender: (event: SenderEvent) => boolean;
  log: DispatchLog;
}

/** Registers every invoke channel; returns a function that removes them again (tests, shutdown). */
export function registerGateway({ ipcMain, handlers, isTrustedSender, log }: GatewayOptions): () => void {
  const names = channelKinds()
    .filter((channel) => channel.kind === 'invoke')
    .map((channel) => channel.name);
  for (const name of names) {
    ipcMain.handle(name, async (event, payload: unknown): Promise<Result<unknown>> => {
      if (!isTrustedSender(event)) {
        log(`Refused ${name} from an untrusted frame`);
        return { ok: false, error: { code: 'forbidden-sender', message: 'This window may not call Clade Admin.' } };
      }
      return dispatch(handlers, name, payload, 'ipc', log);
    });
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
