/**
 * Profile rules, pure. A profile has a stable id chosen by the user (`default`, `acme-prod`); the org's name is only
 * its label. Once a key has been verified for it, the profile is bound to that org id for good: a key of another org
 * is refused for it. The demo profile (`demo`) is built in, talks to the sandbox and never takes a key.
 */
import { VaultError } from './errors';

export const DEMO_PROFILE_ID = 'demo';
export const DEMO_PROFILE_LABEL = 'Demo org (sandbox)';

const PROFILE_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;
const MAX_LABEL_CHARS = 80;

export interface Profile {
  id: string;
  /** What the admin sees; the org's name after the first verification unless they chose another. */
  label: string;
  /** The org this profile is bound to; null until a key has been verified. */
  orgId: string | null;
  /** The org's name as the API last reported it. */
  orgName: string | null;
  /** When a key was last verified for this profile (epoch ms). */
  verifiedAtMs: number | null;
  createdAtMs: number;
}

export interface ProfileRegistry {
  version: 1;
  profiles: Profile[];
}

export const EMPTY_REGISTRY: ProfileRegistry = { version: 1, profiles: [] };

export function isDemoProfile(profileId: string): boolean {
  return profileId === DEMO_PROFILE_ID;
}

export function assertProfileId(profileId: string): string {
  if (!PROFILE_ID.test(profileId)) {
    throw new VaultError(
      'INVALID_PROFILE_ID',
      `Invalid profile id ${JSON.stringify(profileId)}: use 1–40 lowercase letters, digits or dashes, starting with a letter or digit.`,
    );
  }
  return profileId;
}

export function normalizeLabel(label: string): string {
  const trimmed = label.replace(/\s+/g, ' ').trim();
  // eslint-disable-next-line no-control-regex
  if (trimmed === '' || trimmed.length > MAX_LABEL_CHARS || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new VaultError('INVALID_PROFILE_LABEL', `A profile label must be 1–${MAX_LABEL_CHARS} printable characters.`);
  }
  return trimmed;
}

export function findProfile(registry: ProfileRegistry, profileId: string): Profile | undefined {
  return registry.profiles.find((p) => p.id === profileId);
}

export function requireProfile(registry: ProfileRegistry, profileId: string): Profile {
  const profile = findProfile(registry, profileId);
  if (!profile) throw new VaultError('PROFILE_NOT_FOUND', `There is no profile "${profileId}".`);
  return profile;
}

/** The built-in demo profile, listed first, never persisted. */
export function demoProfile(): Profile {
  return {
    id: DEMO_PROFILE_ID,
    label: DEMO_PROFILE_LABEL,
    orgId: null,
    orgName: null,
    verifiedAtMs: null,
    createdAtMs: 0,
  };
}

/** Every profile the admin can pick, the demo first, the rest by id. */
export function listProfiles(registry: ProfileRegistry): Profile[] {
  const own = [...registry.profiles].sort((a, b) => a.id.localeCompare(b.id));
  return [demoProfile(), ...own];
}

/** A new, unbound profile. Refuses the demo id and an id already taken. */
export function addProfile(
  registry: ProfileRegistry,
  input: { id: string; label?: string },
  nowMs: number,
): ProfileRegistry {
  const id = assertProfileId(input.id);
  if (isDemoProfile(id)) throw new VaultError('PROFILE_EXISTS', 'The demo profile is built in; choose another id.');
  if (findProfile(registry, id)) throw new VaultError('PROFILE_EXISTS', `A profile "${id}" already exists.`);
  const label = normalizeLabel(input.label ?? id);
  const profile: Profile = { id, label, orgId: null, orgName: null, verifiedAtMs: null, createdAtMs: nowMs };
  return { ...registry, profiles: [...registry.profiles, profile] };
}

export function relabelProfile(registry: ProfileRegistry, profileId: string, label: string): ProfileRegistry {
  if (isDemoProfile(profileId)) throw new VaultError('PROFILE_EXISTS', 'The demo profile cannot be relabelled.');
  requireProfile(registry, profileId);
  const clean = normalizeLabel(label);
  return replaceProfile(registry, profileId, (p) => ({ ...p, label: clean }));
}

export function removeProfileEntry(registry: ProfileRegistry, profileId: string): ProfileRegistry {
  return { ...registry, profiles: registry.profiles.filter((p) => p.id !== profileId) };
}

/**
 * Records a successful verification: binds the profile to the org (creating the profile if needed), refreshes the
 * org name, and keeps a label the admin chose. The caller has already checked the org matches.
 */
export function recordVerification(
  registry: ProfileRegistry,
  input: { profileId: string; orgId: string; orgName: string; label?: string; nowMs: number },
): ProfileRegistry {
  const existing = findProfile(registry, input.profileId);
  const orgName = input.orgName.trim() || input.orgId;
  if (!existing) {
    const label = normalizeLabel(input.label ?? orgName);
    const created: Profile = {
      id: input.profileId,
      label,
      orgId: input.orgId,
      orgName,
      verifiedAtMs: input.nowMs,
      createdAtMs: input.nowMs,
    };
    return { ...registry, profiles: [...registry.profiles, created] };
  }
  const label = input.label !== undefined ? normalizeLabel(input.label) : labelAfterVerification(existing, orgName);
  return replaceProfile(registry, input.profileId, (p) => ({
    ...p,
    label,
    orgId: input.orgId,
    orgName,
    verifiedAtMs: input.nowMs,
  }));
}

/** A label the admin chose is kept; a profile still labelled with its bare id takes the org's name. */
function labelAfterVerification(profile: Profile, orgName: string): string {
  return profile.label === profile.id ? normalizeLabel(orgName) : profile.label;
}

function replaceProfile(
  registry: ProfileRegistry,
  profileId: string,
  change: (p: Profile) => Profile,
): ProfileRegistry {
  return { ...registry, profiles: registry.profiles.map((p) => (p.id === profileId ? change(p) : p)) };
}

/** Validates a registry read from disk; throws a clear message rather than silently dropping bindings. */
export function parseRegistry(value: unknown): ProfileRegistry {
  const bad = (why: string): never => {
    throw new Error(`profiles.json is not a valid profile registry (${why}); fix or move it aside, then try again`);
  };
  if (typeof value !== 'object' || value === null) return bad('not an object');
  const record = value as { version?: unknown; profiles?: unknown };
  if (record.version !== 1) return bad(`unknown version ${JSON.stringify(record.version)}`);
  if (!Array.isArray(record.profiles)) return bad('no profiles array');
  const profiles = record.profiles.map((raw, i): Profile => {
    const p = raw as Record<string, unknown>;
    const str = (k: string) => (typeof p[k] === 'string' ? (p[k] as string) : bad(`profile ${i}: ${k}`));
    const strOrNull = (k: string) =>
      p[k] === null || typeof p[k] === 'string' ? (p[k] as string | null) : bad(`profile ${i}: ${k}`);
    const numOrNull = (k: string) =>
      p[k] === null || typeof p[k] === 'number' ? (p[k] as number | null) : bad(`profile ${i}: ${k}`);
    const id = str('id');
    if (!PROFILE_ID.test(id)) bad(`profile ${i}: id ${JSON.stringify(id)}`);
    return {
      id,
      label: str('label'),
      orgId: strOrNull('orgId'),
      orgName: strOrNull('orgName'),
      verifiedAtMs: numOrNull('verifiedAtMs'),
      createdAtMs: typeof p.createdAtMs === 'number' ? p.createdAtMs : 0,
    };
  });
  return { version: 1, profiles };
}
