/**
 * Connecting, replacing, clearing and removing a profile's admin key, over ports only.
 * Order matters: shape check → verify with the API → org check → keychain → registry. Nothing is stored for a key
 * that the API has not accepted, and the key is never written anywhere but the SecretStorePort.
 */
import { redactSecrets } from '../redact';
import { KeyVerificationError, ProfileOrgMismatchError, VaultError } from './errors';
import { assertAdminKeyShape } from './key-shape';
import type { ProfileStorePort, SecretStorePort, VaultClock, VerifiedOrg, VerifyKey } from './ports';
import type { ProfileRegistry } from './profiles';
import { assertProfileId, findProfile, isDemoProfile, normalizeLabel, recordVerification } from './profiles';

/** All the window and `key status` ever learn about a key: whether there is one, whose it is, when it was checked. */
export interface KeyStatus {
  present: boolean;
  orgName: string | null;
  /** ISO 8601 time of the last successful verification. */
  verifiedAt: string | null;
}

export interface ConnectKeyInput {
  profileId: string;
  /** The pasted key; surrounding whitespace and newlines are trimmed. */
  key: string;
  /** A label of the admin's choosing; by default the profile keeps its label or takes the org's name. */
  label?: string;
  verify: VerifyKey;
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
  clock: VaultClock;
}

/**
 * Connects a key to a profile, or replaces the profile's key (rotation of the admin key itself). The mirror is not
 * touched: a replaced key of the same org keeps every byte of local data. Throws InvalidAdminKeyError,
 * KeyVerificationError, ProfileOrgMismatchError or KeychainUnavailableError; nothing is stored when it throws.
 */
export async function connectKey(
  input: ConnectKeyInput,
): Promise<KeyStatus & { present: true; orgName: string; verifiedAt: string }> {
  const profileId = assertProfileId(input.profileId);
  if (isDemoProfile(profileId)) {
    throw new VaultError(
      'DEMO_PROFILE_TAKES_NO_KEY',
      'The demo profile uses the built-in sandbox and takes no key; choose another profile.',
    );
  }
  const key = assertAdminKeyShape(input.key);
  const label = input.label === undefined ? undefined : normalizeLabel(input.label);
  const org = await verifyOrExplain(input.verify, key);
  // Read the registry after the network call so a profile added meanwhile is not overwritten.
  const registry = input.profiles.read();
  assertKeyMatchesProfile(registry, profileId, org);
  await input.secrets.set(profileId, key);
  const nowMs = input.clock.now();
  input.profiles.write(
    recordVerification(registry, {
      profileId,
      orgId: org.orgId,
      orgName: org.orgName,
      nowMs,
      ...(label ? { label } : {}),
    }),
  );
  return { present: true, orgName: org.orgName.trim() || org.orgId, verifiedAt: new Date(nowMs).toISOString() };
}

/** Refuses a key of another org than the one the profile is bound to. Also for callers that verify on their own. */
export function assertKeyMatchesProfile(registry: ProfileRegistry, profileId: string, org: VerifiedOrg): void {
  const profile = findProfile(registry, profileId);
  if (!profile?.orgId || profile.orgId === org.orgId) return;
  const bound = profile.orgName ? `"${profile.orgName}" (${profile.orgId})` : profile.orgId;
  throw new ProfileOrgMismatchError(
    profileId,
    profile.orgId,
    org.orgId,
    `Profile "${profileId}" belongs to the organization ${bound}, but this key belongs to "${org.orgName}" (${org.orgId}). ` +
      'Connect it to a new profile instead (for example --profile <new-id>), or remove this profile first.',
  );
}

/** `{present, orgName, verifiedAt}` and nothing more. The demo profile never touches the keychain. */
export async function keyStatus(input: {
  profileId: string;
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
}): Promise<KeyStatus> {
  const profileId = assertProfileId(input.profileId);
  if (isDemoProfile(profileId)) return { present: false, orgName: null, verifiedAt: null };
  const present = (await input.secrets.get(profileId)) !== null;
  const profile = findProfile(input.profiles.read(), profileId);
  return {
    present,
    orgName: profile?.orgName ?? null,
    verifiedAt: profile?.verifiedAtMs != null ? new Date(profile.verifiedAtMs).toISOString() : null,
  };
}

