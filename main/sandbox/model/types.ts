// The sandbox's internal model of one organization. Serializers in routes/ turn these into API objects.
import type { SortKey } from '../pagination';

export type OrgRole =
  | 'admin'
  | 'billing'
  | 'claude_code_user'
  | 'developer'
  | 'managed'
  | 'membership_admin'
  | 'owner'
  | 'primary_owner'
  | 'user';
export const ORG_ROLES: readonly OrgRole[] = [
  'admin',
  'billing',
  'claude_code_user',
  'developer',
  'managed',
  'membership_admin',
  'owner',
  'primary_owner',
  'user',
];

export type WorkspaceRole =
  'workspace_user' | 'workspace_developer' | 'workspace_restricted_developer' | 'workspace_admin' | 'workspace_billing';
export const WORKSPACE_ROLES: readonly WorkspaceRole[] = [
  'workspace_user',
  'workspace_developer',
  'workspace_restricted_developer',
  'workspace_admin',
  'workspace_billing',
];

export type KeyStatus = 'active' | 'inactive' | 'archived' | 'expired';
export type InviteStatus = 'accepted' | 'deleted' | 'expired' | 'pending';
export type InferenceGeo = 'global' | 'us';

export interface UserRec {
  id: string;
  email: string;
  name: string;
  role: OrgRole;
  addedAtMs: number;
  removedAtMs: number | null;
}

export interface WorkspaceRec {
  id: string;
  name: string;
  createdAtMs: number;
  archivedAtMs: number | null;
  displayColor: string;
  tags: Record<string, string>;
  allowedInferenceGeos: InferenceGeo[] | 'unrestricted';
  defaultInferenceGeo: InferenceGeo;
  compartmentId: string;
  externalKeyId: string | null;
  userProfileId: string | null;
  isDefault: boolean;
}

export interface MemberRec {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
  addedAtMs: number;
}

/** How much traffic a key generates; drives the on-demand usage generator. */
export interface TrafficProfile {
  /** probability that the key carries traffic on a given weekday */
  dailyActivity: number;
  /** typical uncached input tokens per active business hour */
  scale: number;
  models: string[];
  /** traffic stops after this instant (dormant keys); null = still in use */
  lastTrafficMs: number | null;
  serviceTiers: Array<'standard' | 'batch' | 'priority'>;
  /** share of traffic through inference_geo "us" */
  usGeoShare: number;
}

export interface ApiKeyRec {
  id: string;
  name: string;
  /** stored status; "expired" is derived from expiresAtMs at read time */
  status: Exclude<KeyStatus, 'expired'>;
  createdAtMs: number;
  expiresAtMs: number | null;
  partialKeyHint: string | null;
  createdBy: { id: string; type: 'user' | 'service_account' } | null;
  principal:
    { type: 'user_actor'; user_id: string } | { type: 'service_account_actor'; service_account_id: string } | null;
  scopeType: 'workspace' | 'organization';
  /** real workspace id (the default workspace's id for default-workspace keys); org-scoped keys bill to default */
  workspaceId: string;
  traffic: TrafficProfile;
}

export interface InviteRec {
  id: string;
  email: string;
  role: OrgRole;
  invitedAtMs: number;
  /** stored status; "expired" is derived (21 days after invitedAtMs) */
  status: 'pending' | 'accepted' | 'deleted';
  acceptedAtMs: number | null;
  rbacGroupIds: string[];
}

export type SandboxSize = 'demo' | 'mid' | 'large';

export interface OrgModel {
  seed: number;
  size: SandboxSize;
  org: { id: string; name: string; domain: string; complianceId: string };
  users: Map<string, UserRec>;
  workspaces: Map<string, WorkspaceRec>;
  defaultWorkspaceId: string;
  /** workspaceId → userId → member */
  members: Map<string, Map<string, MemberRec>>;
  apiKeys: Map<string, ApiKeyRec>;
  invites: Map<string, InviteRec>;
  /** usage history starts here (UTC midnight) */
  historyStartMs: number;
  /** workspaceId → rate limit entry id → limiter type → value (workspace overrides) */
  rateLimitOverrides: Map<string, Map<string, Map<string, number>>>;
  spendLimits: Map<string, SpendLimitRec>;
  /** every cursor ever issued, per list, so removed items still resolve: `${list}:${id}` → key */
  cursorKeys: Map<string, SortKey>;
}

export type SpendScope =
  | { type: 'organization' }
  | { type: 'workspace'; workspace_id: string }
  | { type: 'usage_tier' }
  | { type: 'user'; user_id: string };

export interface SpendLimitRec {
  id: string;
  /** minor units (cents) as a decimal string, or null = no limit */
  amount: string | null;
  period: 'monthly' | 'weekly' | 'daily';
  isEnabled: boolean;
  scope: SpendScope;
  createdAtMs: number;
  updatedAtMs: number;
}
