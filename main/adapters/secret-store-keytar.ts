/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service on Linux
 * (gnome-keyring, KeePassXC, …). The ONLY file in the code base that imports keytar. Service `clade-admin`,
 * account = profile id.
 *
 * keytar already fails fast in the known cases (stack.md §2), but every call also runs under a timeout so a keychain
 * stuck behind an invisible unlock prompt can never hang the app or the CLI. Failures become one
 * KeychainUnavailableError that says what to do. There is no plaintext fallback, ever.
 */
import { KeychainUnavailableError } from '../core/vault/errors';
import { keychainTimeout, keychainUnavailable } from '../core/vault/keychain-errors';
import type { SecretStorePort } from '../core/vault/ports';

export const KEYCHAIN_SERVICE = 'clade-admin';
export const DEFAULT_KEYCHAIN_TIMEOUT_MS = 5_000;

/** The part of keytar's API we use; tests pass a double to exercise timeouts and error translation. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

export interface KeytarSecretStoreOptions {
  /** Loads keytar; by default the real module, loaded on first use so that importing this file has no side effect. */
  loadKeytar?: () => Promise<KeytarLike>;
  timeoutMs?: number;
  platform?: NodeJS.Platform;
  service?: string;
}

export function createKeytarSecretStore(options: KeytarSecretStoreOptions = {}): SecretStorePort {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? DEFAULT_KEYCHAIN_TIMEOUT_MS;
  const service = options.service ?? KEYCHAIN_SERVICE;
  const load = options.loadKeytar ?? loadRealKeytar;
  let keytar: Promise<KeytarLike> | undefined;

  async function call<T>(use: (k: KeytarLike) => Promise<T>): Promise<T> {
    keytar ??= load();
    const loaded = keytar.catch((error: unknown) => {
      keytar = undefined; // let a later call retry, e.g. after libsecret was installed
      throw error;
    });
    try {
      return await withTimeout(loaded.then(use), timeoutMs, () => keychainTimeout(platform, timeoutMs));
    } catch (error) {
      if (error instanceof KeychainUnavailableError) throw error;
      throw keychainUnavailable(error instanceof Error ? error.message : String(error), platform);
    }
  }

  return {
    get: (profileId) => call((k) => k.getPassword(service, profileId)),
    set: (profileId, key) => call((k) => k.setPassword(service, profileId, key)),
    delete: (profileId) => call((k) => k.deletePassword(service, profileId)),
  };
}

async function loadRealKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
  return mod.default ?? mod;
}

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(onTimeout()), ms);
    // The timer must not keep a CLI process alive after its work is done.
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
