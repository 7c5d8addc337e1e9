/**
 * What the keychain host does with each request: one keytar call, answered with its result or with what keytar
 * said. Kept apart from host-main.ts (which picks the channel and loads keytar) so it is tested with doubles.
 */
import { hostRequestSchema, type HostReply, type HostRequest } from './protocol';

/** The part of keytar's API we use; tests pass a double. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** The host's side of the IPC channel: Node's process.send/'message', or Electron's process.parentPort. */
export interface HostChannel {
  onMessage(listener: (message: unknown) => void): void;
  reply(reply: HostReply): void;
}

export function serveKeychain(channel: HostChannel, loadKeytar: () => Promise<KeytarLike>): void {
  let keytar: Promise<KeytarLike> | undefined;
  const loaded = (): Promise<KeytarLike> => {
    keytar ??= loadKeytar().catch((error: unknown) => {
      keytar = undefined; // a later request retries, e.g. after libsecret was installed
      throw error;
    });
    return keytar;
  };
  channel.onMessage((message) => {
    const parsed = hostRequestSchema.safeParse(message);
    if (!parsed.success) return; // not ours: nothing to answer, and nothing of it is echoed anywhere
    const request = parsed.data;
    loaded()
      .then((k) => perform(k, request))
      .then(
        (value) => channel.reply({ id: request.id, ok: true, value: value ?? null }),
        (error: unknown) =>
          channel.reply({ id: request.id, ok: false, message: error instanceof Error ? error.message : String(error) }),
      );
  });
}

function perform(k: KeytarLike, r: HostRequest): Promise<string | boolean | null | void> {
  switch (r.op) {
    case 'get':
      return k.getPassword(r.service, r.account);
    case 'set':
      return k.setPassword(r.service, r.account, r.password);
    case 'delete':
      return k.deletePassword(r.service, r.account);
  }
}
