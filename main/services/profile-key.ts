/**
 * The key a headless run uses for a profile: ANTHROPIC_ADMIN_KEY when set (never stored), else the profile's key
 * in the OS keychain. A profile is bound to one org: a stored key was checked when it was stored, while a key from
 * the environment is checked here (one cheap GET /v1/organizations/me) before it can write another org's data
 * into this profile. The demo profile's target is an in-process sandbox instead.
 */
import { createSdkVerifier } from '../adapters/anthropic/verify-key';
import { createProfilesFile } from '../adapters/profiles-file';
import { createKeytarSecretStore } from '../adapters/secret-store-keytar';
import { assertKeyMatchesProfile } from '../core/vault/connect-key';
import type { SecretStorePort } from '../core/vault/ports';
import { resolveAdminKey } from '../core/vault/resolve-key';
import type { SyncTarget } from './sync/sync-profile';

export interface ProfileKeyInput {
  dataDir: string;
  profileId: string;
  /** Where an environment key would come from (process.env for the CLI). */
  env: Record<string, string | undefined>;
  /** Where the org check of an environment key is sent. */
  baseUrl: string;
  secrets?: SecretStorePort;
}

/** The key to use, or null when there is none. Throws the vault's errors (keychain unavailable, other org). */
export async function resolveProfileKey(input: ProfileKeyInput): Promise<string | null> {
  const resolved = await resolveAdminKey({
    env: input.env,
    secrets: input.secrets ?? createKeytarSecretStore(),
    profileId: input.profileId,
  });
  if (!resolved) return null;
  if (resolved.source === 'env') {
    const registry = createProfilesFile(input.dataDir).read();
    if (registry.profiles.some((p) => p.id === input.profileId && p.orgId)) {
      assertKeyMatchesProfile(registry, input.profileId, await createSdkVerifier(input.baseUrl)(resolved.key));
    }
  }
  return resolved.key;
}

/** A sandbox with the generated demo org, as a sync target; close it when done. */
export async function startDemoTarget(): Promise<SyncTarget & { close(): Promise<void> }> {
  const { startSandbox } = await import('../sandbox/index');
  const sandbox = await startSandbox({ size: 'demo', seed: 1 });
  return { apiKey: sandbox.adminKey, baseURL: sandbox.url, close: () => sandbox.close() };
}
