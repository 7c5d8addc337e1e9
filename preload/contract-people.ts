/**
 * Channels for the People view (issue #21): the org's members with their org role, since when, since when admin,
 * their workspaces, the active keys they created and their last Claude Code day; and the invites with age and
 * expiry. One read model answers both the window and the CLI (main/db/queries/people.ts).
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

const NoRequest = z.undefined();

export const AdminSinceDto = z.object({
  /** When the member became admin (or owner); with `before-first-sync`, the first sync, which they were admin by. */
  atMs: z.number(),
  /** Where the date comes from: the sync journal's role change, the compliance feed's, or nothing but the first sync. */
  source: z.enum(['journal', 'compliance', 'before-first-sync']),
});
export type AdminSince = z.infer<typeof AdminSinceDto>;

export const PersonDto = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** The org role as the API gives it (admin-api.md §3.1), unknown ones passed through. */
  role: z.string(),
  /** The API's `added_at`: member since. */
  addedAtMs: z.number(),
  /** Null for members who are not admin, owner or primary owner. */
  adminSince: AdminSinceDto.nullable(),
  workspaces: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
  /** Active API keys whose `created_by` is this member. */
  keysCreated: z.array(z.object({ id: z.string(), name: z.string() })),
  /** The last UTC day with Claude Code activity by this member's e-mail, or null. */
  lastClaudeCodeDayMs: z.number().nullable(),
  /**
   * Their Claude Code activity in the 30 UTC days up to today, from the one Claude Code report (`report claude-code
   * --group-by user`); null when none. The cost is the report's own estimate (decimal cents), not billed.
   */
  claudeCode30d: z
    .object({
      daysActive: z.number(),
      sessions: z.number(),
      linesAdded: z.number(),
      linesRemoved: z.number(),
      commits: z.number(),
      pullRequests: z.number(),
      estimatedCostCents: z.string(),
    })
    .nullable(),
});
export type Person = z.infer<typeof PersonDto>;

export const InviteDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  /** As the API last said, except a pending invite past its expiry, which is `expired` (as the alerts judge it). */
  status: z.string(),
  invitedAtMs: z.number(),
  /** Whole days since the invite was sent. */
  ageDays: z.number(),
  expiresAtMs: z.number(),
});
export type Invite = z.infer<typeof InviteDto>;

export const PeopleDto = z.object({
  /** When the mirror first completed a sync: "admin before" this date when no role change was seen. */
  firstSyncAtMs: z.number().nullable(),
  members: z.array(PersonDto),
  invites: z.array(InviteDto),
});
export type People = z.infer<typeof PeopleDto>;

export const peopleChannels = {
  /** Members and invites from the mirror; empty lists before the first sync. */
  'clade:people/list': { kind: 'invoke', request: NoRequest, response: PeopleDto },
} as const satisfies Record<string, ChannelSpec>;
