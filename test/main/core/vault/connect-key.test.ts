import Anthropic from '@anthropic-ai/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearKey, connectKey, keyStatus, removeProfile } from '../../../../main/core/vault/connect-key';
import { KeychainUnavailableError, ProfileOrgMismatchError } from '../../../../main/core/vault/errors';
import type { VerifyKey } from '../../../../main/core/vault/ports';
import { addProfile, EMPTY_REGISTRY } from '../../../../main/core/vault/profiles';
import { startSandbox, type RunningSandbox } from '../../../../main/sandbox/index';
import {
  createFailingSecretStore,
  createMemoryProfileStore,
  createMemorySecretStore,
  fakeAdminKey,
  fakeApiKey,
} from '../../../helpers/keyring';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const clock = { now: () => T0 };

/** The real verification path: the SDK's `GET /v1/organizations/me` against a sandbox. */
function sdkVerify(baseURL: string): VerifyKey {
  return async (apiKey) => {
    const org = await new Anthropic({ apiKey, baseURL, maxRetries: 0 }).beta.organization.retrieve();
    return { orgId: org.id, orgName: org.name };
  };
}

let orgA: RunningSandbox;
/** The same generated org as orgA (same seed) with a different admin key: a rotated key of the same org. */
let orgAWithNewKey: RunningSandbox;
let orgB: RunningSandbox;
beforeAll(async () => {
  [orgA, orgAWithNewKey, orgB] = await Promise.all([
    startSandbox({ seed: 1 }),
    startSandbox({ seed: 1 }),
    startSandbox({ seed: 2 }),
  ]);
});
afterAll(async () => {
  await Promise.all([orgA?.close(), orgAWithNewKey?.close(), orgB?.close()]);
});

/** The org a sandbox serves, read through the API as any client would. */
async function orgOf(sandbox: RunningSandbox) {
  return new Anthropic({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }).beta.organization.retrieve();
}

describe('connectKey against the sandbox', () => {
  it('verifies the key, then stores it and binds the profile to the org, labelled with its name', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    const org = await orgOf(orgA);
    const status = await connectKey({
      profileId: 'default',
      key: `${orgA.adminKey}\n`,
      verify: sdkVerify(orgA.url),
      secrets,
      profiles,
      clock,
    });
    expect(status).toEqual({ present: true, orgName: org.name, verifiedAt: new Date(T0).toISOString() });
    expect(secrets.items.get('default')).toBe(orgA.adminKey);
    expect(profiles.registry.profiles).toEqual([
      { id: 'default', label: org.name, orgId: org.id, orgName: org.name, verifiedAtMs: T0, createdAtMs: T0 },
    ]);
  });

  it('stores nothing for a well-shaped key the API rejects (401) and says so', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    const unknownKey = fakeAdminKey('R');
    const attempt = connectKey({
      profileId: 'default',
      key: unknownKey,
      verify: sdkVerify(orgA.url),
      secrets,
      profiles,
      clock,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'KEY_VERIFICATION_FAILED', status: 401 });
    await expect(attempt).rejects.toThrow(/rejected this key \(401\).*Nothing was stored/);
    expect(secrets.items.size).toBe(0);
    expect(profiles.registry.profiles).toEqual([]);
  });

  it('refuses a key of another org for a bound profile and keeps the stored key', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    await connectKey({ profileId: 'work', key: orgA.adminKey, verify: sdkVerify(orgA.url), secrets, profiles, clock });
    const [a, b] = [await orgOf(orgA), await orgOf(orgB)];
    const attempt = connectKey({
      profileId: 'work',
      key: orgB.adminKey,
      verify: sdkVerify(orgB.url),
      secrets,
      profiles,
      clock,
    });
    await expect(attempt).rejects.toBeInstanceOf(ProfileOrgMismatchError);
    await expect(attempt).rejects.toMatchObject({ boundOrgId: a.id, keyOrgId: b.id });
    await expect(attempt).rejects.toThrow(/belongs to the organization .* Connect it to a new profile/);
    expect(secrets.items.get('work')).toBe(orgA.adminKey);
    expect(profiles.registry.profiles[0]?.orgId).toBe(a.id);
  });

  it('replaces the key of the same org (rotation): re-verifies, stores the new key, keeps the label', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    await connectKey({
      profileId: 'work',
      key: orgA.adminKey,
      label: 'Prod org',
      verify: sdkVerify(orgA.url),
      secrets,
      profiles,
      clock,
    });
    const rotated = orgAWithNewKey.adminKey;
    expect((await orgOf(orgAWithNewKey)).id).toBe((await orgOf(orgA)).id);
    expect(rotated).not.toBe(orgA.adminKey);
    const later = { now: () => T0 + 60_000 };
    const status = await connectKey({
      profileId: 'work',
      key: rotated,
      verify: sdkVerify(orgAWithNewKey.url),
      secrets,
      profiles,
      clock: later,
    });
    expect(status.verifiedAt).toBe(new Date(T0 + 60_000).toISOString());
    expect(secrets.items.get('work')).toBe(rotated);
    expect(profiles.registry.profiles[0]).toMatchObject({
      label: 'Prod org',
      verifiedAtMs: T0 + 60_000,
      createdAtMs: T0,
    });
  });

  it('connects two profiles to two orgs side by side', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    await connectKey({ profileId: 'a', key: orgA.adminKey, verify: sdkVerify(orgA.url), secrets, profiles, clock });
    await connectKey({ profileId: 'b', key: orgB.adminKey, verify: sdkVerify(orgB.url), secrets, profiles, clock });
    expect(Object.fromEntries(secrets.items)).toEqual({ a: orgA.adminKey, b: orgB.adminKey });
    expect(profiles.registry.profiles.map((p) => p.orgName)).toEqual([
      (await orgOf(orgA)).name,
      (await orgOf(orgB)).name,
    ]);
  });
});

