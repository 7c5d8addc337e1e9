/**
 * Channels for admin actions (disable or archive a key, invite, change a role, manage members), each confirmed and recorded.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import type { ChannelSpec } from './channel-spec';

export const actionsChannels = {} as const satisfies Record<string, ChannelSpec>;
