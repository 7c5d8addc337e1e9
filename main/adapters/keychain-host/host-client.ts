/**
 * Calls into the keychain host: started on the first call, reused by the next ones, and killed when a call gets no
 * answer in time (the keychain is stuck, typically behind a prompt nobody can see). Every call still waiting on that
 * host fails then; the next call starts a fresh host.
 */
import { hostReplySchema, type HostCall, type HostReply } from './protocol';
import type { KeychainHostProcess, LaunchKeychainHost } from './host-process';

type Value = Extract<HostReply, { ok: true }>['value'];

interface Waiting {
  resolve(value: Value): void;
  reject(error: Error): void;
}

interface Running {
  process: KeychainHostProcess;
  waiting: Map<number, Waiting>;
}

export interface KeychainHostClient {
  /**
   * Sends one call; resolves with the host's value. Rejects with a HostRefusal (what the keychain said), with
   * `onTimeout()` when there is no answer within `timeoutMs` (the host is killed then), or with a plain Error when
   * the host could not be started or stopped on its own.
   */
  call(request: HostCall, timeoutMs: number, onTimeout: () => Error): Promise<Value>;
  /** Kills the host if one runs (the app, when it quits). */
  close(): void;
}

/** The keychain answered, with an error: its own words, for the caller to classify. */
export class HostRefusal extends Error {
  override name = 'HostRefusal';
}

export function createKeychainHostClient(launch: LaunchKeychainHost): KeychainHostClient {
  let current: Running | null = null;
  let nextId = 1;

  const failAll = (running: Running, error: () => Error): void => {
    if (current === running) current = null;
    const waiting = [...running.waiting.values()];
    running.waiting.clear();
    running.process.hold(false);
    for (const w of waiting) w.reject(error());
  };

  const start = (): Running => {
    const running: Running = { process: launch(), waiting: new Map() };
    running.process.onMessage((message) => {
      const parsed = hostReplySchema.safeParse(message);
      if (!parsed.success) return;
      const reply = parsed.data;
      const waiting = running.waiting.get(reply.id);
      if (!waiting) return; // the answer to a call that already gave up
      running.waiting.delete(reply.id);
      if (running.waiting.size === 0) running.process.hold(false);
      if (reply.ok) waiting.resolve(reply.value);
      else waiting.reject(new HostRefusal(reply.message));
    });
    running.process.onExit((why) => failAll(running, () => new Error(`the keychain helper stopped (${why})`)));
    return running;
  };

  return {
    call(request, timeoutMs, onTimeout) {
      return new Promise<Value>((resolve, reject) => {
        const running = (current ??= start());
        const id = nextId++;
        const timer = setTimeout(() => {
          failAll(running, onTimeout);
          running.process.kill();
        }, timeoutMs);
        // Never what keeps a CLI alive: while a call waits, the host's channel does (hold), and the kill ends it.
        timer.unref?.();
        running.waiting.set(id, {
          resolve: (value) => (clearTimeout(timer), resolve(value)),
          reject: (error) => (clearTimeout(timer), reject(error)),
        });
        running.process.hold(true);
        running.process.send({ ...request, id });
      });
    },
    close() {
      const running = current;
      if (!running) return;
      failAll(running, () => new Error('the keychain helper was closed'));
      running.process.kill();
    },
  };
}