describe('connectKey refusals before any network call', () => {
  const neverCalled: VerifyKey = async () => {
    throw new Error('verify must not be called');
  };

  it('refuses a regular API key with the Admin key explanation', async () => {
    const secrets = createMemorySecretStore();
    const attempt = connectKey({
      profileId: 'p',
      key: fakeApiKey(),
      verify: neverCalled,
      secrets,
      profiles: createMemoryProfileStore(),
      clock,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_ADMIN_KEY', reason: 'api-key' });
    await expect(attempt).rejects.toThrow(/Console → Settings → Admin keys/);
    expect(secrets.items.size).toBe(0);
  });

  it('refuses the demo profile and an invalid profile id', async () => {
    const args = {
      key: fakeAdminKey(),
      verify: neverCalled,
      secrets: createMemorySecretStore(),
      profiles: createMemoryProfileStore(),
      clock,
    };
    await expect(connectKey({ ...args, profileId: 'demo' })).rejects.toMatchObject({
      code: 'DEMO_PROFILE_TAKES_NO_KEY',
    });
    await expect(connectKey({ ...args, profileId: 'Bad Id' })).rejects.toMatchObject({ code: 'INVALID_PROFILE_ID' });
  });
});

describe('connectKey when verification fails for other reasons', () => {
  it.each([
    [Object.assign(new Error('forbidden'), { status: 403 }), /refused this key \(403\)/],
    [Object.assign(new Error('overloaded'), { status: 529 }), /answered 529 while verifying/],
    [new Error('connect ECONNREFUSED 127.0.0.1:1'), /Could not reach the Admin API.*ECONNREFUSED/],
  ])('explains %s and stores nothing', async (error, message) => {
    const secrets = createMemorySecretStore();
    const attempt = connectKey({
      profileId: 'p',
      key: fakeAdminKey(),
      verify: async () => Promise.reject(error),
      secrets,
      profiles: createMemoryProfileStore(),
      clock,
    });
    await expect(attempt).rejects.toThrow(message);
    expect(secrets.items.size).toBe(0);
  });

  it('does not repeat the key when the failure message contains it', async () => {
    const key = fakeAdminKey();
    const attempt = connectKey({
      profileId: 'p',
      key,
      verify: async () => Promise.reject(new Error(`bad header: Bearer ${key}`)),
      secrets: createMemorySecretStore(),
      profiles: createMemoryProfileStore(),
      clock,
    });
    const error = await attempt.catch((e: Error) => e);
    expect((error as Error).message).not.toContain(key);
    expect((error as Error).message).not.toContain(key.slice(20, 60));
  });
});

describe('connectKey with an unavailable keychain', () => {
  it('passes the KeychainUnavailableError on and leaves the profile unbound', async () => {
    const profiles = createMemoryProfileStore();
    const secrets = createFailingSecretStore(() => new KeychainUnavailableError('locked', 'The keyring is locked.'));
    const attempt = connectKey({
      profileId: 'p',
      key: fakeAdminKey(),
      verify: async () => ({ orgId: 'o', orgName: 'O' }),
      secrets,
      profiles,
      clock,
    });
    await expect(attempt).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', kind: 'locked' });
    expect(profiles.registry.profiles).toEqual([]);
  });
});

describe('keyStatus', () => {
  it('is {present, orgName, verifiedAt} and nothing more', async () => {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore();
    expect(await keyStatus({ profileId: 'p', secrets, profiles })).toEqual({
      present: false,
      orgName: null,
      verifiedAt: null,
    });
    await connectKey({
      profileId: 'p',
      key: fakeAdminKey(),
      verify: async () => ({ orgId: 'o', orgName: 'Acme' }),
      secrets,
      profiles,
      clock,
    });
    const status = await keyStatus({ profileId: 'p', secrets, profiles });
    expect(status).toEqual({ present: true, orgName: 'Acme', verifiedAt: new Date(T0).toISOString() });
    expect(Object.keys(status).sort()).toEqual(['orgName', 'present', 'verifiedAt']);
  });

  it('never touches the keychain for the demo profile', async () => {
    const secrets = createFailingSecretStore(() => new Error('keychain must not be used'));
    expect(await keyStatus({ profileId: 'demo', secrets, profiles: createMemoryProfileStore() })).toEqual({
      present: false,
      orgName: null,
      verifiedAt: null,
    });
  });
});

describe('clearKey and removeProfile', () => {
  async function connected() {
    const secrets = createMemorySecretStore();
    const profiles = createMemoryProfileStore(addProfile(EMPTY_REGISTRY, { id: 'other' }, T0));
    await connectKey({
      profileId: 'p',
      key: fakeAdminKey(),
      verify: async () => ({ orgId: 'o', orgName: 'Acme' }),
      secrets,
      profiles,
      clock,
    });
    return { secrets, profiles };
  }

  it('clearKey deletes only the key; the profile keeps its org binding', async () => {
    const { secrets, profiles } = await connected();
    expect(await clearKey({ profileId: 'p', secrets })).toBe(true);
    expect(await clearKey({ profileId: 'p', secrets })).toBe(false);
    expect(secrets.items.has('p')).toBe(false);
    expect(profiles.registry.profiles.find((x) => x.id === 'p')?.orgId).toBe('o');
  });

  it('removeProfile deletes the key and the entry, and the mirror only when asked', async () => {
    const { secrets, profiles } = await connected();
    const removed: string[] = [];
    const removeMirror = (id: string) => {
      removed.push(id);
      return [`/data/profiles/${id}/mirror.sqlite`];
    };
    const kept = await removeProfile({ profileId: 'p', secrets, profiles, removeMirror });
    expect(kept).toEqual({ keyDeleted: true, profileRemoved: true, mirrorFilesDeleted: [] });
    expect(removed).toEqual([]);
    expect(profiles.registry.profiles.map((x) => x.id)).toEqual(['other']);

    const again = await connected();
    const wiped = await removeProfile({
      profileId: 'p',
      secrets: again.secrets,
      profiles: again.profiles,
      deleteMirror: true,
      removeMirror,
    });
    expect(wiped).toEqual({
      keyDeleted: true,
      profileRemoved: true,
      mirrorFilesDeleted: ['/data/profiles/p/mirror.sqlite'],
    });
    expect(removed).toEqual(['p']);
  });

  it('touches nothing else when the keychain is unavailable, so the admin can retry', async () => {
    const { profiles } = await connected();
    const secrets = createFailingSecretStore(() => new KeychainUnavailableError('no-service', 'No Secret Service.'));
    let mirrorCalls = 0;
    const attempt = removeProfile({
      profileId: 'p',
      secrets,
      profiles,
      deleteMirror: true,
      removeMirror: () => (mirrorCalls++, []),
    });
    await expect(attempt).rejects.toBeInstanceOf(KeychainUnavailableError);
    expect(profiles.registry.profiles.map((x) => x.id)).toContain('p');
    expect(mirrorCalls).toBe(0);
  });
});
