/**
 * Channels for the alert centre (issue 7): episodes, snooze, rule settings, and navigation requests from the tray.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import type { ChannelSpec } from './channel-spec';

export const alertsChannels = {} as const satisfies Record<string, ChannelSpec>;
