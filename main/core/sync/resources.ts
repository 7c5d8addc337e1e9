/**
 * The catalogue of what a sync fetches and what a refusal of each means. Core data (the org, people, workspaces
 * and their members, keys, usage and cost) must be there: a 401 on it means the key was rejected, and any other
 * failure makes the sync partial. An optional route's documented refusals mean "not available for this org":
 * recorded, skipped, and probed again on a full sync, after the key changes, or six hours later.
 * Intervals: keys and users every sync, members and rate limits hourly, spend limits daily; `full` ignores them.
 */
import { DAY_MS, HOUR_MS } from '../time';

export type SyncResource =
  | 'organization'
  | 'users'
  | 'invites'
  | 'workspaces'
  | 'workspace_members'
  | 'api_keys'
  | 'rate_limits'
  | 'workspace_rate_limits'
  | 'spend_limits'
  | 'spend_limits_effective'
  | 'usage_hourly'
  | 'usage_daily'
  | 'cost_daily'
  | 'claude_code_daily';

export interface ResourcePolicy {
  resource: SyncResource;
  /** A 401 here means the key was rejected, without asking again. */
  core: boolean;
  /** The HTTP statuses that mean "this org does not have it": recorded as not available, not as a failure. */
  notAvailableOn: readonly number[];
  /** Minimum time between two fetches; 0 = every sync. */
  intervalMs: number;
}

const MINUTE_MS = 60_000;

/** Refusals of optional routes (admin-api.md §3.7, §3.8, §4.3): the org or its key does not have the feature. */
const OPTIONAL_REFUSALS = [403, 404] as const;
/** An org whose platform has no usage or cost report answers 404 there (admin-api.md §1.1). */
const REPORT_ABSENT = [404] as const;

/** In fetch order: workspaces before their members, organization first (it binds the mirror to one org). */
export const RESOURCE_POLICIES: readonly ResourcePolicy[] = [
  { resource: 'organization', core: true, notAvailableOn: [], intervalMs: 0 },
  { resource: 'users', core: true, notAvailableOn: [], intervalMs: 0 },
  { resource: 'workspaces', core: true, notAvailableOn: [], intervalMs: 0 },
  { resource: 'api_keys', core: true, notAvailableOn: [], intervalMs: 0 },
  { resource: 'invites', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: 0 },
  { resource: 'workspace_members', core: true, notAvailableOn: [], intervalMs: HOUR_MS },
  { resource: 'rate_limits', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: HOUR_MS },
  { resource: 'workspace_rate_limits', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: HOUR_MS },
  { resource: 'spend_limits', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: DAY_MS },
  { resource: 'spend_limits_effective', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: HOUR_MS },
  { resource: 'usage_hourly', core: true, notAvailableOn: REPORT_ABSENT, intervalMs: 5 * MINUTE_MS },
  { resource: 'usage_daily', core: true, notAvailableOn: REPORT_ABSENT, intervalMs: 5 * MINUTE_MS },
  { resource: 'cost_daily', core: true, notAvailableOn: REPORT_ABSENT, intervalMs: HOUR_MS },
  { resource: 'claude_code_daily', core: false, notAvailableOn: OPTIONAL_REFUSALS, intervalMs: HOUR_MS },
];

/** The reports spend is judged from: when one of them failed or is stale, spend cannot be evaluated. */
export const SPEND_RESOURCES: readonly SyncResource[] = ['usage_hourly', 'usage_daily', 'cost_daily'];

/** A "not available for this org" mark is probed again after this long. */
export const UNAVAILABLE_RETRY_MS = 6 * HOUR_MS;

export interface ResourceStatus {
  resource: string;
  lastCompleteAtMs: number | null;
  lastAttemptAtMs: number | null;
  status: 'ok' | 'unavailable' | 'error' | 'partial';
  detail: string | null;
}

/** Which resources this sync should fetch, in order. A full sync fetches everything, "not available" marks too. */
export function planResources(
  states: ReadonlyMap<string, ResourceStatus>,
  nowMs: number,
  full: boolean,
): ResourcePolicy[] {
  return RESOURCE_POLICIES.filter((policy) => isDue(policy, states.get(policy.resource), nowMs, full));
}

function isDue(policy: ResourcePolicy, state: ResourceStatus | undefined, nowMs: number, full: boolean): boolean {
  if (!state || full) return true;
  if (state.status === 'unavailable') {
    // A clock set back (the last attempt in the future) asks again rather than waiting for that time.
    const last = state.lastAttemptAtMs;
    return last == null || nowMs - last >= UNAVAILABLE_RETRY_MS || nowMs < last;
  }
  if (state.status !== 'ok' || state.lastCompleteAtMs == null) return true;
  return nowMs - state.lastCompleteAtMs >= policy.intervalMs;
}
