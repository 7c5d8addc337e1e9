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
import type { MirrorDb } from '../db/open';
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

/**
 * The demo profile's sync target for headless commands (`sync`, `check --sync`): the same demo org as `demo` and the
 * window (demo/demo-sandbox.ts), regenerated as this mirror first saw it so a sync journals only real changes.
 * `sync` runs one sync the way the demo does (on a fresh mirror: baseline, scripted changes, a second sync).
 */
export async function startDemoTarget(
  db: MirrorDb,
): Promise<
  SyncTarget & { sync<S extends { status: string }>(run: () => Promise<S>): Promise<S>; close(): Promise<void> }
> {
  const { startDemoSandbox, syncDemoOrg } = await import('./demo/demo-sandbox');
  const demo = await startDemoSandbox(db, { size: 'demo', seed: 1 });
  return {
    apiKey: demo.sandbox.adminKey,
    baseURL: demo.sandbox.url,
    sync: (run) => syncDemoOrg(demo, run),
    close: () => demo.sandbox.close(),
  };
}
