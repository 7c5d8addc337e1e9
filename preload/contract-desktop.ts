/**
 * Channels for the desktop settings: start at login, the global show/hide shortcut, the log folder and the
 * diagnostics report. Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or
 * Node imports). These are this computer's settings, not a profile's: main keeps them in desktop.json.
 * A refused shortcut (not a shortcut, or another app holds it) comes back as `bad-request` with the admin's words.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

export const DesktopSettingsDto = z.object({
  openAtLogin: z.boolean(),
  shortcut: z.object({
    enabled: z.boolean(),
    accelerator: z.string(),
    /** The accelerator registered now; null when off or refused at start (then `problem` says why). */
    active: z.string().nullable(),
    problem: z.string().nullable(),
  }),
  /** The folder "Open logs folder" opens (the OS log folder). */
  logsFolder: z.string(),
  /** Linux: the autostart file the app writes and removes; null where the OS keeps the login item itself. */
  autostartFile: z.string().nullable(),
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
});
export type DesktopSettingsSnapshot = z.infer<typeof DesktopSettingsDto>;

export const DiagnosticsDto = z.object({
  /** What was put on the clipboard: versions, OS, profile count, last sync statuses; no org data, no keys. */
  text: z.string(),
});

export const desktopChannels = {
  'clade:desktop/get': { kind: 'invoke', request: z.undefined(), response: DesktopSettingsDto },
  'clade:desktop/set-open-at-login': {
    kind: 'invoke',
    request: z.object({ openAtLogin: z.boolean() }),
    response: DesktopSettingsDto,
  },
  'clade:desktop/set-shortcut': {
    kind: 'invoke',
    request: z.object({ enabled: z.boolean(), accelerator: z.string().max(60) }),
    response: DesktopSettingsDto,
  },
  'clade:desktop/open-logs': {
    kind: 'invoke',
    request: z.undefined(),
    response: z.object({ folder: z.string() }),
  },
  'clade:desktop/copy-diagnostics': { kind: 'invoke', request: z.undefined(), response: DiagnosticsDto },
} as const satisfies Record<string, ChannelSpec>;
