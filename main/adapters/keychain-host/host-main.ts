/**
 * The keychain host (its own electron-vite entry, out/main/keychain-host.js): the ONLY code that loads keytar.
 * keytar's calls block a libuv thread-pool thread until the keychain answers, and nothing inside a process can cancel
 * them (neither worker.terminate() nor process.exit() ends such a call promptly). So they run here, in a process the
 * CLI (child_process.fork) or the app (Electron's utilityProcess) can kill when the keychain stops answering.
 * It prints nothing: the key crosses the IPC channel only.
 */
import type { HostReply } from './protocol';
import { serveKeychain, type HostChannel, type KeytarLike } from './serve';

/** Electron's side of a utilityProcess: messages arrive as `{ data }` events on process.parentPort. */
interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

function channel(): HostChannel {
  const parentPort = (process as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      onMessage: (listener) => void parentPort.on('message', (event) => listener(event.data)),
      reply: (reply: HostReply) => parentPort.postMessage(reply),
    };
  }
  const send = process.send?.bind(process);
  if (!send) throw new Error('the keychain host runs only as a forked child or a utility process');
  // The CLI is gone (it exited, or was killed): nothing is left to answer.
  process.on('disconnect', () => process.exit(0));
  return {
    onMessage: (listener) => void process.on('message', listener),
    // A reply to a parent that has just gone is dropped; the callback keeps it from becoming an 'error' event.
    reply: (reply: HostReply) => void send(reply, undefined, {}, () => undefined),
  };
}

async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

serveKeychain(channel(), loadKeytar);
