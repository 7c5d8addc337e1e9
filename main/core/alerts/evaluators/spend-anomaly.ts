/**
 * A day far above a workspace's recent normal: cost ≥ factor × the median of the `trailingDays` days before it,
 * and ≥ a floor so a workspace going from $0.02 to $0.10 stays quiet. Today (partial) and the last few days are
 * checked; each anomalous day is its own condition, closing once it leaves the lookback window.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { addUtcDays, utcDay } from '../../time';
import { formatUsd, multiplyByFactor, usdToNanocents } from '../money';
import { dailyCostFor, firstCostDay } from './spend-targets';
import { shortDay, workspaceKey, workspaceName } from './shared';

export function medianNanocents(values: bigint[]): bigint {
  const sorted = [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0n;
  if (sorted.length % 2 === 1) return sorted[middle] ?? 0n;
  return ((sorted[middle - 1] ?? 0n) + (sorted[middle] ?? 0n)) / 2n;
}

/** The trailing days before `day` the mirror covers (missing rows inside coverage are $0 days). */
function trailingCosts(byDay: Map<string, bigint>, day: string, firstDay: string, trailingDays: number): bigint[] {
  const costs: bigint[] = [];
  for (let back = 1; back <= trailingDays; back += 1) {
    const previous = addUtcDays(day, -back);
    if (previous < firstDay) break;
    costs.push(byDay.get(previous) ?? 0n);
  }
  return costs;
}

function allWorkspaceKeys(inputs: AlertInputs): string[] {
  const keys = new Set<string>(inputs.workspaces.map((workspace) => workspaceKey(workspace.id)));
  for (const row of inputs.dailyCost) keys.add(workspaceKey(row.workspaceId));
  return [...keys].sort();
}

/** "5.2×" from two BigInts, one decimal, rounded down. */
function ratioText(value: bigint, base: bigint): string {
  const tenths = (value * 10n) / base;
  return `${tenths / 10n}.${tenths % 10n}×`;
}

export function evaluateSpendAnomaly(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const firstDay = firstCostDay(inputs);
  const floor = usdToNanocents(rules.anomaly.floorUsd) ?? 0n;
  if (firstDay === null) return [];
  const today = utcDay(nowMs);
  const conditions: Condition[] = [];
  for (const key of allWorkspaceKeys(inputs)) {
    const byDay = dailyCostFor(inputs, key);
    for (let back = 0; back < rules.anomaly.lookbackDays; back += 1) {
      const day = addUtcDays(today, -back);
      const cost = byDay.get(day) ?? 0n;
      const history = trailingCosts(byDay, day, firstDay, rules.anomaly.trailingDays);
      if (history.length < rules.anomaly.minHistoryDays || cost < floor || cost === 0n) continue;
      const median = medianNanocents(history);
      if (cost < multiplyByFactor(median, rules.anomaly.factor)) continue;
      const name = workspaceName(inputs, key);
      const usual =
        median > 0n ? `${ratioText(cost, median)} its usual ${formatUsd(median)} a day` : 'after days of no spend';
      conditions.push({
        id: `anomaly:ws:${key}:${day}`,
        rule: 'spend-anomaly',
        severity: 'warning',
        targetKind: 'workspace',
        targetId: key,
        targetName: name,
        title: `Unusual spend in ${name} on ${shortDay(day)}`,
        body: `${formatUsd(cost)} on ${shortDay(day)}${day === today ? ' so far' : ''}, ${usual} (median of the previous ${history.length} days).`,
        view: { view: 'spend', id: key },
      });
    }
  }
  return conditions;
}
