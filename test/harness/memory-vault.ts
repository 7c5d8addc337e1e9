/**
 * The harness's key vault: the real core/vault flows (shape check, verification, org binding) over an
 * in-memory keychain and profile registry, verifying against the demo sandbox. Nothing touches the real
 * keychain, and the harness keeps serving the demo org after a connect (it has no live mode).
 */
import { createWindowVault } from '../../main/services/profiles';
import { createSdkVerifier } from '../../main/adapters/anthropic/verify-key';
import { EMPTY_REGISTRY, type ProfileRegistry } from '../../main/core/vault/profiles';
import type { ProfileStorePort, SecretStorePort } from '../../main/core/vault/ports';
import type { KeyVaultPort } from '../../main/ipc/domains/key';

/** `profiles` and `profileId` let the harness share a temp profiles.json and the Settings view's active profile. */
export function createMemoryVault(
  verifyAgainst: string,
  options: { profiles?: ProfileStorePort; profileId?: () => string } = {},
): KeyVaultPort & { storedKeys: Map<string, string>; secrets: SecretStorePort } {
  const storedKeys = new Map<string, string>();
  let registry: ProfileRegistry = EMPTY_REGISTRY;
  const secrets: SecretStorePort = {
    get: async (id) => storedKeys.get(id) ?? null,
    set: async (id, key) => void storedKeys.set(id, key),
    delete: async (id) => storedKeys.delete(id),
  };
  const vault = createWindowVault({
    profileId: options.profileId ?? 'default',
    secrets,
    profiles: options.profiles ?? { read: () => registry, write: (next) => void (registry = next) },
    verify: createSdkVerifier(verifyAgainst),
    clock: Date,
  });
  return { ...vault, storedKeys, secrets };
}
