/**
 * The organization's month-end forecast, the one every surface shows (overview, tray, alerts). It is capped where
 * a spend limit from the API stops spend: a workspace projected past its monthly limit counts at that limit (or at
 * what it has already spent, if that is more), and the whole org at its own limit. Each cap is stated, so the
 * admin sees why the forecast is lower than the run rate ("Production: capped at its $2,000.00 limit").
 * App budgets never cap: they warn, they do not stop spend.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs } from '../types';
import { utcDay } from '../../time';
import { centsToNanocents, formatUsd } from '../../money';
import { projectMonth, weekdayAwareRates } from './forecast';
import { workspaceKey, workspaceName } from './shared';
import { dailyCostFor, firstCostDay } from './spend-targets';

export interface ForecastCap {
  /** null = the organization's own limit. */
  workspaceKey: string | null;
  name: string;
  limitNanocents: bigint;
  /** The projection this limit cut down. */
  uncappedNanocents: bigint;
}

export interface OrgForecast {
  projectedNanocents: bigint;
  /** At the run rate, as if no limit stopped spend. */
  uncappedNanocents: bigint;
  caps: ForecastCap[];
}

/** null when there is too little history to project (as the alerts' forecast rule). */
export function forecastOrgMonth(inputs: AlertInputs, rules: AlertRules, nowMs: number): OrgForecast | null {
  const project = projector(inputs, rules, nowMs);
  const org = project(null);
  if (org === null) return null;
  const caps: ForecastCap[] = [];
  let excess = 0n;
  for (const limit of monthlyLimits(inputs)) {
    if (limit.workspaceKey === null) continue;
    const workspace = project(limit.workspaceKey);
    if (workspace === null) continue;
    const ceiling = ceilingOf(workspace.spentNanocents, limit.nanocents);
    if (workspace.projectedNanocents <= ceiling) continue;
    excess += workspace.projectedNanocents - ceiling;
    caps.push({
      workspaceKey: limit.workspaceKey,
      name: workspaceName(inputs, limit.workspaceKey),
      limitNanocents: limit.nanocents,
      uncappedNanocents: workspace.projectedNanocents,
    });
  }
  let projected = org.projectedNanocents - excess;
  const orgLimit = monthlyLimits(inputs).find((limit) => limit.workspaceKey === null);
  if (orgLimit) {
    const ceiling = ceilingOf(org.spentNanocents, orgLimit.nanocents);
    if (projected > ceiling) {
      caps.push({
        workspaceKey: null,
        name: inputs.org.name,
        limitNanocents: orgLimit.nanocents,
        uncappedNanocents: projected,
      });
      projected = ceiling;
    }
  }
  return { projectedNanocents: projected, uncappedNanocents: org.projectedNanocents, caps };
}

/**
 * Each workspace's month-end forecast (keyed by workspaceKey), for every workspace with cost in the mirror: the same
 * projection the org's forecast sums, capped at the workspace's monthly spend limit exactly as the org's forecast
 * caps it. Empty when there is too little history to project.
 */
export function forecastWorkspaceMonths(inputs: AlertInputs, rules: AlertRules, nowMs: number): Map<string, bigint> {
  const project = projector(inputs, rules, nowMs);
  const limits = new Map(monthlyLimits(inputs).map((limit) => [limit.workspaceKey, limit.nanocents]));
  const out = new Map<string, bigint>();
  for (const key of new Set(inputs.dailyCost.map((row) => workspaceKey(row.workspaceId)))) {
    const workspace = project(key);
    if (workspace === null) return new Map();
    const limit = limits.get(key);
    const ceiling = limit === undefined ? null : ceilingOf(workspace.spentNanocents, limit);
    out.set(key, ceiling !== null && workspace.projectedNanocents > ceiling ? ceiling : workspace.projectedNanocents);
  }
  return out;
}

/** The month's projection of the org (null) or one workspace, from the alerts' weekday-aware rates. */
function projector(inputs: AlertInputs, rules: AlertRules, nowMs: number) {
  const firstDay = firstCostDay(inputs);
  const today = utcDay(nowMs);
  return (key: string | null) => {
    if (firstDay === null) return null;
    const byDay = dailyCostFor(inputs, key);
    const rates = weekdayAwareRates(byDay, today, firstDay, rules);
    return rates === null ? null : projectMonth(byDay, nowMs, rates, -1n);
  };
}

/** A limit stops spend at the limit, or where spend already is when it went past it. */
function ceilingOf(spent: bigint, limit: bigint): bigint {
  return spent > limit ? spent : limit;
}

/** "Production: capped at its $2,000.00 limit" */
export function describeForecastCap(cap: ForecastCap): string {
  return `${cap.name}: capped at its ${formatUsd(cap.limitNanocents)} limit`;
}

function monthlyLimits(inputs: AlertInputs): Array<{ workspaceKey: string | null; nanocents: bigint }> {
  const limits: Array<{ workspaceKey: string | null; nanocents: bigint }> = [];
  for (const limit of inputs.spendLimits) {
    if (limit.period !== 'monthly') continue;
    const nanocents = centsToNanocents(limit.amountCents);
    if (nanocents <= 0n) continue;
    limits.push({ workspaceKey: limit.scope === 'organization' ? null : workspaceKey(limit.workspaceId), nanocents });
  }
  return limits;
}
