/**
 * Channels for usage and cost charts (issue 9): by day or hour, grouped by workspace, key or model, billed next to estimate.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import type { ChannelSpec } from './channel-spec';

export const usageChannels = {} as const satisfies Record<string, ChannelSpec>;
