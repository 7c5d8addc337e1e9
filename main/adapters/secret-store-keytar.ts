/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service on Linux
 * (gnome-keyring, KeePassXC, …). Service `clade-admin`, account = profile id.
 *
 * keytar runs in a keychain host process (keychain-host/), never in this one: a call stuck in the keychain (behind
 * an invisible unlock prompt, or a Secret Service that stopped answering) blocks a thread-pool thread that nothing
 * in-process can free, and kept the CLI alive ~50 s after its timeout message. Every call runs under a timeout; on
 * timeout the host is killed (the CLI can exit, the app's thread pool stays free) and the next call starts a new one.
 * Failures become one KeychainUnavailableError that says what to do. There is no plaintext fallback, ever.
 */
import { KeychainUnavailableError } from '../core/vault/errors';
import { keychainTimeout, keychainUnavailable } from '../core/vault/keychain-errors';
import type { SecretStorePort } from '../core/vault/ports';
import { createKeychainHostClient } from './keychain-host/host-client';
import type { LaunchKeychainHost } from './keychain-host/host-process';
import type { HostCall } from './keychain-host/protocol';
import { nodeKeychainHost } from './keychain-host/node-host';

export const KEYCHAIN_SERVICE = 'clade-admin';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000;

export interface KeytarSecretStoreOptions {
  /** Starts the keychain host: a Node child by default (CLI); the app passes an Electron utilityProcess. */
  launchHost?: LaunchKeychainHost;
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  service?: string;
}

export interface KeytarSecretStore extends SecretStorePort {
  /** Ends the keychain host, if one runs (the app, when it quits). */
  close(): void;
}

export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): KeytarSecretStore {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const service = options.service ?? KEYCHAIN_SERVICE;
  const host = createKeychainHostClient(options.launchHost ?? nodeKeychainHost());

  async function call(request: HostCall): Promise<unknown> {
    try {
      return await host.call(request, timeoutMs, () => keychainTimeout(platform, timeoutMs));
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw keychainUnavailable(error instanceof Error ? error.message : String(error), platform);
    }
  }

  return {
    get: async (profileId) => {
      const value = await call({ op: 'get', service, account: profileId });
      return typeof value === 'string' ? value : null;
    },
    set: async (profileId, key) => void (await call({ op: 'set', service, account: profileId, password: key })),
    delete: async (profileId) => (await call({ op: 'delete', service, account: profileId })) === true,
    close: () => host.close(),
  };
}
