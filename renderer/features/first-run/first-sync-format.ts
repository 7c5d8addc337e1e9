/**
 * Words for the first sync's progress: resource names an admin reads, the time left, and which views are usable
 * once the resources they are built on are in the mirror. Pure, so the panel and its tests share it.
 */
import type { View } from '../../stores/useUiStore';

const RESOURCE_LABELS: Record<string, string> = {
  organization: 'organization',
  users: 'members',
  invites: 'invites',
  workspaces: 'workspaces',
  workspace_members: 'workspace members',
  api_keys: 'API keys',
  rate_limits: 'rate limits',
  workspace_rate_limits: 'workspace rate limits',
  spend_limits: 'spend limits',
  spend_limits_effective: 'effective spend limits',
  usage_hourly: 'hourly usage',
  usage_daily: 'daily usage',
  cost_daily: 'daily cost',
  claude_code_daily: 'Claude Code activity',
  compliance_activities: 'compliance activity feed',
};

export function resourceLabel(resource: string): string {
  return RESOURCE_LABELS[resource] ?? resource.replace(/_/g, ' ');
}

/** "about 2 min left", "less than a minute left", "estimating the time left…". */
export function formatTimeLeft(etaMs: number | null | undefined): string {
  if (etaMs === null || etaMs === undefined) return 'estimating the time left…';
  if (etaMs < 60_000) return 'less than a minute left';
  const minutes = Math.round(etaMs / 60_000);
  if (minutes < 60) return `about ${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  return `about ${hours} h ${minutes % 60} min left`;
}

/** Views and the resources they need: usable as soon as all of them are in. */
export const VIEW_NEEDS: ReadonlyArray<{ view: View; label: string; needs: readonly string[] }> = [
  { view: 'people', label: 'People', needs: ['users', 'invites'] },
  { view: 'keys', label: 'API keys', needs: ['users', 'workspaces', 'api_keys'] },
  { view: 'tree', label: 'Org tree', needs: ['users', 'workspaces', 'workspace_members', 'api_keys'] },
  { view: 'spend', label: 'Spend', needs: ['usage_daily', 'cost_daily'] },
];

export function usableViews(usable: readonly string[]): Array<{ view: View; label: string }> {
  const done = new Set(usable);
  return VIEW_NEEDS.filter((entry) => entry.needs.every((r) => done.has(r))).map(({ view, label }) => ({
    view,
    label,
  }));
}
