import { describe, expect, it } from 'vitest';
import {
  DEMO_PROFILE_ID,
  EMPTY_REGISTRY,
  addProfile,
  assertProfileId,
  listProfiles,
  parseRegistry,
  recordVerification,
  relabelProfile,
  removeProfileEntry,
} from '../../../../main/core/vault/profiles';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

describe('profile ids', () => {
  it.each(['default', 'acme-prod', 'a', '0org', 'a'.repeat(40)])('accepts %s', (id) => {
    expect(assertProfileId(id)).toBe(id);
  });
  it.each(['', 'Acme', '-acme', 'acme_prod', 'acme prod', 'a'.repeat(41), '../etc', 'acme/prod'])(
    'refuses %j',
    (id) => {
      expect(() => assertProfileId(id)).toThrow(expect.objectContaining({ code: 'INVALID_PROFILE_ID' }));
    },
  );
});

describe('the profile registry', () => {
  it("lists the built-in demo profile first, then the user's profiles by id", () => {
    let r = addProfile(EMPTY_REGISTRY, { id: 'zeta' }, T0);
    r = addProfile(r, { id: 'acme', label: 'Acme Inc' }, T0);
    expect(listProfiles(r).map((p) => [p.id, p.label])).toEqual([
      [DEMO_PROFILE_ID, 'Demo org (sandbox)'],
      ['acme', 'Acme Inc'],
      ['zeta', 'zeta'],
    ]);
  });

  it('refuses a duplicate id and the reserved demo id', () => {
    const r = addProfile(EMPTY_REGISTRY, { id: 'acme' }, T0);
    expect(() => addProfile(r, { id: 'acme' }, T0)).toThrow(expect.objectContaining({ code: 'PROFILE_EXISTS' }));
    expect(() => addProfile(r, { id: 'demo' }, T0)).toThrow(expect.objectContaining({ code: 'PROFILE_EXISTS' }));
  });

  it('relabels without touching the id or the org binding, and refuses an empty label', () => {
    let r = recordVerification(EMPTY_REGISTRY, { profileId: 'acme', orgId: 'org-1', orgName: 'Acme', nowMs: T0 });
    r = relabelProfile(r, 'acme', '  Acme   (prod) ');
    expect(r.profiles[0]).toMatchObject({ id: 'acme', label: 'Acme (prod)', orgId: 'org-1' });
    expect(() => relabelProfile(r, 'acme', '   ')).toThrow(expect.objectContaining({ code: 'INVALID_PROFILE_LABEL' }));
    expect(() => relabelProfile(r, 'nope', 'x')).toThrow(expect.objectContaining({ code: 'PROFILE_NOT_FOUND' }));
  });

  it('removes an entry', () => {
    const r = addProfile(addProfile(EMPTY_REGISTRY, { id: 'a' }, T0), { id: 'b' }, T0);
    expect(removeProfileEntry(r, 'a').profiles.map((p) => p.id)).toEqual(['b']);
  });
});

describe('recordVerification', () => {
  it('creates a profile bound to the org, labelled with the org name', () => {
    const r = recordVerification(EMPTY_REGISTRY, { profileId: 'default', orgId: 'org-1', orgName: 'Acme', nowMs: T0 });
    expect(r.profiles).toEqual([
      { id: 'default', label: 'Acme', orgId: 'org-1', orgName: 'Acme', verifiedAtMs: T0, createdAtMs: T0 },
    ]);
  });

  it('gives a profile still labelled with its id the org name, but keeps a label the admin chose', () => {
    const bare = addProfile(EMPTY_REGISTRY, { id: 'work' }, T0);
    expect(
      recordVerification(bare, { profileId: 'work', orgId: 'o', orgName: 'Acme', nowMs: T0 }).profiles[0]?.label,
    ).toBe('Acme');
    const chosen = addProfile(EMPTY_REGISTRY, { id: 'work', label: 'My company' }, T0);
    expect(
      recordVerification(chosen, { profileId: 'work', orgId: 'o', orgName: 'Acme', nowMs: T0 }).profiles[0]?.label,
    ).toBe('My company');
  });

  it('refreshes the org name and verification time on re-verification', () => {
    let r = recordVerification(EMPTY_REGISTRY, { profileId: 'p', orgId: 'o', orgName: 'Acme', nowMs: T0 });
    r = recordVerification(r, { profileId: 'p', orgId: 'o', orgName: 'Acme Renamed', nowMs: T0 + 1000 });
    expect(r.profiles[0]).toMatchObject({
      label: 'Acme',
      orgName: 'Acme Renamed',
      verifiedAtMs: T0 + 1000,
      createdAtMs: T0,
    });
  });
});

describe('parseRegistry', () => {
  it('round-trips a registry', () => {
    const r = recordVerification(EMPTY_REGISTRY, { profileId: 'p', orgId: 'o', orgName: 'Acme', nowMs: T0 });
    expect(parseRegistry(JSON.parse(JSON.stringify(r)))).toEqual(r);
  });

  it.each([
    ['null', null],
    ['an unknown version', { version: 2, profiles: [] }],
    [
      'a profile with a bad id',
      { version: 1, profiles: [{ id: '../x', label: 'x', orgId: null, orgName: null, verifiedAtMs: null }] },
    ],
    [
      'a profile with a numeric org id',
      { version: 1, profiles: [{ id: 'x', label: 'x', orgId: 5, orgName: null, verifiedAtMs: null }] },
    ],
  ])('refuses %s with a message that says what to do, rather than dropping bindings', (_name, value) => {
    expect(() => parseRegistry(value)).toThrow(/profiles\.json is not a valid profile registry .*fix or move it aside/);
  });
});