/** Deletes the profile's key from the keychain; the profile, its org binding and its mirror stay. */
export async function clearKey(input: { profileId: string; secrets: SecretStorePort }): Promise<boolean> {
  const profileId = assertProfileId(input.profileId);
  if (isDemoProfile(profileId)) return false;
  return input.secrets.delete(profileId);
}

export interface RemoveProfileInput {
  profileId: string;
  secrets: SecretStorePort;
  profiles: ProfileStorePort;
  /** Also delete the local mirror (SQLite file and its -wal/-shm/-journal). */
  deleteMirror?: boolean;
  /** Deletes the profile's mirror files; returns the paths it deleted. Required when deleteMirror is set. */
  removeMirror?: (profileId: string) => string[] | Promise<string[]>;
}

export interface RemoveProfileResult {
  keyDeleted: boolean;
  profileRemoved: boolean;
  mirrorFilesDeleted: string[];
}

/**
 * Removes a profile: its key from the keychain first (if the keychain is unavailable, nothing else is touched, so the
 * admin can retry), then its registry entry, then, when asked, its mirror.
 */
export async function removeProfile(input: RemoveProfileInput): Promise<RemoveProfileResult> {
  const profileId = assertProfileId(input.profileId);
  if (input.deleteMirror && !input.removeMirror)
    throw new Error('removeProfile: deleteMirror needs a removeMirror function');
  const keyDeleted = isDemoProfile(profileId) ? false : await input.secrets.delete(profileId);
  const registry = input.profiles.read();
  const profileRemoved = findProfile(registry, profileId) !== undefined;
  if (profileRemoved)
    input.profiles.write({ ...registry, profiles: registry.profiles.filter((p) => p.id !== profileId) });
  const mirrorFilesDeleted = input.deleteMirror && input.removeMirror ? await input.removeMirror(profileId) : [];
  return { keyDeleted, profileRemoved, mirrorFilesDeleted };
}

async function verifyOrExplain(verify: VerifyKey, key: string): Promise<VerifiedOrg> {
  let org: VerifiedOrg;
  try {
    org = await verify(key);
  } catch (error) {
    throw explainVerificationFailure(error, key);
  }
  if (!org || typeof org.orgId !== 'string' || org.orgId === '') {
    throw new KeyVerificationError(
      null,
      'The Admin API did not say which organization this key belongs to. Nothing was stored.',
    );
  }
  return { orgId: org.orgId, orgName: typeof org.orgName === 'string' ? org.orgName : org.orgId };
}

/** SDK errors are recognised by shape (status), so the core stays free of the SDK. */
function explainVerificationFailure(error: unknown, key: string): Error {
  if (error instanceof VaultError) return error;
  const status =
    typeof (error as { status?: unknown })?.status === 'number' ? (error as { status: number }).status : null;
  const said = scrub(error instanceof Error ? error.message : String(error), key);
  const nothingStored = 'Nothing was stored.';
  if (status === 401) {
    return new KeyVerificationError(
      401,
      `The Admin API rejected this key (401): it is mistyped, revoked or expired. Create a new one in Claude Console → Settings → Admin keys. ${nothingStored}`,
    );
  }
  if (status === 403) {
    return new KeyVerificationError(
      403,
      `The Admin API refused this key (403): it may not read the organization. Use an Admin key created by an org admin. ${nothingStored}`,
    );
  }
  if (status !== null) {
    return new KeyVerificationError(
      status,
      `The Admin API answered ${status} while verifying the key (${said}). ${nothingStored} Try again later.`,
    );
  }
  return new KeyVerificationError(
    null,
    `Could not reach the Admin API to verify the key (${said}). ${nothingStored} Check the network and try again.`,
  );
}

/** Removes the key itself (in any form) and anything key-shaped from a foreign message. */
function scrub(message: string, key: string): string {
  return redactSecrets(key ? message.split(key).join('[redacted]') : message);
}
