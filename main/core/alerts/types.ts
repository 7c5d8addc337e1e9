/**
 * What alert evaluation reads and produces. `AlertInputs` is a plain snapshot of the mirror, built by the db
 * layer (times as epoch ms, money as BigInt nanocents); nothing here knows about SQLite, Electron or the SDK.
 */

export interface AlertOrg {
  id: string;
  name: string;
}

export interface AlertWorkspace {
  /** null for the default workspace when the API gives it no id (older API shape). */
  id: string | null;
  name: string;
  /** The workspace's `tags` object from the API ({} when none). */
  tags: Readonly<Record<string, string>>;
  archivedAtMs: number | null;
}

/** API key statuses as the API reports them (admin-api.md §3.6). */
export type AlertKeyStatus = 'active' | 'inactive' | 'archived' | 'expired';

export interface AlertApiKey {
  id: string;
  name: string;
  status: AlertKeyStatus;
  /** The key's workspace (scope.workspace_id or the older workspace_id); null = default workspace or org scope. */
  workspaceId: string | null;
  createdAtMs: number;
  expiresAtMs: number | null;
  /** `created_by.id` when the creator is a user; null for service accounts, legacy and system keys. */
  createdByUserId: string | null;
  /** Last UTC day with usage for this key in the mirror's usage report, `YYYY-MM-DD`; null = none seen. */
  lastUsedDay: string | null;
}

export interface AlertUser {
  id: string;
  name: string;
  email: string;
  /** Organization role (user, developer, billing, admin, owner, primary_owner, …). */
  role: string;
  addedAtMs: number;
}

export type AlertInviteStatus = 'pending' | 'accepted' | 'expired' | 'deleted';

export interface AlertInvite {
  id: string;
  email: string;
  role: string;
  status: AlertInviteStatus;
  invitedAtMs: number;
  expiresAtMs: number;
}

/** One UTC day of cost for one workspace (cost_report grouped by workspace_id, summed over descriptions). */
export interface AlertDailyCost {
  day: string;
  /** null = the default workspace. */
  workspaceId: string | null;
  nanocents: bigint;
}

/** A monthly organization or workspace spend limit read from the API (other scopes are not alerted on). */
export interface AlertSpendLimit {
  scope: 'organization' | 'workspace';
  /** Set when scope is 'workspace'. */
  workspaceId?: string | null;
  /** Minor units (cents) as the API writes them: "50000" = $500.00. */
  amountCents: string;
  period: 'monthly';
}

/**
 * A difference between two syncs, in the sync journal's own terms (core/sync/diff.ts `JournalEvent`):
 * `kind` = `<resource>.<created|changed|removed>`, `targetId` = its entityKey, and for `changed` the
 * per-field `before`/`after` values split into two objects. The evaluators read:
 * - `users.changed` with `role` in before/after (a promotion);
 * - `api_keys.changed` with `status` in before/after (a re-activation).
 * Other kinds and fields are ignored. Never put a secret in before/after.
 */
export interface AlertJournalEvent {
  atMs: number;
  kind: string;
  /** The user id or key id the event is about. */
  targetId: string;
  before: Readonly<Record<string, string | number | boolean | null>> | null;
  after: Readonly<Record<string, string | number | boolean | null>> | null;
}

export interface AlertSyncState {
  /** End of the last fully successful sync; null when the mirror was never filled. */
  lastSuccessAtMs: number | null;
  /** The API answered 401 on a core route: the stored admin key is rejected. */
  credentialInvalid: boolean;
  /** The state of the reports spend is judged from (usage and cost); absent when unknown. */
  spendSources?: readonly SpendSourceState[];
}

export interface SpendSourceState {
  resource: string;
  /** Outcome of the last attempt; null when it was never fetched. */
  status: 'ok' | 'unavailable' | 'error' | 'partial' | null;
  lastCompleteAtMs: number | null;
  detail: string | null;
}

export interface AlertInputs {
  org: AlertOrg;
  workspaces: readonly AlertWorkspace[];
  keys: readonly AlertApiKey[];
  users: readonly AlertUser[];
  invites: readonly AlertInvite[];
  /** Daily cost rows; at least the current UTC month plus the days before it the forecast and anomaly rules use
   * (`rules.forecast.historyDays`, `rules.anomaly.trailingDays`; 35 days covers the defaults). */
  dailyCost: readonly AlertDailyCost[];
  spendLimits: readonly AlertSpendLimit[];
  /** Journal events of at least the last `rules.people.recentChangeDays` days. Conditions derived from events
   * last as long as the event is that recent, so pass that window, not only "events since the last run". */
  journal: readonly AlertJournalEvent[];
  sync: AlertSyncState;
}

export type Severity = 'info' | 'warning' | 'critical';

export type RuleId =
  | 'spend-threshold'
  | 'spend-forecast'
  | 'spend-anomaly'
  | 'key-expiry'
  | 'key-expired-active'
  | 'key-rotation'
  | 'key-dormant'
  | 'key-orphaned'
  | 'new-privileged-member'
  | 'pending-invite'
  | 'production-key-change'
  | 'sync-health';

export const RULE_IDS: readonly RuleId[] = [
  'spend-threshold',
  'spend-forecast',
  'spend-anomaly',
  'key-expiry',
  'key-expired-active',
  'key-rotation',
  'key-dormant',
  'key-orphaned',
  'new-privileged-member',
  'pending-invite',
  'production-key-change',
  'sync-health',
];

export type TargetKind = 'organization' | 'workspace' | 'key' | 'user' | 'invite' | 'sync';

/** Which window view a notification click opens, and on what. */
export interface AlertView {
  view: 'spend' | 'keys' | 'people' | 'sync';
  /** The workspace, key, user or invite id to focus; absent for org-wide views. */
  id?: string;
}

/**
 * A rule holding right now. `id` is stable for as long as the same thing is wrong in the same way
 * (rule + target + period/threshold), so episodes can be keyed on it.
 */
export interface Condition {
  id: string;
  rule: RuleId;
  severity: Severity;
  targetKind: TargetKind;
  /** The workspace/key/user/invite id; the org id for org-wide spend; 'sync' for sync health. */
  targetId: string;
  /** Human name of the target (workspace or key NAME, user email); never a secret. */
  targetName: string;
  title: string;
  body: string;
  view: AlertView;
}
