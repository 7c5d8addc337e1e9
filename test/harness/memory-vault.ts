/**
 * The harness's key vault: the real core/vault flows (shape check, verification, org binding) over an
 * in-memory keychain and profile registry, verifying against the demo sandbox. Nothing touches the real
 * keychain, and the harness keeps serving the demo org after a connect (it has no live mode).
 */
import { createWindowVault } from '../../main/app/window-vault';
import { createSdkVerifier } from '../../main/cli/commands/key';
import { EMPTY_REGISTRY, type ProfileRegistry } from '../../main/core/vault/profiles';
import type { KeyVaultPort } from '../../main/ipc/domains/key';

export function createMemoryVault(verifyAgainst: string): KeyVaultPort & { storedKeys: Map<string, string> } {
  const storedKeys = new Map<string, string>();
  let registry: ProfileRegistry = EMPTY_REGISTRY;
  const vault = createWindowVault({
    profileId: 'default',
    secrets: {
      get: async (id) => storedKeys.get(id) ?? null,
      set: async (id, key) => void storedKeys.set(id, key),
      delete: async (id) => storedKeys.delete(id),
    },
    profiles: { read: () => registry, write: (next) => void (registry = next) },
    verify: createSdkVerifier(verifyAgainst),
    clock: Date,
  });
  return { ...vault, storedKeys };
}
