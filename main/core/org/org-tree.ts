/**
 * The org tree's shape: what core/org builds and every surface shows. Core owns these types so it never imports
 * the IPC contract; preload/contract.ts re-exports them and proves at compile time that its zod schemas describe
 * exactly this shape (so the two cannot drift apart).
 */

/** Money as a decimal string of cents (never a float), e.g. "123456.789". */
export type CentsString = string;

export type KeyHygieneVerdictId =
  'ok' | 'rotate-soon' | 'dormant' | 'expiring' | 'expired' | 'orphaned' | 'default-workspace' | 'inactive';

export interface SpendTarget {
  source: 'budget' | 'limit';
  amountCents: CentsString;
  /** Month-to-date spend as a whole percentage of the amount, rounded down. */
  percent: number;
  crossingDay: string | null;
}

export interface WorkspaceSpendBadge {
  cents: CentsString;
  targets: SpendTarget[];
}

export interface OrgMember {
  userId: string;
  name: string;
  email: string;
  /** The member's org role (admin, developer, …; admin-api.md §3.1); null when the user is not in the mirror. */
  orgRole: string | null;
  /** The member's role in this workspace (workspace_user, workspace_admin, …). */
  workspaceRole: string;
}

export interface OrgKey {
  id: string;
  name: string;
  status: string;
  /** The API's own partial hint: safe to show, never a full key. */
  partialKeyHint: string | null;
  createdAtMs: number;
  expiresAtMs: number | null;
  /** Month-to-date cost of this key, estimated from usage × list prices; absent without badges. */
  estimatedMonthCents?: CentsString | undefined;
  /** The key judgement's verdict; absent without badges. */
  hygiene?: { verdict: KeyHygieneVerdictId; reason: string } | undefined;
}

export interface OrgWorkspace {
  /** null for the default workspace when the API gives it no id (older API shape). */
  id: string | null;
  name: string;
  isDefault: boolean;
  archived: boolean;
  members: OrgMember[];
  keys: OrgKey[];
  spend?: WorkspaceSpendBadge | undefined;
}

export interface OrgTree {
  org: { id: string; name: string };
  /** When the mirror was last synced (epoch ms); null when it never was. */
  syncedAtMs: number | null;
  workspaces: OrgWorkspace[];
  /** Principal-bound keys scoped to the organization rather than a workspace; absent when none. */
  organizationKeys?: OrgKey[] | undefined;
  spend?: WorkspaceSpendBadge | undefined;
}
