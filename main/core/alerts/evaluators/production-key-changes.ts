/**
 * A key created, or re-activated (journal `api_keys.changed`, status → active), in a production workspace within
 * the last `recentChangeDays`, and still active: the change a careful admin wants to have seen.
 */
import type { AlertRules } from '../rules';
import type { AlertApiKey, AlertInputs, Condition } from '../types';
import { DAY_MS, formatLocalDateTime } from '../../time';
import { activeKeys, keyCondition } from './key-helpers';
import { productionWorkspaceKeys } from './production';
import { workspaceKey, workspaceName } from './shared';

export function evaluateProductionKeyChanges(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const since = nowMs - rules.people.recentChangeDays * DAY_MS;
  const production = productionWorkspaceKeys(inputs, rules);
  const timeZone = rules.quietHours.timeZone;
  const inProduction = (key: AlertApiKey): boolean => production.has(workspaceKey(key.workspaceId));
  const change = (key: AlertApiKey, verb: string, id: string, atMs: number): Condition => {
    const where = workspaceName(inputs, workspaceKey(key.workspaceId));
    return keyCondition(key, {
      id,
      rule: 'production-key-change',
      severity: 'warning',
      title: `Key "${key.name}" ${verb} in ${where}`,
      body: `A key was ${verb} in the production workspace ${where} ${formatLocalDateTime(atMs, timeZone)} (${timeZone}). If you did not expect it, deactivate it.`,
    });
  };
  const conditions: Condition[] = [];
  const active = activeKeys(inputs).filter(inProduction);
  for (const key of active) {
    if (key.createdAtMs >= since && key.createdAtMs <= nowMs)
      conditions.push(change(key, 'created', `prod-key:created:${key.id}`, key.createdAtMs));
  }
  for (const event of inputs.journal) {
    if (event.kind !== 'api_keys.changed' || event.atMs < since || event.atMs > nowMs) continue;
    if (event.after?.['status'] !== 'active' || event.before?.['status'] === 'active') continue;
    const key = active.find((candidate) => candidate.id === event.targetId);
    if (key) conditions.push(change(key, 're-activated', `prod-key:reactivated:${key.id}:${event.atMs}`, event.atMs));
  }
  return conditions;
}
