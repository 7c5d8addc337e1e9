/**
 * Channels for the Posture view (issue #23): the access checklist with its evidence and fixes, the daily score's
 * trend, and the two fixes that are not Admin API actions: marking the audit trail reviewed (recorded in the trail)
 * and setting a budget (the alert rules' own budget setting, recorded as a settings change). Renaming and disabling
 * keys and deleting invites go through the confirmed admin actions (contract-actions.ts), never through here.
 * Spread into the one channel table in contract.ts; same rules (zod both ways, no Electron or Node imports).
 */
import { z } from 'zod';
import type { PostureReport } from '../main/core/posture/types';
import type { ChannelSpec } from './channel-spec';
import { assertSameShape } from './same-shape';

const NoRequest = z.undefined();

export const PostureActionDto = z.union([
  z.object({
    kind: z.literal('admin-action'),
    action: z.object({ kind: z.literal('apikey.rename'), keyId: z.string(), name: z.string() }),
  }),
  z.object({
    kind: z.literal('admin-action'),
    action: z.object({ kind: z.literal('apikey.set-status'), keyId: z.string(), status: z.literal('inactive') }),
  }),
  z.object({
    kind: z.literal('admin-action'),
    action: z.object({ kind: z.literal('invite.delete'), inviteId: z.string() }),
  }),
  z.object({ kind: z.literal('set-budget'), workspaceId: z.string().nullable(), usd: z.string() }),
  z.object({ kind: z.literal('mark-reviewed') }),
]);

export const PostureFixDto = z.object({
  label: z.string(),
  command: z.string().nullable(),
  action: PostureActionDto.nullable(),
});

export const PostureItemIdName = z.enum([
  'environments-separated',
  'no-default-workspace-keys',
  'key-naming',
  'key-rotation',
  'key-expiry-set',
  'no-dormant-keys',
  'no-orphaned-keys',
  'production-budgets',
  'spend-thresholds',
  'few-admins',
  'no-stale-invites',
  'audit-reviewed',
  'compliance-feed',
]);

export const PostureEvidenceDto = z.object({
  kind: z.enum(['api_key', 'workspace', 'user', 'invite', 'setting', 'audit']),
  id: z.string().nullable(),
  name: z.string(),
  detail: z.string(),
  fix: PostureFixDto.nullable().optional(),
});

export const PostureItemDto = z.object({
  id: PostureItemIdName,
  title: z.string(),
  status: z.enum(['pass', 'fail', 'not_applicable']),
  evidence: z.array(PostureEvidenceDto),
  fix: PostureFixDto.nullable(),
});

export const PostureReportDto = z.object({
  score: z.number().int().min(0).max(100),
  evaluatedAtMs: z.number(),
  items: z.array(PostureItemDto),
  problems: z.array(z.enum(['credential-invalid', 'no-data', 'data-too-old', 'spend-unavailable'])),
});
export type PostureReportView = z.infer<typeof PostureReportDto>;
export type PostureItemView = z.infer<typeof PostureItemDto>;
export type PostureFixView = z.infer<typeof PostureFixDto>;
export type PostureActionView = z.infer<typeof PostureActionDto>;
// The core owns the report's shape; the schema must describe exactly it.
assertSameShape<PostureReportView, PostureReport>(true);

export const PostureViewDto = z.object({
  report: PostureReportDto,
  /** The daily scores of the last 90 UTC days, oldest first. */
  trend: z.array(
    z.object({ day: z.string(), score: z.number(), evaluatedAtMs: z.number(), failing: z.array(z.string()) }),
  ),
});
export type PostureView = z.infer<typeof PostureViewDto>;

export const postureChannels = {
  /** Evaluates the checklist from the mirror now and records the day's score; null before the first sync. */
  'clade:posture/report': { kind: 'invoke', request: NoRequest, response: PostureViewDto.nullable() },
  /** Records "audit trail reviewed" in the trail, then answers the re-evaluated checklist. */
  'clade:posture/mark-reviewed': {
    kind: 'invoke',
    request: z.object({ note: z.string().trim().max(500).optional() }),
    response: PostureViewDto,
  },
  /** Sets a monthly budget (USD) for a workspace, or the org when null, then answers the re-evaluated checklist. */
  'clade:posture/set-budget': {
    kind: 'invoke',
    request: z.object({
      workspaceId: z.string().trim().min(1).max(200).nullable(),
      usd: z.string().trim().min(1).max(30),
    }),
    response: PostureViewDto,
  },
} as const satisfies Record<string, ChannelSpec>;
