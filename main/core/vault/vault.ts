/**
 * One object for the composition root (main/index.ts, IPC handlers, CLI) that bundles the vault's flows over its
 * ports. Everything here returns only what the renderer may see: key status and profile metadata, never a key —
 * except resolveKey, which is for main-side API clients only.
 */
import type { KeyStatus, RemoveProfileResult } from './connect-key';
import { clearKey, connectKey, keyStatus, removeProfile } from './connect-key';
import type { ProfileStorePort, SecretStorePort, VaultClock, VerifyKey } from './ports';
import type { Profile } from './profiles';
import { addProfile, findProfile, listProfiles, relabelProfile } from './profiles';
import type { ResolvedAdminKey } from './resolve-key';
import { resolveAdminKey } from './resolve-key';

export interface KeyVaultDeps {
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
  /** `GET /v1/organizations/me` with the given key, through the SDK, to the configured base URL. */
  verify: VerifyKey;
  clock: VaultClock;
  /** Deletes a profile's mirror files, returning the paths deleted (adapters/profiles-file deleteProfileMirror). */
  removeMirror?: (profileId: string) => string[] | Promise<string[]>;
}

export interface KeyVault {
  /** Shape check → verify → org check → keychain → registry. Write-only: the answer never contains the key. */
  setKey(profileId: string, key: string, options?: { label?: string }): Promise<KeyStatus>;
  status(profileId: string): Promise<KeyStatus>;
  /** Deletes the key only; the profile, its org binding and its mirror stay. Answers the new status. */
  clearKey(profileId: string): Promise<KeyStatus>;
  removeProfile(profileId: string, options?: { deleteMirror?: boolean }): Promise<RemoveProfileResult>;
  listProfiles(): Profile[];
  addProfile(input: { id: string; label?: string }): Profile;
  relabelProfile(profileId: string, label: string): Profile;
  /** For main-side API clients only: ANTHROPIC_ADMIN_KEY, else the keychain. Never hand the result to the renderer. */
  resolveKey(profileId: string, env: Record<string, string | undefined>): Promise<ResolvedAdminKey | null>;
}

export function createKeyVault(deps: KeyVaultDeps): KeyVault {
  const { secrets, profiles } = deps;
  const status = (profileId: string) => keyStatus({ profileId, secrets, profiles });
  return {
    async setKey(profileId, key, options = {}) {
      return connectKey({ profileId, key, verify: deps.verify, secrets, profiles, clock: deps.clock, ...options });
    },
    status,
    async clearKey(profileId) {
      await clearKey({ profileId, secrets });
      return status(profileId);
    },
    removeProfile: (profileId, options = {}) =>
      removeProfile({
        profileId,
        secrets,
        profiles,
        deleteMirror: options.deleteMirror ?? false,
        ...(deps.removeMirror ? { removeMirror: deps.removeMirror } : {}),
      }),
    listProfiles: () => listProfiles(profiles.read()),
    addProfile(input) {
      const next = addProfile(profiles.read(), input, deps.clock.now());
      profiles.write(next);
      return findProfile(next, input.id) as Profile;
    },
    relabelProfile(profileId, label) {
      const next = relabelProfile(profiles.read(), profileId, label);
      profiles.write(next);
      return findProfile(next, profileId) as Profile;
    },
    resolveKey: (profileId, env) => resolveAdminKey({ env, secrets, profileId }),
  };
}
