/**
 * Connecting, checking and removing a profile's admin key, for the window and the CLI alike: the vault flow
 * (core/vault: shape → verify with the API → keychain → profiles.json), then the change recorded in THAT profile's
 * own audit trail (with at most the key's hint), and the "not available" marks of its mirror re-probed after a new
 * key. The key change has happened before the trail is written, so a trail that cannot be written (a mirror from a
 * newer build, a full disk) is answered as `trailError`, never thrown: each surface decides how to say it.
 */
import { ensureMirrorFile } from '../adapters/data-dir';
import { createProfilesFile, deleteProfileMirror, type ProfilesFile } from '../adapters/profiles-file';
import { adminKeyHint } from '../core/audit/normalise-local';
import { AUDIT_SEAL_FILE_SUFFIX, auditSealAccount } from '../core/audit/seal';
import { redactSecrets } from '../core/redact';
import { clearKey, connectKey, keyStatus, removeProfile, type KeyStatus } from '../core/vault/connect-key';
import type { SecretStorePort, VaultClock, VerifyKey } from '../core/vault/ports';
import { findProfile, isDemoProfile } from '../core/vault/profiles';
import { recordKeyConnected, recordKeyRemoved } from '../db/audit/local-actions';
import { withProfileTrail } from '../db/audit/profile-trail';
import type { MirrorDb } from '../db/open';
import { reprobeAfterKeyChange } from '../db/reprobe-after-key-change';
import { openAuditSeal } from './audit-seal';
import { webhookAccount } from './webhooks/webhook-store';

export type { KeyStatus } from '../core/vault/connect-key';

/** Where a key change is recorded: the profile's mirror file, and the mirror already open on it if there is one. */
export interface KeyTrail {
  mirrorFile: string;
  /** An open connection to use instead of a second one when it is the same writable file. */
  open?: MirrorDb | null;
}

export interface KeyVaultDeps {
  dataDir: string;
  secrets: SecretStorePort;
  verify: VerifyKey;
  clock: VaultClock;
  profiles?: Pick<ProfilesFile, 'read' | 'write'>;
  /**
   * Where a profile's key changes are recorded. By default its own mirror under dataDir, created on demand;
   * null records nothing (roots with no data dir, such as some tests).
   */
  trail?: (profileId: string) => KeyTrail | null;
}

export type Via = 'window' | 'cli';

export interface KeyChange<T> {
  result: T;
  /** Why the change could not be recorded in the trail (redacted); null when it was. */
  trailError: string | null;
}

export interface RemovedProfile {
  keyDeleted: boolean;
  profileRemoved: boolean;
  mirrorFilesDeleted: string[];
}

export interface KeyVaultService {
  status(profileId: string): Promise<KeyStatus>;
  /** Whether a key is stored; a keychain that cannot say counts as "no" (used to tell "replaced" from "connected"). */
  hasKey(profileId: string): Promise<boolean>;
  connect(
    profileId: string,
    key: string,
    options: { via: Via; label?: string | undefined },
  ): Promise<KeyChange<KeyStatus & { present: true; orgName: string; verifiedAt: string }>>;
  /** Deletes the key from the keychain; the mirror stays. `result` says whether there was one. */
  clear(profileId: string, options: { via: Via }): Promise<KeyChange<boolean>>;
  /** Deletes the key, forgets the profile and deletes its mirror files. */
  removeProfile(profileId: string): Promise<RemovedProfile>;
}

export function createKeyVaultService(deps: KeyVaultDeps): KeyVaultService {
  const profiles = deps.profiles ?? createProfilesFile(deps.dataDir);
  const trailOf =
    deps.trail ?? ((profileId: string): KeyTrail => ({ mirrorFile: ensureMirrorFile(deps.dataDir, profileId) }));
  const hasKey = async (profileId: string): Promise<boolean> => {
    if (isDemoProfile(profileId)) return false;
    try {
      return (await deps.secrets.get(profileId)) !== null;
    } catch {
      return false;
    }
  };
  const record = async (profileId: string, write: (db: MirrorDb, nowMs: number) => unknown): Promise<string | null> => {
    try {
      const trail = trailOf(profileId);
      if (!trail) return null;
      const nowMs = deps.clock.now();
      const open = trail.open;
      // The open mirror was sealed when it was opened; another one is sealed here, before the write.
      if (open && !open.readonly && open.name === trail.mirrorFile) write(open, nowMs);
      else
        await withProfileTrail(trail.mirrorFile, async (db) => {
          await openAuditSeal(db, {
            profileId,
            secrets: deps.secrets,
            preferKeychain: true,
            sealFile: `${trail.mirrorFile}${AUDIT_SEAL_FILE_SUFFIX}`,
          });
          write(db, nowMs);
        });
      return null;
    } catch (error) {
      return redactSecrets(error instanceof Error ? error.message : String(error));
    }
  };

  return {
    status: (profileId) => keyStatus({ profileId, secrets: deps.secrets, profiles }),
    hasKey,
    connect: async (profileId, key, options) => {
      const replaced = await hasKey(profileId);
      const status = await connectKey({
        profileId,
        key,
        verify: deps.verify,
        secrets: deps.secrets,
        profiles,
        clock: deps.clock,
        ...(options.label !== undefined ? { label: options.label } : {}),
      });
      const orgId = findProfile(profiles.read(), profileId)?.orgId ?? null;
      const trailError = await record(profileId, (db, nowMs) => {
        recordKeyConnected(
          db,
          { profileId, orgName: status.orgName, orgId, replaced, keyHint: adminKeyHint(key), via: options.via },
          nowMs,
        );
        reprobeAfterKeyChange(db, nowMs);
      });
      return { result: status, trailError };
    },
    clear: async (profileId, options) => {
      const deleted = await clearKey({ profileId, secrets: deps.secrets });
      const trailError = deleted
        ? await record(profileId, (db, nowMs) => recordKeyRemoved(db, { profileId, via: options.via }, nowMs))
        : null;
      return { result: deleted, trailError };
    },
    removeProfile: async (profileId) => {
      const removed = await removeProfile({
        profileId,
        secrets: deps.secrets,
        profiles: profiles as ProfilesFile,
        deleteMirror: true,
        removeMirror: (id) => deleteProfileMirror(deps.dataDir, id),
      });
      // The trail it sealed is gone with the mirror; best effort: a leftover seal is replaced by the next trail's.
      await deps.secrets.delete(auditSealAccount(profileId)).catch(() => false);
      // And its team webhook's URL, which would otherwise outlive the profile in the keychain.
      await deps.secrets.delete(webhookAccount(profileId)).catch(() => false);
      return removed;
    },
  };
}
