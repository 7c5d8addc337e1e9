/**
 * Channels for settings: profiles, sync interval, history to keep.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 * Values are validated in main against the settings catalogue; a refused value comes back as `bad-request`
 * with a message written for the admin, which the view shows next to the field.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

/** The settings the window may change (main/db/settings/profile-settings.ts holds their rules and defaults). */
export const EditableSettingName = z.enum([
  'sync.intervalMinutes',
  'sync.historyDays',
  'sync.requestsPerMinute',
  'audit.retentionDays',
]);
export type EditableSetting = z.infer<typeof EditableSettingName>;

export const ProfileSummaryDto = z.object({
  id: z.string(),
  label: z.string(),
  /** The org's name as the API last reported it; null until a key has been verified for the profile. */
  orgName: z.string().nullable(),
  /** The built-in demo profile (the sandbox org); it never takes a key. */
  demo: z.boolean(),
  active: z.boolean(),
  /** Whether the keychain holds a key for it (never the key); null when the keychain could not be read. */
  keyStored: z.boolean().nullable(),
});
export type ProfileSummary = z.infer<typeof ProfileSummaryDto>;

const Range = z.object({ min: z.number(), max: z.number() });

export const SettingsDto = z.object({
  activeProfileId: z.string(),
  /** Demo first, then the admin's profiles by id. Empty when this window cannot manage profiles. */
  profiles: z.array(ProfileSummaryDto),
  /** The active profile's values; null while its mirror is being prepared (nothing can be read or changed yet). */
  values: z
    .object({
      'sync.intervalMinutes': z.number(),
      'sync.historyDays': z.number(),
      /** The sync's pace against the API: a burst of 30, then this many requests a minute. */
      'sync.requestsPerMinute': z.number(),
      /** null keeps the whole audit trail. */
      'audit.retentionDays': z.number().nullable(),
    })
    .nullable(),
  /** The accepted range of each value (whole numbers), for the fields' hints and min/max. */
  limits: z.object({
    'sync.intervalMinutes': Range,
    'sync.historyDays': Range,
    'sync.requestsPerMinute': Range,
    'audit.retentionDays': Range,
  }),
});
export type SettingsSnapshot = z.infer<typeof SettingsDto>;

export const SetSettingRequest = z.object({ name: EditableSettingName, value: z.number().nullable() });
const ProfileId = z.string().min(1).max(64);

export const settingsChannels = {
  'clade:settings/get': { kind: 'invoke', request: z.undefined(), response: SettingsDto },
  'clade:settings/set': { kind: 'invoke', request: SetSettingRequest, response: SettingsDto },
  /** Main closes the current mirror and opens the chosen profile's (or the demo org when it has no key). */
  'clade:settings/switch-profile': {
    kind: 'invoke',
    request: z.object({ profileId: ProfileId }),
    response: SettingsDto,
  },
  /** A new profile without a key; its id is derived from the label (shown in the list, used by the CLI). */
  'clade:settings/add-profile': {
    kind: 'invoke',
    request: z.object({ label: z.string().min(1).max(80) }),
    response: SettingsDto,
  },
  /** Deletes the profile's key from the keychain and its entry; `deleteMirror` also deletes its local data. */
  'clade:settings/remove-profile': {
    kind: 'invoke',
    request: z.object({ profileId: ProfileId, deleteMirror: z.boolean() }),
    response: SettingsDto,
  },
} as const satisfies Record<string, ChannelSpec>;
