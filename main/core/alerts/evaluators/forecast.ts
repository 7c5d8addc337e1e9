/**
 * Projected month-end spend and the day it crosses a budget or limit. Remaining days are estimated per day
 * type (weekday vs weekend, by UTC day) from the average of the last `historyDays` completed days, which may
 * reach into the previous month: on the 2nd there is little of this month to learn from.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { addUtcDays, daysOfUtcMonth, isWeekendDay, ordinal, utcDay, utcMonthOf } from '../../time';
import { formatUsd } from '../money';
import {
  dailyCostFor,
  describeAmount,
  firstCostDay,
  spendTargets,
  targetSlug,
  type SpendTarget,
} from './spend-targets';
import { forecastOrgMonth } from './org-forecast';
import { monthName } from './shared';

export interface DailyRates {
  weekday: bigint;
  weekend: bigint;
}

/** Average cost per weekday and per weekend day over `historyDays` completed days (null: too little data). */
export function weekdayAwareRates(
  byDay: Map<string, bigint>,
  today: string,
  firstDay: string,
  rules: AlertRules,
): DailyRates | null {
  const sums = { weekday: 0n, weekend: 0n };
  const counts = { weekday: 0n, weekend: 0n };
  for (let back = 1; back <= rules.forecast.historyDays; back += 1) {
    const day = addUtcDays(today, -back);
    if (day < firstDay) break;
    const type = isWeekendDay(day) ? 'weekend' : 'weekday';
    sums[type] += byDay.get(day) ?? 0n;
    counts[type] += 1n;
  }
  const observed = counts.weekday + counts.weekend;
  if (observed < BigInt(rules.forecast.minHistoryDays)) return null;
  const overall = (sums.weekday + sums.weekend) / observed;
  return {
    weekday: counts.weekday > 0n ? sums.weekday / counts.weekday : overall,
    weekend: counts.weekend > 0n ? sums.weekend / counts.weekend : overall,
  };
}

export interface MonthProjection {
  /** Spend in the completed days of the month plus the estimate for today and the days left. */
  projectedNanocents: bigint;
  spentNanocents: bigint;
  /** First UTC day on which the projected running total reaches the amount; null when it does not. */
  crossingDay: string | null;
}

/** Walks the month: actual cost for past days, max(actual, estimate) for today, estimates after. */
export function projectMonth(
  byDay: Map<string, bigint>,
  nowMs: number,
  rates: DailyRates,
  amount: bigint,
): MonthProjection {
  const today = utcDay(nowMs);
  let running = 0n;
  let spent = 0n;
  let crossingDay: string | null = null;
  for (const day of daysOfUtcMonth(nowMs)) {
    const actual = byDay.get(day) ?? 0n;
    const estimate = isWeekendDay(day) ? rates.weekend : rates.weekday;
    if (day <= today) spent += actual;
    running += day < today ? actual : day === today ? (actual > estimate ? actual : estimate) : estimate;
    if (crossingDay === null && running >= amount) crossingDay = day;
  }
  return { projectedNanocents: running, spentNanocents: spent, crossingDay };
}

export function evaluateForecast(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  if (!rules.forecast.enabled) return [];
  const firstDay = firstCostDay(inputs);
  if (firstDay === null) return [];
  const today = utcDay(nowMs);
  const conditions: Condition[] = [];
  // The org's month end is the capped one every surface shows: spend limits stop spend before the run rate says.
  const org = forecastOrgMonth(inputs, rules, nowMs);
  for (const target of spendTargets(inputs, rules)) {
    const byDay = dailyCostFor(inputs, target.workspaceKey);
    const rates = weekdayAwareRates(byDay, today, firstDay, rules);
    if (rates === null) continue;
    let projection = projectMonth(byDay, nowMs, rates, target.amountNanocents);
    if (target.workspaceKey === null && org !== null) {
      if (org.projectedNanocents < target.amountNanocents) continue;
      projection = { ...projection, projectedNanocents: org.projectedNanocents };
    }
    // Already over: the threshold rule speaks; a forecast would only repeat it.
    if (projection.crossingDay === null || projection.spentNanocents >= target.amountNanocents) continue;
    conditions.push(forecastCondition(inputs, target, utcMonthOf(nowMs), projection, projection.crossingDay));
  }
  return conditions;
}

function forecastCondition(
  inputs: AlertInputs,
  target: SpendTarget,
  month: string,
  projection: MonthProjection,
  crossingDay: string,
): Condition {
  const what = target.source === 'budget' ? 'budget' : 'limit';
  const dayOfMonth = Number(crossingDay.slice(8, 10));
  return {
    id: `forecast${target.source === 'budget' ? '' : '-limit'}:${targetSlug(target)}:${month}`,
    rule: 'spend-forecast',
    severity: 'warning',
    targetKind: target.workspaceKey === null ? 'organization' : 'workspace',
    targetId: target.workspaceKey ?? inputs.org.id,
    targetName: target.name,
    title: `${target.name} reaches its ${what} around the ${ordinal(dayOfMonth)}`,
    body:
      `Projected ${formatUsd(projection.projectedNanocents)} by the end of ${monthName(month)} against a ` +
      `${formatUsd(target.amountNanocents)} ${describeAmount(target)}; ${formatUsd(projection.spentNanocents)} spent so far.`,
    view: target.workspaceKey === null ? { view: 'spend' } : { view: 'spend', id: target.workspaceKey },
  };
}
