/**
 * Channels for admin actions (disable or archive a key, invite, change a role, manage members), each confirmed and recorded.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 *
 * The window asks for a preview first (the sentence to confirm, whether it is irreversible and what must be typed,
 * the reasons it would be refused), then runs it. An irreversible action runs only with the confirmation main issued
 * in its preview (single-use, bound to that target, valid for a minute) and the text the admin typed: main checks
 * both, so a renderer that skips the dialog is refused. Main re-checks everything (ids, role rules) and reads the admin
 * key itself for each run; the key never crosses this boundary. Both answers name targets, never secrets.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';

const text = z.string().trim().min(1).max(500);

/** One admin action (main/core/actions/types.ts re-validates ids and roles with the API's rules). */
export const AdminActionDto = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('apikey.set-status'), keyId: text, status: z.enum(['active', 'inactive', 'archived']) }),
  z.object({ kind: z.literal('apikey.rename'), keyId: text, name: text }),
  z.object({ kind: z.literal('invite.create'), email: text, role: text }),
  z.object({ kind: z.literal('invite.delete'), inviteId: text }),
  z.object({ kind: z.literal('user.set-role'), userId: text, role: text }),
  z.object({ kind: z.literal('user.remove'), userId: text }),
  z.object({ kind: z.literal('workspace-member.add'), workspaceId: text, userId: text, role: text }),
  z.object({ kind: z.literal('workspace-member.set-role'), workspaceId: text, userId: text, role: text }),
  z.object({ kind: z.literal('workspace-member.remove'), workspaceId: text, userId: text }),
]);
export type AdminActionRequest = z.infer<typeof AdminActionDto>;

const StateDto = z.record(z.string(), z.unknown()).nullable();

export const ActionPreviewDto = z.object({
  description: z.string(),
  irreversible: z.boolean(),
  /** For an irreversible action: what the admin must type to confirm (the key's name), else null. */
  confirmText: z.string().nullable(),
  /** For an irreversible action: the token to send back with the run (single-use, this target only, one minute). */
  confirmToken: z.string().nullable(),
  /** Why it would be refused; empty when it may be sent. */
  problems: z.array(z.string()),
  before: StateDto,
});
export type ActionPreview = z.infer<typeof ActionPreviewDto>;

/** The run: the action, and for an irreversible one the preview's token with what the admin typed. */
export const ActionRunDto = z.object({
  action: AdminActionDto,
  confirmation: z.object({ token: z.string().min(1).max(100), typed: z.string().max(500) }).optional(),
});
export type ActionRunRequest = z.infer<typeof ActionRunDto>;

export const ActionOutcomeDto = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    description: z.string(),
    summary: z.string(),
    before: StateDto,
    after: z.record(z.string(), z.unknown()),
  }),
  z.object({
    ok: z.literal(false),
    description: z.string(),
    error: z.object({ code: z.string(), message: z.string() }),
  }),
]);
export type ActionOutcome = z.infer<typeof ActionOutcomeDto>;

export const actionsChannels = {
  'clade:actions/preview': { kind: 'invoke', request: AdminActionDto, response: ActionPreviewDto },
  /** Sends the action (after the window's confirmation), updates the mirror, records it; failures are answers, not errors. */
  'clade:actions/run': { kind: 'invoke', request: ActionRunDto, response: ActionOutcomeDto },
} as const satisfies Record<string, ChannelSpec>;
