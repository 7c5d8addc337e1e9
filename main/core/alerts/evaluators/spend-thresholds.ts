/**
 * Month-to-date spend against each budget and monthly spend limit. Only the highest threshold reached is a
 * condition, so crossing 95 % after 80 % opens a new episode (and closes the 80 % one) instead of stacking
 * four notifications; the month in the id makes the 1st of the next month (00:00 UTC) close them all.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition, Severity } from '../types';
import { daysOfUtcMonth, utcDay, utcMonthOf } from '../../time';
import { formatUsd, percentFloor, reachesPercent } from '../money';
import { dailyCostFor, describeAmount, spendTargets, targetSlug, type SpendTarget } from './spend-targets';
import { monthName } from './shared';

/** Spend in the UTC month holding `nowMs`, up to and including today. */
export function monthToDateNanocents(byDay: Map<string, bigint>, nowMs: number): bigint {
  const today = utcDay(nowMs);
  let total = 0n;
  for (const day of daysOfUtcMonth(nowMs)) if (day <= today) total += byDay.get(day) ?? 0n;
  return total;
}

function severityOf(threshold: number): Severity {
  if (threshold >= 100) return 'critical';
  return threshold >= 80 ? 'warning' : 'info';
}

export function evaluateSpendThresholds(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const month = utcMonthOf(nowMs);
  const thresholds = [...rules.spend.thresholdsPct].sort((a, b) => b - a);
  const conditions: Condition[] = [];
  for (const target of spendTargets(inputs, rules)) {
    const spent = monthToDateNanocents(dailyCostFor(inputs, target.workspaceKey), nowMs);
    const reached = thresholds.find((threshold) => reachesPercent(spent, target.amountNanocents, threshold));
    if (reached === undefined) continue;
    conditions.push(thresholdCondition(inputs, target, month, reached, spent));
  }
  return conditions;
}

function thresholdCondition(
  inputs: AlertInputs,
  target: SpendTarget,
  month: string,
  threshold: number,
  spent: bigint,
): Condition {
  const prefix = target.source === 'budget' ? 'spend' : 'spend-limit';
  const what = describeAmount(target);
  const title =
    threshold >= 100
      ? `${target.name} has reached its ${what}`
      : `${target.name} has used ${threshold} % of its ${what}`;
  const percent = percentFloor(spent, target.amountNanocents);
  return {
    id: `${prefix}:${targetSlug(target)}:${month}:${threshold}`,
    rule: 'spend-threshold',
    severity: severityOf(threshold),
    targetKind: target.workspaceKey === null ? 'organization' : 'workspace',
    targetId: target.workspaceKey ?? inputs.org.id,
    targetName: target.name,
    title,
    body: `${formatUsd(spent)} of ${formatUsd(target.amountNanocents)} spent in ${monthName(month)} (${percent} %).`,
    view: target.workspaceKey === null ? { view: 'spend' } : { view: 'spend', id: target.workspaceKey },
  };
}
