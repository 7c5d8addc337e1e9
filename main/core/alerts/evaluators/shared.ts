/** Small lookups every evaluator needs: workspace names, the default workspace's key, rule switches. */
import type { AlertRules } from '../rules';
import type { AlertInputs, AlertWorkspace, RuleId } from '../types';
import { DAY_MS, HOUR_MS } from '../../time';

/** Stable key of a workspace in rules and condition ids: its id, or 'default' for the id-less default workspace. */
export function workspaceKey(id: string | null | undefined): string {
  return id ?? 'default';
}

export function findWorkspace(inputs: AlertInputs, key: string): AlertWorkspace | undefined {
  return inputs.workspaces.find((workspace) => workspaceKey(workspace.id) === key);
}

/** The workspace's name; 'Default workspace' for the default one, the id when the mirror no longer has it. */
export function workspaceName(inputs: AlertInputs, key: string): string {
  const found = findWorkspace(inputs, key);
  if (found) return found.name;
  return key === 'default' ? 'Default workspace' : key;
}

export function isRuleEnabled(rules: AlertRules, rule: RuleId): boolean {
  return !rules.disabledRules.includes(rule);
}

/** "in 6 days", "in 5 hours", "in less than an hour" for a positive duration. */
export function inDuration(ms: number): string {
  if (ms >= DAY_MS) return plural(Math.floor(ms / DAY_MS), 'day', 'in');
  if (ms >= HOUR_MS) return plural(Math.floor(ms / HOUR_MS), 'hour', 'in');
  return 'in less than an hour';
}

export function plural(count: number, unit: string, prefix = ''): string {
  const text = `${count} ${unit}${count === 1 ? '' : 's'}`;
  return prefix ? `${prefix} ${text}` : text;
}

/** Whole days from `fromMs` to `toMs`, rounded down. */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.floor((toMs - fromMs) / DAY_MS);
}

/** "November 2026" for a UTC `YYYY-MM` budget period. */
export function monthName(month: string): string {
  return new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** "22 Nov" for a UTC day. */
export function shortDay(day: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}
