/**
 * The catalogue of what a sync fetches: which resources are core (a 401 there means the key is bad) and which are
 * optional (a refusal means "not available for this org"), and how often each is due (issue 5: keys and users every
 * sync, members and rate limits hourly, spend limits daily). `full` ignores the intervals.
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
  core: boolean;
  /** Minimum time between two fetches; 0 = every sync. */
  intervalMs: number;
}

const MINUTE_MS = 60_000;

/** In fetch order: workspaces before their members, organization first (it binds the mirror to one org). */
export const RESOURCE_POLICIES: readonly ResourcePolicy[] = [
  { resource: 'organization', core: true, intervalMs: 0 },
  { resource: 'users', core: true, intervalMs: 0 },
  { resource: 'workspaces', core: true, intervalMs: 0 },
  { resource: 'api_keys', core: true, intervalMs: 0 },
  { resource: 'invites', core: false, intervalMs: 0 },
  { resource: 'workspace_members', core: false, intervalMs: HOUR_MS },
  { resource: 'rate_limits', core: false, intervalMs: HOUR_MS },
  { resource: 'workspace_rate_limits', core: false, intervalMs: HOUR_MS },
  { resource: 'spend_limits', core: false, intervalMs: DAY_MS },
  { resource: 'spend_limits_effective', core: false, intervalMs: HOUR_MS },
  { resource: 'usage_hourly', core: false, intervalMs: 5 * MINUTE_MS },
  { resource: 'usage_daily', core: false, intervalMs: 5 * MINUTE_MS },
  { resource: 'cost_daily', core: false, intervalMs: HOUR_MS },
  { resource: 'claude_code_daily', core: false, intervalMs: HOUR_MS },
];


/** An optional route that refused us is probed again after this long. */
export const UNAVAILABLE_RETRY_MS = DAY_MS;

export interface ResourceStatus {
  resource: string;
  lastCompleteAtMs: number | null;
  lastAttemptAtMs: number | null;
  status: 'ok' | 'unavailable' | 'error' | 'partial';
  detail: string | null;
}

/** Which resources this sync should fetch, in order. */
export function planResources(
  states: ReadonlyMap<string, ResourceStatus>,
  nowMs: number,
  full: boolean,
): ResourcePolicy[] {
  return RESOURCE_POLICIES.filter((policy) => isDue(policy, states.get(policy.resource), nowMs, full));
}

function isDue(policy: ResourcePolicy, state: ResourceStatus | undefined, nowMs: number, full: boolean): boolean {
  if (!state) return true;
  if (state.status === 'unavailable') {
    return state.lastAttemptAtMs == null || nowMs - state.lastAttemptAtMs >= UNAVAILABLE_RETRY_MS;
  }
  if (full || state.status !== 'ok' || state.lastCompleteAtMs == null) return true;
  return nowMs - state.lastCompleteAtMs >= policy.intervalMs;
}
