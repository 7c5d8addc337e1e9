import { describe, expect, it } from 'vitest';
import { resolveAdminKey } from '../../../../main/core/vault/resolve-key';
import { createFailingSecretStore, createMemorySecretStore, fakeAdminKey, fakeApiKey } from '../../../helpers/keyring';

describe('resolveAdminKey', () => {
  const stored = fakeAdminKey('S');
  const fromEnv = fakeAdminKey('E');

  it('prefers ANTHROPIC_ADMIN_KEY and stores nothing', async () => {
    const secrets = createMemorySecretStore({ p: stored });
    expect(await resolveAdminKey({ env: { ANTHROPIC_ADMIN_KEY: ` ${fromEnv}\n` }, secrets, profileId: 'p' })).toEqual({
      key: fromEnv,
      source: 'env',
    });
    expect(Object.fromEntries(secrets.items)).toEqual({ p: stored });
  });

  it('does not even open the keychain when the environment gives the key (headless runs without a Secret Service)', async () => {
    const secrets = createFailingSecretStore(() => new Error('no keychain here'));
    expect(await resolveAdminKey({ env: { ANTHROPIC_ADMIN_KEY: fromEnv }, secrets, profileId: 'p' })).toMatchObject({
      source: 'env',
    });
  });

  it('falls back to the keychain, and to null when neither has a key', async () => {
    const secrets = createMemorySecretStore({ p: stored });
    expect(await resolveAdminKey({ env: {}, secrets, profileId: 'p' })).toEqual({ key: stored, source: 'keychain' });
    expect(await resolveAdminKey({ env: { ANTHROPIC_ADMIN_KEY: '  ' }, secrets, profileId: 'p' })).toEqual({
      key: stored,
      source: 'keychain',
    });
    expect(await resolveAdminKey({ env: {}, secrets, profileId: 'q' })).toBeNull();
  });

  it('refuses a malformed ANTHROPIC_ADMIN_KEY with the Admin key explanation, naming the variable', async () => {
    const attempt = resolveAdminKey({
      env: { ANTHROPIC_ADMIN_KEY: fakeApiKey() },
      secrets: createMemorySecretStore(),
      profileId: 'p',
    });
    await expect(attempt).rejects.toThrow(/^ANTHROPIC_ADMIN_KEY: This is a regular API key/);
  });

  it('returns null for the demo profile without reading the keychain', async () => {
    const secrets = createFailingSecretStore(() => new Error('keychain must not be used'));
    expect(await resolveAdminKey({ env: {}, secrets, profileId: 'demo' })).toBeNull();
  });
});
