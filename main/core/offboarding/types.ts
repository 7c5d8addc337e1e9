/**
 * The offboarding assistant's shapes, owned here (core) and described by zod in preload/contract-offboarding.ts,
 * which proves at compile time that both say the same.
 */
export const OFFBOARD_STEP_KINDS = [
  'key.deactivate',
  'key.keep',
  'workspace.leave',
  'org.remove',
  'console.remove',
] as const;
export type OffboardStepKind = (typeof OFFBOARD_STEP_KINDS)[number];

/** planned, done, failed (a rerun retries it), pending (the Console step, until a sync sees them gone), resolved. */
export const OFFBOARD_STEP_STATUSES = ['planned', 'done', 'failed', 'pending', 'resolved'] as const;
export type OffboardStepStatus = (typeof OFFBOARD_STEP_STATUSES)[number];

export interface OffboardPerson {
  id: string;
  email: string;
  name: string;
  role: string;
}

export interface OffboardKeyHolding {
  id: string;
  name: string;
  workspaceName: string;
  tokens30d: number;
  estimateCents30d: string;
  lastUsedDayMs: number | null;
}

export interface OffboardMembershipHolding {
  workspaceId: string;
  workspaceName: string;
  role: string;
  onlyAdmin: boolean;
}

export interface OffboardInviteHolding {
  id: string;
  email: string;
  role: string;
  invitedAtMs: number;
  expiresAtMs: number;
}

export interface OffboardHoldings {
  person: OffboardPerson;
  isOrgAdmin: boolean;
  memberships: OffboardMembershipHolding[];
  keys: OffboardKeyHolding[];
  invitesSent: { known: boolean; invites: OffboardInviteHolding[] };
  claudeCode: { lastDayMs: number | null; sessions30d: number; daysActive30d: number; estimatedCostCents30d: string };
}

/** Keep a key instead of deactivating it; who inherits it goes into the trail. */
export interface KeepKey {
  keyId: string;
  inheritor: string;
}

export interface OffboardStep {
  seq: number;
  kind: OffboardStepKind;
  label: string;
  targetId: string;
  status: OffboardStepStatus;
  detail: string | null;
  atMs: number | null;
}
