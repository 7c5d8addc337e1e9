/**
 * The month at a glance for the tray menu and `status`: org month-to-date spend, its weekday-aware
 * projection, the org budget if any, and the top workspaces by spend this month. Same arithmetic as the
 * alert rules, so the menu and the notifications never disagree.
 */
import type { AlertRules } from './rules';
import type { AlertInputs } from './types';
import { utcDay, utcMonthOf } from '../time';
import { projectMonth, weekdayAwareRates } from './evaluators/forecast';
import { describeForecastCap, forecastOrgMonth } from './evaluators/org-forecast';
import { dailyCostFor, firstCostDay } from './evaluators/spend-targets';
import { monthToDateNanocents } from './evaluators/spend-thresholds';
import { workspaceKey, workspaceName } from './evaluators/shared';
import { usdToNanocents } from './money';

export interface WorkspaceSpend {
  /** Workspace id, or 'default' for the id-less default workspace. */
  workspaceKey: string;
  name: string;
  spentNanocents: bigint;
}

export interface MonthSpendSummary {
  /** `YYYY-MM`, UTC. */
  month: string;
  spentNanocents: bigint;
  /** null when there is too little history to project; capped where a spend limit stops spend (org-forecast.ts). */
  projectedNanocents: bigint | null;
  /** The limits that cap the projection, in words ("Production: capped at its $2,000.00 limit"). */
  forecastCaps: string[];
  /** The org budget from the rules; null when none is set. */
  budgetNanocents: bigint | null;
  /** UTC day the projection reaches the budget; null without a budget, projection or crossing. */
  budgetCrossingDay: string | null;
  /** Highest month-to-date spend first, ties by name; at most `top` entries, zero-spend workspaces left out. */
  topWorkspaces: WorkspaceSpend[];
}

export function summarizeMonthSpend(inputs: AlertInputs, rules: AlertRules, nowMs: number, top = 3): MonthSpendSummary {
  const org = dailyCostFor(inputs, null);
  const budget = rules.budgets.orgMonthlyUsd === null ? null : usdToNanocents(rules.budgets.orgMonthlyUsd);
  const firstDay = firstCostDay(inputs);
  const rates = firstDay === null ? null : weekdayAwareRates(org, utcDay(nowMs), firstDay, rules);
  // With no budget, project against an unreachable amount: only the total matters then.
  const projection = rates === null ? null : projectMonth(org, nowMs, rates, budget ?? -1n);
  const keys = new Set(inputs.dailyCost.map((row) => workspaceKey(row.workspaceId)));
  const topWorkspaces = [...keys]
    .map((key) => ({
      workspaceKey: key,
      name: workspaceName(inputs, key),
      spentNanocents: monthToDateNanocents(dailyCostFor(inputs, key), nowMs),
    }))
    .filter((entry) => entry.spentNanocents > 0n)
    .sort((a, b) =>
      a.spentNanocents === b.spentNanocents
        ? a.name.localeCompare(b.name)
        : a.spentNanocents > b.spentNanocents
          ? -1
          : 1,
    )
    .slice(0, top);
  const forecast = forecastOrgMonth(inputs, rules, nowMs);
  return {
    month: utcMonthOf(nowMs),
    spentNanocents: monthToDateNanocents(org, nowMs),
    projectedNanocents: forecast?.projectedNanocents ?? null,
    forecastCaps: forecast?.caps.map(describeForecastCap) ?? [],
    budgetNanocents: budget,
    budgetCrossingDay: budget !== null && projection !== null ? projection.crossingDay : null,
    topWorkspaces,
  };
}
