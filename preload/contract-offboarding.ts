/**
 * Channels for the offboarding assistant (issue #22): what a person holds, the plan to remove them safely (keys
 * first, then workspace memberships, then the org), and its run, step by step through the confirmed and recorded
 * admin actions, resumable after a failure. Spread into the one channel table in contract.ts; same rules (zod both
 * ways, no Electron or Node imports).
 *
 * The run removes a member, which cannot be undone: like an irreversible admin action, it runs only with the token
 * its preview issued and the person's e-mail typed in the window (main checks both). Nothing here carries a key.
 */
import { z } from 'zod';
import type { ChannelSpec } from './channel-spec';
import { assertSameShape } from './same-shape';
import type {
  KeepKey as CoreKeepKey,
  OffboardHoldings as CoreHoldings,
  OffboardStep as CoreStep,
} from '../main/core/offboarding/types';

const text = z.string().trim().min(1).max(500);

// The same lists as main/core/offboarding/types.ts (preload imports only types from core); the shape proofs below
// fail the build if the two drift apart.
const OFFBOARD_STEP_KINDS = ['key.deactivate', 'key.keep', 'workspace.leave', 'org.remove', 'console.remove'] as const;
const OFFBOARD_STEP_STATUSES = ['planned', 'done', 'failed', 'pending', 'resolved'] as const;

export const OffboardKeyDto = z.object({
  id: z.string(),
  name: z.string(),
  workspaceName: z.string(),
  /** Tokens over the last 30 days and the estimated cost (decimal cents, not billed) from the one key estimate. */
  tokens30d: z.number(),
  estimateCents30d: z.string(),
  lastUsedDayMs: z.number().nullable(),
});
export type OffboardKey = z.infer<typeof OffboardKeyDto>;

export const OffboardMembershipDto = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role: z.string(),
  /** They are the workspace's only explicit workspace_admin: after they go, only org admins administer it. */
  onlyAdmin: z.boolean(),
});
export type OffboardMembership = z.infer<typeof OffboardMembershipDto>;

export const OffboardInviteDto = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  invitedAtMs: z.number(),
  expiresAtMs: z.number(),
});

export const OffboardHoldingsDto = z.object({
  person: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  /** Admin, owner or primary owner: the Admin API cannot remove them (admin-api.md §3.2). */
  isOrgAdmin: z.boolean(),
  memberships: z.array(OffboardMembershipDto),
  /** Active keys they created, with their last 30 days. */
  keys: z.array(OffboardKeyDto),
  /**
   * Pending invites they sent. Only the compliance feed names who sent an invite: `known` is false when the trail
   * holds no feed activity, and the list is then empty for want of knowledge, not because there are none.
   */
  invitesSent: z.object({ known: z.boolean(), invites: z.array(OffboardInviteDto) }),
  claudeCode: z.object({
    lastDayMs: z.number().nullable(),
    sessions30d: z.number(),
    daysActive30d: z.number(),
    estimatedCostCents30d: z.string(),
  }),
});
export type OffboardHoldings = z.infer<typeof OffboardHoldingsDto>;
assertSameShape<OffboardHoldings, CoreHoldings>(true);

/** Keep a key instead of deactivating it: who inherits it goes into the trail as a note. Others are deactivated. */
export const KeepKeyDto = z.object({ keyId: text, inheritor: text });
export type KeepKey = z.infer<typeof KeepKeyDto>;
assertSameShape<KeepKey, CoreKeepKey>(true);

export const OffboardStepDto = z.object({
  /** 1-based, in the order the steps run. */
  seq: z.number(),
  kind: z.enum(OFFBOARD_STEP_KINDS),
  /** What the step does, in words ("Deactivate key 'ci-deploy' in Production"). */
  label: z.string(),
  targetId: z.string(),
  /** planned, done, failed (a rerun retries it), pending (the Console step, until a sync sees them gone), resolved. */
  status: z.enum(OFFBOARD_STEP_STATUSES),
  /** The failure's reason, the inheritor of a kept key, or the exact Console instruction. */
  detail: z.string().nullable(),
  atMs: z.number().nullable(),
});
export type OffboardStep = z.infer<typeof OffboardStepDto>;
assertSameShape<OffboardStep, CoreStep>(true);

export const OffboardPlanDto = z.object({
  userId: z.string(),
  steps: z.array(OffboardStepDto),
  /** Things to know before confirming (a workspace left without its own admin, memberships only the Console ends). */
  warnings: z.array(z.string()),
});
export type OffboardPlan = z.infer<typeof OffboardPlanDto>;

export const OffboardRunStateDto = z.object({
  runId: z.number(),
  startedAtMs: z.number(),
  finishedAtMs: z.number().nullable(),
  /** running (stopped at a failure: a rerun continues), awaiting-console, done, abandoned (closed by the admin). */
  status: z.enum(['running', 'awaiting-console', 'done', 'abandoned']),
});

export const OffboardPreviewRequest = z.object({
  userId: text,
  keep: z.array(KeepKeyDto).max(1000).default([]),
});

export const OffboardPreviewDto = z.object({
  holdings: OffboardHoldingsDto,
  /** The plan for these choices; when an earlier run stopped, its own plan with each step's state (it continues). */
  plan: OffboardPlanDto,
  resumes: OffboardRunStateDto.nullable(),
  /** Choices that cannot be honoured (a key they did not create, no inheritor): the run is refused until fixed. */
  problems: z.array(z.string()),
  /** What the admin must type (the person's e-mail) and the single-use token to send back with the run. */
  confirmText: z.string(),
  confirmToken: z.string(),
});
export type OffboardPreview = z.infer<typeof OffboardPreviewDto>;

export const OffboardRunRequest = z.object({
  userId: text,
  keep: z.array(KeepKeyDto).max(1000).default([]),
  confirmation: z.object({ token: z.string().min(1).max(100), typed: z.string().max(500) }),
});

export const OffboardReportDto = z.object({
  person: z.object({ id: z.string(), email: z.string(), name: z.string(), role: z.string() }),
  run: OffboardRunStateDto,
  steps: z.array(OffboardStepDto),
  /** One line saying where it stands: done, stopped at step N (rerun to continue), or waiting for the Console. */
  outcome: z.string(),
});
export type OffboardReport = z.infer<typeof OffboardReportDto>;

export const offboardingChannels = {
  /** What the person holds and the plan (or the stopped run it would continue), with a confirmation token. */
  'clade:offboarding/preview': { kind: 'invoke', request: OffboardPreviewRequest, response: OffboardPreviewDto },
  /** The person's latest run as the mirror holds it (each step's state): the window polls it while a run is going. */
  'clade:offboarding/progress': {
    kind: 'invoke',
    request: z.object({ userId: text }),
    response: OffboardReportDto.nullable(),
  },
  /** Closes the person's stopped run without finishing it (recorded in the trail); false when there was none. */
  'clade:offboarding/abandon': { kind: 'invoke', request: z.object({ userId: text }), response: z.boolean() },
  /** Runs (or continues) the plan with the preview's confirmation; a failed step is in the report, not an error. */
  'clade:offboarding/run': { kind: 'invoke', request: OffboardRunRequest, response: OffboardReportDto },
} as const satisfies Record<string, ChannelSpec>;
