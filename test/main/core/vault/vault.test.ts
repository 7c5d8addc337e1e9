import { describe, expect, it } from 'vitest';
import { createKeyVault } from '../../../../main/core/vault/vault';
import { createMemoryProfileStore, createMemorySecretStore, fakeAdminKey } from '../../../helpers/keyring';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

function vault() {
  const secrets = createMemorySecretStore();
  const profiles = createMemoryProfileStore();
  const removedMirrors: string[] = [];
  const keyVault = createKeyVault({
    secrets,
    profiles,
    clock: { now: () => T0 },
    verify: async () => ({ orgId: 'org-1', orgName: 'Acme' }),
    removeMirror: (id) => (removedMirrors.push(id), [`${id}/mirror.sqlite`]),
  });
  return { keyVault, secrets, profiles, removedMirrors };
}

describe('createKeyVault', () => {
  it('sets, reports and clears a key; answers never contain the key', async () => {
    const { keyVault, secrets } = vault();
    const key = fakeAdminKey();
    const answers = [await keyVault.setKey('acme', key), await keyVault.status('acme'), await keyVault.clearKey('acme')];
    expect(answers).toEqual([
      { present: true, orgName: 'Acme', verifiedAt: '2026-11-23T09:00:00.000Z' },
      { present: true, orgName: 'Acme', verifiedAt: '2026-11-23T09:00:00.000Z' },
      { present: false, orgName: 'Acme', verifiedAt: '2026-11-23T09:00:00.000Z' },
    ]);
    expect(JSON.stringify(answers)).not.toContain(key);
    expect(secrets.items.size).toBe(0);
  });

  it('adds, relabels and lists profiles (demo first) and removes one with its mirror when asked', async () => {
    const { keyVault, removedMirrors } = vault();
    keyVault.addProfile({ id: 'beta' });
    await keyVault.setKey('acme', fakeAdminKey(), { label: 'Acme prod' });
    expect(keyVault.relabelProfile('beta', 'Beta').label).toBe('Beta');
    expect(keyVault.listProfiles().map((p) => `${p.id}:${p.label}`)).toEqual(['demo:Demo org (sandbox)', 'acme:Acme prod', 'beta:Beta']);
    expect(await keyVault.removeProfile('acme', { deleteMirror: true })).toEqual({
      keyDeleted: true,
      profileRemoved: true,
      mirrorFilesDeleted: ['acme/mirror.sqlite'],
    });
    expect(await keyVault.removeProfile('beta')).toMatchObject({ profileRemoved: true, mirrorFilesDeleted: [] });
    expect(removedMirrors).toEqual(['acme']);
    expect(keyVault.listProfiles().map((p) => p.id)).toEqual(['demo']);
  });

  it('resolves the key for main-side clients: environment first, then keychain', async () => {
    const { keyVault } = vault();
    const stored = fakeAdminKey('S');
    await keyVault.setKey('acme', stored);
    expect(await keyVault.resolveKey('acme', {})).toEqual({ key: stored, source: 'keychain' });
    const fromEnv = fakeAdminKey('E');
    expect(await keyVault.resolveKey('acme', { ANTHROPIC_ADMIN_KEY: fromEnv })).toEqual({ key: fromEnv, source: 'env' });
  });
});
