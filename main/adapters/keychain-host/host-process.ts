/**
 * A running keychain host, as the client sees it, whatever started it: a Node child (node-host.ts, the CLI) or an
 * Electron utilityProcess (main/app/keychain-utility-host.ts, the app).
 */
import type { HostRequest } from './protocol';

export interface KeychainHostProcess {
  send(request: HostRequest): void;
  /** Every message the host sends (validated by the client). */
  onMessage(listener: (message: unknown) => void): void;
  /** Called once when the host is gone (exited, killed, or never started), with why for the error message. */
  onExit(listener: (why: string) => void): void;
  /** Ends it at once (SIGKILL): a keychain call stuck in its thread pool cannot be ended any other way. */
  kill(): void;
  /** Whether it may keep this process alive: only while a call waits for it, so a CLI exits when its work is done. */
  hold(busy: boolean): void;
}

/** Starts a new host; throws when there is none to start (e.g. the entry was not built). */
export type LaunchKeychainHost = () => KeychainHostProcess;
