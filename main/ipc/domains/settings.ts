/**
 * Handlers for the channels of preload/contract-settings.ts: the active profile's sync and audit settings
 * (validated by the settings catalogue, each change recorded in the profile's audit trail) and the profiles
 * (list with "key stored?" — never a key —, add, remove, switch).
 */
import type Database from 'better-sqlite3';
import { VaultError } from '../../core/vault/errors';
import type { WindowProfilesPort } from '../../services/profiles';
import { HandlerError } from '../handler-error';
import type { Handler } from '../handler-types';
import { changeSetting, readSettingsSnapshot, recordSettingChange } from '../../services/settings';

/** The profiles as the window manages them (main/app/window-vault.ts builds it over profiles.json and the keychain). */
export interface SettingsDeps {
  mirror: () => Database.Database | null;
  now: () => number;
  /** Absent in windows that cannot manage profiles (tests, benches): the list is empty and changes are refused. */
  profiles?: WindowProfilesPort;
  /** Called after the sync interval changed (only then), so the scheduler re-arms with the new value. */
  onSyncSettingsChanged?: () => void;
}

const NO_PROFILES = 'Profiles cannot be managed in this window.';

export function settingsHandlers(deps: SettingsDeps): {
  'clade:settings/get': Handler<'clade:settings/get'>;
  'clade:settings/set': Handler<'clade:settings/set'>;
  'clade:settings/switch-profile': Handler<'clade:settings/switch-profile'>;
  'clade:settings/add-profile': Handler<'clade:settings/add-profile'>;
  'clade:settings/remove-profile': Handler<'clade:settings/remove-profile'>;
} {
  const snapshot = async () => {
    const profiles = deps.profiles ? await deps.profiles.list() : [];
    return readSettingsSnapshot(deps.mirror(), deps.profiles?.activeProfileId() ?? 'default', profiles);
  };
  const profilesOrRefuse = (): WindowProfilesPort => {
    if (!deps.profiles) throw new HandlerError('unavailable', NO_PROFILES);
    return deps.profiles;
  };
  return {
    'clade:settings/get': snapshot,
    'clade:settings/set': async ({ name, value }) => {
      const db = deps.mirror();
      if (!db)
        throw new HandlerError(
          'unavailable',
          'The data of this profile is still being prepared; try again in a moment.',
        );
      const result = changeSetting(db, name, value, deps.now());
      if (!result.ok) throw new HandlerError('bad-request', result.message);
      // Only the interval moves the timer; re-arming on other changes would just push the next sync back.
      if (result.changed && name === 'sync.intervalMinutes') deps.onSyncSettingsChanged?.();
      return snapshot();
    },
    'clade:settings/switch-profile': async ({ profileId }) => {
      const profiles = profilesOrRefuse();
      const before = profiles.activeProfileId();
      await explained(() => profiles.switchTo(profileId));
      const db = deps.mirror();
      if (db && before !== profileId) changeRecorded(db, 'profile.active', before, profileId, deps.now());
      return snapshot();
    },
    'clade:settings/add-profile': async ({ label }) => {
      const profiles = profilesOrRefuse();
      const id = await explained(() => profiles.add(label));
      const db = deps.mirror();
      if (db) changeRecorded(db, 'profile.added', null, { id, label }, deps.now());
      return snapshot();
    },
    'clade:settings/remove-profile': async ({ profileId, deleteMirror }) => {
      const profiles = profilesOrRefuse();
      await explained(() => profiles.remove(profileId, deleteMirror));
      const db = deps.mirror();
      if (db)
        changeRecorded(
          db,
          'profile.removed',
          { id: profileId },
          { id: profileId, mirrorDeleted: deleteMirror },
          deps.now(),
        );
      return snapshot();
    },
  };
}

/** Profile changes live outside the mirror; the trail of the mirror open at the time records them. */
function changeRecorded(db: Database.Database, what: string, before: unknown, after: unknown, nowMs: number): void {
  recordSettingChange(db, what, before, after, nowMs);
}

/** Vault errors carry messages written for the admin (invalid label, profile in use…): they pass through. */
async function explained<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof VaultError) {
      throw new HandlerError(
        error.code === 'PROFILE_NOT_FOUND'
          ? 'not-found'
          : error.code.startsWith('KEYCHAIN')
            ? 'unavailable'
            : 'bad-request',
        error.message,
      );
    }
    throw error;
  }
}
