/**
 * The app's desktop settings: this computer's, not an org's or a profile's, so they live next to profiles.json
 * (adapters/desktop-settings-file.ts), not in a mirror. Both are off until the admin turns them on.
 */
import { z } from 'zod';
import { checkAccelerator } from './accelerator';

export const DEFAULT_SHORTCUT = 'CommandOrControl+Shift+K';

export const DesktopSettingsSchema = z.object({
  /** Start with the session, hidden in the tray. */
  openAtLogin: z.boolean().default(false),
  shortcut: z
    .object({
      enabled: z.boolean().default(false),
      /** Stored normalised (core/desktop/accelerator.ts). */
      accelerator: z
        .string()
        .default(DEFAULT_SHORTCUT)
        .refine((value) => checkAccelerator(value).ok, 'not a valid shortcut'),
    })
    .default({ enabled: false, accelerator: DEFAULT_SHORTCUT }),
});
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  openAtLogin: false,
  shortcut: { enabled: false, accelerator: DEFAULT_SHORTCUT },
};

/** Parses a stored file's JSON; anything unreadable falls back to the defaults (both off), never to "on". */
export function parseDesktopSettings(json: unknown): DesktopSettings {
  const parsed = DesktopSettingsSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : DEFAULT_DESKTOP_SETTINGS;
}

/** A desktop change refused with the admin's words (an invalid or taken shortcut); the window shows the message. */
export class DesktopRefusal extends Error {
  override readonly name = 'DesktopRefusal';
}
