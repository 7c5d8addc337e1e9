/**
 * The real IPC gateway (main/ipc/gateway.ts) registered on the Electron double's ipcMain, with every answer the
 * window would receive recorded, so a test can scan what crossed the boundary (no key in any IPC response).
 * Only responses and the gateway's log lines are recorded, never request payloads: a `key.set` payload holds the key
 * by design, and recording it would make every scan find it.
 */
import { registerGateway } from '../../main/ipc/gateway';
import type { Handlers } from '../../main/ipc/handler-types';
import { createPush, type Push } from '../../main/ipc/push';
import { createSenderCheck } from '../../main/ipc/sender-check';
import { redactSecrets } from '../../main/core/redact';
import { fakeFrame, IpcMainDouble } from './electron-double';

/** The page the recording gateway trusts, as the packaged app's window loads it. */
export const TRUSTED_PAGE = 'file:///opt/clade-admin/resources/app/out/renderer/index.html';

export interface RecordedResponse {
  channel: string;
  /** What the test called it (e.g. "key.set with a revoked key"), so a failure names the call. */
  label: string;
  response: unknown;
}

export interface RecordedLogLine {
  /** Exactly what main/index.ts would print: the message and error detail, through redactSecrets. */
  printed: string;
  /** The same before redaction; a key here means a handler threw it, even if the log layer masked it. */
  raw: string;
}

export interface RecordedPush {
  channel: string;
  payload: unknown;
}

export interface RecordingGateway {
  /** Invokes a channel from the window's own main frame, as `window.api` does, and records the answer. */
  invoke(channel: string, payload: unknown, label?: string): Promise<unknown>;
  /** Invokes from a frame that is not ours (an iframe on another page); recorded too. */
  invokeUntrusted(channel: string, payload: unknown, label?: string): Promise<unknown>;
  readonly responses: RecordedResponse[];
  readonly logs: RecordedLogLine[];
  /** Main → window events, as main/ipc/push.ts sends them to the window (parsed against the contract). */
  push: Push;
  readonly pushes: RecordedPush[];
  /** The log function main passes around (dispatch, window data); it records like the gateway's own. */
  log: (message: string, error?: unknown) => void;
  close(): void;
}

export function createRecordingGateway(handlers: Handlers): RecordingGateway {
  const ipcMain = new IpcMainDouble();
  const responses: RecordedResponse[] = [];
  const logs: RecordedLogLine[] = [];
  const log = (message: string, error?: unknown): void => {
    const detail =
      error instanceof Error
        ? `${error.name}: ${error.message}\n${error.stack ?? ''}`
        : error === undefined
          ? ''
          : String(error);
    const raw = `[clade-admin] ${message} ${detail}`.trim();
    logs.push({ raw, printed: redactSecrets(raw) });
  };
  const pushes: RecordedPush[] = [];
  const window = {
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => void pushes.push({ channel, payload }),
  };
  const push = createPush(() => [window]);
  const close = registerGateway({
    ipcMain,
    handlers,
    log,
    isTrustedSender: createSenderCheck({ appFileUrl: TRUSTED_PAGE }),
  });
  const ours = fakeFrame(TRUSTED_PAGE);
  const theirs = fakeFrame('https://evil.example/frame.html', ours);
  const call = async (channel: string, payload: unknown, label: string, frame: typeof ours, mainFrame: typeof ours) => {
    const response = await ipcMain.invoke(channel, { frame, mainFrame }, payload);
    responses.push({ channel, label, response });
    return response;
  };
  return {
    invoke: (channel, payload, label = channel) => call(channel, payload, label, ours, ours),
    invokeUntrusted: (channel, payload, label = `${channel} from another frame`) =>
      call(channel, payload, label, theirs, ours),
    responses,
    logs,
    push,
    pushes,
    log,
    close,
  };
}
