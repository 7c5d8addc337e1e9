/**
 * The window's view of the key vault and of the profiles: connect, replace, clear and status of the ACTIVE
 * profile's key, over core/vault's flows (shape check → verify with GET /v1/organizations/me → keychain →
 * profiles.json); and the profile list, add, remove and switch for Settings. Which profile is active is
 * remembered in `<dataDir>/active-profile.json` so the app reopens the one the admin chose.
 * Plain Node; the keychain and the verifier are passed in, so it is tested with fakes and the sandbox.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProfileSummary } from '../../preload/contract';
import { createProfilesFile, deleteProfileMirror, writeFileAtomic, type ProfilesFile } from '../adapters/profiles-file';
import { removeProfile } from '../core/vault/connect-key';
import { VaultError } from '../core/vault/errors';
import type { ProfileStorePort, SecretStorePort, VaultClock, VerifyKey } from '../core/vault/ports';
import { DEMO_PROFILE_ID, assertProfileId, isDemoProfile, normalizeLabel, type Profile } from '../core/vault/profiles';
import { createKeyVaultService, type KeyStatus, type KeyTrail } from './key-vault';

/** The window's key: connect, replace or clear the ACTIVE profile's key; nothing ever answers with the key. */
export interface KeyVaultPort {
  status(): Promise<KeyStatus>;
  connect(key: string, label?: string): Promise<KeyStatus>;
  clear(): Promise<KeyStatus>;
}

/** Settings' profile list: add, remove and switch. */
export interface WindowProfilesPort {
  activeProfileId(): string;
  /** The demo first, then the admin's profiles; the active one is listed even before it is registered. */
  list(): Promise<ProfileSummary[]>;
  /** Adds a profile without a key; answers its id (derived from the label). */
  add(label: string): Promise<string>;
  /** Refuses the demo and the active profile. */
  remove(profileId: string, deleteMirror: boolean): Promise<void>;
  /** Resolves once the chosen profile's data is open (mirror() answers with it). */
  switchTo(profileId: string): Promise<void>;
}

export interface WindowVaultOptions {
  /** The active profile; a function when the window can switch profiles. */
  profileId: string | (() => string);
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
  verify: VerifyKey;
  clock: VaultClock;
  /** Where key changes are recorded (key-vault.ts); absent: nowhere (roots without a data dir). */
  trail?: (profileId: string) => KeyTrail | null;
  /** Told when a change could not be recorded in the trail; the key change itself stands. */
  onTrailError?: (message: string) => void;
}

export function createWindowVault(options: WindowVaultOptions): KeyVaultPort {
  const active = typeof options.profileId === 'function' ? options.profileId : () => options.profileId as string;
  const service = createKeyVaultService({
    dataDir: '',
    secrets: options.secrets,
    profiles: options.profiles,
    verify: options.verify,
    clock: options.clock,
    trail: options.trail ?? (() => null),
  });
  const reportTrail = (trailError: string | null) => {
    if (trailError !== null) options.onTrailError?.(trailError);
  };
  const status = () => service.status(active());
  return {
    status,
    connect: async (key, label) => {
      const { result, trailError } = await service.connect(active(), key, { via: 'window', label });
      reportTrail(trailError);
      return { present: result.present, orgName: result.orgName, verifiedAt: result.verifiedAt };
    },
    clear: async () => {
      reportTrail((await service.clear(active(), { via: 'window' })).trailError);
      return status();
    },
  };
}

const ACTIVE_PROFILE_FILE = 'active-profile.json';

/** The profile the app opens: `CLADE_PROFILE` when set, else the one chosen last in Settings, else `default`. */
export function initialProfileId(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.CLADE_PROFILE) return env.CLADE_PROFILE;
  try {
    const stored = (JSON.parse(readFileSync(join(dataDir, ACTIVE_PROFILE_FILE), 'utf8')) as { profileId?: unknown })
      .profileId;
    return typeof stored === 'string' ? assertProfileId(stored) : 'default';
  } catch {
    return 'default'; // no file yet, or one we cannot read: the default profile, as before Settings could switch
  }
}

export interface WindowProfilesOptions {
  dataDir: string;
  secrets: SecretStorePort;
  profiles: Pick<ProfilesFile, 'list' | 'read' | 'write' | 'add'>;
  clock: VaultClock;
  active: () => string;
  /** Makes `profileId` the active profile: main closes the current mirror and opens that profile's data. */
  activate: (profileId: string) => Promise<void>;
}

