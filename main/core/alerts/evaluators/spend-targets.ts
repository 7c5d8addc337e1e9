/**
 * The amounts spend is measured against (app budgets and the API's monthly spend limits) and the daily cost
 * series they are compared with. Shared by the threshold and forecast rules.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs } from '../types';
import { centsToNanocents, usdToNanocents } from '../../money';
import { workspaceKey, workspaceName } from './shared';

export interface SpendTarget {
  /** 'budget' = set in the app; 'limit' = a spend limit read from the API. */
  source: 'budget' | 'limit';
  /** null = the whole organization; else the workspace key (id or 'default'). */
  workspaceKey: string | null;
  /** Org name or workspace name, for texts. */
  name: string;
  amountNanocents: bigint;
}

/** Every budget and monthly limit to check; unparseable or non-positive amounts are skipped. */
export function spendTargets(inputs: AlertInputs, rules: AlertRules): SpendTarget[] {
  const targets: SpendTarget[] = [];
  const add = (source: SpendTarget['source'], key: string | null, amount: bigint | null): void => {
    if (amount === null || amount <= 0n) return;
    const name = key === null ? inputs.org.name : workspaceName(inputs, key);
    targets.push({ source, workspaceKey: key, name, amountNanocents: amount });
  };
  if (rules.budgets.orgMonthlyUsd !== null) add('budget', null, usdToNanocents(rules.budgets.orgMonthlyUsd));
  for (const [key, usd] of Object.entries(rules.budgets.workspaceMonthlyUsd)) add('budget', key, usdToNanocents(usd));
  if (rules.spend.useApiSpendLimits) {
    for (const limit of inputs.spendLimits) {
      if (limit.period !== 'monthly') continue;
      const key = limit.scope === 'organization' ? null : workspaceKey(limit.workspaceId);
      add('limit', key, centsToNanocents(limit.amountCents));
    }
  }
  return targets;
}

/** Cost per UTC day for the org (workspaceKey null) or one workspace. */
export function dailyCostFor(inputs: AlertInputs, key: string | null): Map<string, bigint> {
  const byDay = new Map<string, bigint>();
  for (const row of inputs.dailyCost) {
    if (key !== null && workspaceKey(row.workspaceId) !== key) continue;
    byDay.set(row.day, (byDay.get(row.day) ?? 0n) + row.nanocents);
  }
  return byDay;
}

/** The first UTC day the mirror holds cost for: days before it are unknown, not zero. */
export function firstCostDay(inputs: AlertInputs): string | null {
  let first: string | null = null;
  for (const row of inputs.dailyCost) if (first === null || row.day < first) first = row.day;
  return first;
}

/** Id fragment of a target: 'org' or 'ws:<key>'. */
export function targetSlug(target: SpendTarget): string {
  return target.workspaceKey === null ? 'org' : `ws:${target.workspaceKey}`;
}

export function describeAmount(target: SpendTarget): string {
  return target.source === 'budget' ? 'monthly budget' : 'monthly spend limit';
}
