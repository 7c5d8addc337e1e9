/**
 * Channels for settings (issue 9): profiles, sync interval, history to keep.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import type { ChannelSpec } from './channel-spec';

export const settingsChannels = {} as const satisfies Record<string, ChannelSpec>;
