/**
 * A keychain host in this process, for unit tests of the keytar store: the real request handling (serveKeychain)
 * over an in-memory channel, with a keytar double behind it. It records each start and kill, and after a kill it
 * answers nothing more, like a killed process.
 */
import type { KeychainHostProcess, LaunchKeychainHost } from '../../main/adapters/keychain-host/host-process';
import type { HostReply, HostRequest } from '../../main/adapters/keychain-host/protocol';
import { serveKeychain, type KeytarLike } from '../../main/adapters/keychain-host/serve';

export interface InProcessHosts {
  launch: LaunchKeychainHost;
  /** How many hosts were started, and how many of them were killed. */
  started: number;
  killed: number;
  /** Every request any host received (the key included: it is allowed on the channel). */
  requests: HostRequest[];
}

export function inProcessKeychainHosts(loadKeytar: () => Promise<KeytarLike>): InProcessHosts {
  const hosts: InProcessHosts = {
    started: 0,
    killed: 0,
    requests: [],
    launch: () => {
      hosts.started += 1;
      let alive = true;
      let deliver: (message: unknown) => void = () => undefined;
      const toClient: Array<(message: unknown) => void> = [];
      const exits: Array<(why: string) => void> = [];
      serveKeychain(
        {
          onMessage: (listener) => void (deliver = listener),
          reply: (reply: HostReply) => {
            if (alive) for (const listener of toClient) listener(reply);
          },
        },
        loadKeytar,
      );
      const host: KeychainHostProcess = {
        send: (request) => {
          hosts.requests.push(request);
          // Asynchronous, like IPC.
          if (alive) queueMicrotask(() => deliver(structuredClone(request)));
        },
        onMessage: (listener) => void toClient.push(listener),
        onExit: (listener) => void exits.push(listener),
        kill: () => {
          if (!alive) return;
          alive = false;
          hosts.killed += 1;
          queueMicrotask(() => exits.forEach((listener) => listener('signal SIGKILL')));
        },
        hold: () => undefined,
      };
      return host;
    },
  };
  return hosts;
}
