/**
 * The window's IPC as the app wires it: every channel handler over the app's dependencies, behind the gateway's
 * sender check (only our own page, packaged or from the dev server, may call).
 */
import type { GatewayOptions } from './gateway';
import { createHandlers, type HandlerDeps } from './create-handlers';
import { registerGateway } from './gateway';
import { createSenderCheck, type TrustedPages } from './sender-check';

export interface WindowIpcOptions extends Pick<GatewayOptions, 'ipcMain' | 'log'> {
  pages: TrustedPages;
  handlers: HandlerDeps;
}

/** Registers the handlers; answers the function that removes them. */
export function registerWindowIpc(options: WindowIpcOptions): () => void {
  return registerGateway({
    ipcMain: options.ipcMain,
    log: options.log,
    isTrustedSender: createSenderCheck(options.pages),
    handlers: createHandlers(options.handlers),
  });
}
