/**
 * The access checklist's answer (issue #23, question 12): each item pass, fail or not applicable, with the evidence
 * that decided it (offending keys, workspaces, people by name with their ids) and a fix where one exists. The CLI
 * (`posture`), the window's Posture view, the access review and the metrics endpoint all read this one shape.
 */
import type { AlertInputs, HealthProblem } from '../alerts/index';

export type PostureStatus = 'pass' | 'fail' | 'not_applicable';

export type PostureItemId =
  | 'environments-separated'
  | 'no-default-workspace-keys'
  | 'key-naming'
  | 'key-rotation'
  | 'key-expiry-set'
  | 'no-dormant-keys'
  | 'no-orphaned-keys'
  | 'production-budgets'
  | 'spend-thresholds'
  | 'few-admins'
  | 'no-stale-invites'
  | 'audit-reviewed'
  | 'compliance-feed';

/**
 * What a fix does when the admin presses its button. `admin-action` goes through the confirmed, recorded admin
 * actions (main/services/actions) and so carries exactly their request shape; `set-budget` writes the alert rules'
 * own budget setting (`budgets.workspaceMonthlyUsd.<id>` or `budgets.orgMonthlyUsd`); `mark-reviewed` records the
 * audit review in the trail.
 */
export type PostureAction =
  | { kind: 'admin-action'; action: { kind: 'apikey.rename'; keyId: string; name: string } }
  | { kind: 'admin-action'; action: { kind: 'apikey.set-status'; keyId: string; status: 'inactive' } }
  | { kind: 'admin-action'; action: { kind: 'invite.delete'; inviteId: string } }
  | { kind: 'set-budget'; workspaceId: string | null; usd: string }
  | { kind: 'mark-reviewed' };

export interface PostureFix {
  /** What to do, in words ("Rename to search-prod-indexer", "Create a replacement key in the Console…"). */
  label: string;
  /** The `clade-admin` command that does it (or lists what to do), or null when only the Console can. */
  command: string | null;
  /** The window's button, or null when the API offers no way. */
  action: PostureAction | null;
}

export type PostureEvidenceKind = 'api_key' | 'workspace' | 'user' | 'invite' | 'setting' | 'audit';

export interface PostureEvidence {
  kind: PostureEvidenceKind;
  /** The key, workspace, user or invite id; the setting's name; null for the trail as a whole. */
  id: string | null;
  /** Its name as the org shows it (key or workspace name, member e-mail). Org text: sanitise before printing. */
  name: string;
  /** Why it counts, in one sentence. */
  detail: string;
  /** The fix for this one thing (rename this key, disable it), when there is one. */
  fix?: PostureFix | null;
}

export interface PostureItem {
  id: PostureItemId;
  title: string;
  status: PostureStatus;
  /** Failing: what fails. Passing or not applicable: at most a line saying why (may be empty). */
  evidence: PostureEvidence[];
  /** The item's fix as a whole (per-thing fixes are on the evidence); null when passing or nothing can be done. */
  fix: PostureFix | null;
}

export interface PostureReport {
  /** Passing items as a share of applicable ones, 0–100 (rounded); 100 when nothing applies. */
  score: number;
  evaluatedAtMs: number;
  items: PostureItem[];
  /** Why the mirror cannot be trusted right now (alerts' sync health); non-empty → `posture` exits 3. */
  problems: HealthProblem[];
}

/** One environment the org should keep apart from the others, found by workspace names and tags. */
export interface PostureEnvironment {
  /** "staging", "development". */
  name: string;
  /** The `{env}` token in key names ("staging", "dev"). */
  token: string;
  /** Case-insensitive regular expression over workspace names and tag keys/values. */
  pattern: string;
}

/** The checklist's own settings: only what no alert rule already configures (profile settings `posture.*`). */
export interface PostureSettings {
  /** Key name template; placeholders {team}, {env}, {purpose}. */
  keyNameTemplate: string;
  /** The `{env}` token of production workspaces (which workspaces are production is the alert rules' setting). */
  productionToken: string;
  /** Environments besides production. */
  environments: PostureEnvironment[];
  maxAdmins: number;
  auditReviewDays: number;
  /** Items the admin declared not applicable to this org (shown as such, with that reason). */
  notApplicable: PostureItemId[];
}

/** What the checklist reads: the alerts' snapshot of the mirror plus the few facts only it needs. */
export interface PostureInputs {
  alert: AlertInputs;
  /** The default workspace's id when the mirror knows it (keys with a null workspace are in it too). */
  defaultWorkspaceId: string | null;
  /** Keys the key inventory places in the Default Workspace (its own reading, db/queries/key-inventory.ts). */
  defaultWorkspaceKeyIds: readonly string[];
  /** The last "audit trail reviewed" mark in the trail; null: never. */
  auditReviewedAtMs: number | null;
  /** The Compliance API probe: available, refused (the org does not have it), or null (never asked). */
  complianceProbe: { status: 'available' | 'refused'; checkedAtMs: number } | null;
}

export const POSTURE_ITEM_IDS: readonly PostureItemId[] = [
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
];