export function createWindowProfiles(options: WindowProfilesOptions): WindowProfilesPort {
  const { secrets } = options;
  const known = (): Profile[] => {
    const listed = options.profiles.list();
    const active = options.active();
    // The active profile may not be registered yet (`default` before its first key): list it anyway.
    if (listed.some((p) => p.id === active)) return listed;
    return [...listed, { id: active, label: active, orgId: null, orgName: null, verifiedAtMs: null, createdAtMs: 0 }];
  };
  const keyStored = async (profileId: string): Promise<boolean | null> => {
    if (isDemoProfile(profileId)) return false;
    try {
      return (await secrets.get(profileId)) !== null;
    } catch {
      return null; // keychain locked or missing: say "unknown", never guess
    }
  };
  const requireKnown = (profileId: string): Profile => {
    const profile = known().find((p) => p.id === profileId);
    if (!profile) throw new VaultError('PROFILE_NOT_FOUND', `There is no profile "${profileId}".`);
    return profile;
  };

  return {
    activeProfileId: () => options.active(),
    list: async () => {
      const active = options.active();
      return Promise.all(
        known().map(async (p): Promise<ProfileSummary> => ({
          id: p.id,
          label: p.label,
          orgName: p.orgName,
          demo: isDemoProfile(p.id),
          active: p.id === active,
          keyStored: await keyStored(p.id),
        })),
      );
    },
    add: async (label) => {
      const clean = normalizeLabel(label);
      const id = freeProfileId(clean, new Set(known().map((p) => p.id)));
      options.profiles.add({ id, label: clean }, options.clock.now());
      return id;
    },
    remove: async (profileId, deleteMirror) => {
      requireKnown(profileId);
      if (isDemoProfile(profileId))
        throw new VaultError('PROFILE_EXISTS', 'The demo profile is built in and cannot be removed.');
      if (profileId === options.active()) {
        throw new VaultError(
          'PROFILE_EXISTS',
          'This profile is open in the window. Switch to another profile before removing it.',
        );
      }
      await removeProfile({
        profileId,
        secrets,
        profiles: options.profiles,
        deleteMirror,
        removeMirror: (id) => deleteProfileMirror(options.dataDir, id),
      });
    },
    switchTo: async (profileId) => {
      requireKnown(profileId);
      const leaving = options.active();
      if (profileId === leaving) return;
      // The profile being left stays in the list: register it if it never was (`default` before its first key).
      if (!isDemoProfile(leaving) && !options.profiles.list().some((p) => p.id === leaving)) {
        options.profiles.add({ id: leaving }, options.clock.now());
      }
      writeFileAtomic(join(options.dataDir, ACTIVE_PROFILE_FILE), `${JSON.stringify({ profileId })}\n`);
      await options.activate(profileId);
    },
  };
}

/** `Acme Prod` → `acme-prod`; `acme-prod-2` when taken; never the demo id. */
export function freeProfileId(label: string, taken: ReadonlySet<string>): string {
  const base =
    label
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'profile';
  const clash = (id: string) => taken.has(id) || id === DEMO_PROFILE_ID;
  if (!clash(base)) return base;
  for (let n = 2; ; n += 1) if (!clash(`${base}-${n}`)) return `${base}-${n}`;
}

/** The window's key vault and profiles over one profiles.json, both acting on the active profile. */
export function createWindowAccounts(
  options: Omit<WindowProfilesOptions, 'profiles' | 'clock'> &
    Pick<WindowVaultOptions, 'verify' | 'trail' | 'onTrailError'>,
): { vault: KeyVaultPort; profiles: WindowProfilesPort } {
  const profilesFile = createProfilesFile(options.dataDir);
  const vault = createWindowVault({
    profileId: options.active,
    secrets: options.secrets,
    profiles: profilesFile,
    verify: options.verify,
    clock: Date,
    ...(options.trail ? { trail: options.trail } : {}),
    ...(options.onTrailError ? { onTrailError: options.onTrailError } : {}),
  });
  return { vault, profiles: createWindowProfiles({ ...options, profiles: profilesFile, clock: Date }) };
}
