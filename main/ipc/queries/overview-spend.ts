/**
 * Month-to-date spend per workspace and for the org, measured against every budget (app) and monthly spend
 * limit (API), with the day the alerts' weekday-aware projection reaches each one. Reuses the alert core's
 * inputs, targets and forecast, so the overview, the tree badges, the tray and the notifications agree.
 */
import type Database from 'better-sqlite3';
import type { SpendTarget as SpendTargetView } from '../../../preload/contract';
import {
  dailyCostFor,
  monthToDateNanocents,
  percentFloor,
  projectMonth,
  spendTargets,
  weekdayAwareRates,
  workspaceKey,
  type AlertInputs,
  type AlertRules,
  type SpendTarget,
} from '../../core/alerts/index';
import { nanocentsToCents } from '../../core/money';
import { loadAlertRules, readAlertInputs, rulesForMirror } from '../../db/alerts/index';

export interface SpendPicture {
  inputs: AlertInputs;
  rules: AlertRules;
  /** Org month to date and its projection (null: too little history). */
  org: { spentNanocents: bigint; projectedNanocents: bigint | null; targets: SpendTargetView[] };
  /** Keyed by workspaceKey (id, or 'default' for the id-less default workspace). */
  workspaces: Map<string, { spentNanocents: bigint; targets: SpendTargetView[] }>;
}

/** The local time zone only matters to quiet hours in the rules; spend is measured in UTC months. */
const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function readSpendPicture(db: Database.Database, nowMs: number): SpendPicture {
  const rules = rulesForMirror(db, loadAlertRules(db, localTimeZone()));
  const inputs = readAlertInputs(db, nowMs, rules);
  return spendPicture(inputs, rules, nowMs);
}

export function spendPicture(inputs: AlertInputs, rules: AlertRules, nowMs: number): SpendPicture {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const firstDay = inputs.dailyCost.reduce<string | null>((first, row) => (first === null || row.day < first ? row.day : first), null);
  const targets = spendTargets(inputs, rules);
  const perWorkspace = dailyCostByWorkspace(inputs);
  const measure = (key: string | null): { spent: bigint; projected: bigint | null; targets: SpendTargetView[] } => {
    const byDay = key === null ? dailyCostFor(inputs, null) : (perWorkspace.get(key) ?? new Map<string, bigint>());
    const spent = monthToDateNanocents(byDay, nowMs);
    const rates = firstDay === null ? null : weekdayAwareRates(byDay, today, firstDay, rules);
    // No budget to cross: project against an unreachable amount, only the total matters.
    const projected = rates === null ? null : projectMonth(byDay, nowMs, rates, -1n).projectedNanocents;
    const mine = targets.filter((target) => target.workspaceKey === key);
    return { spent, projected, targets: mine.map((target) => targetView(target, spent, byDay, rates, nowMs)) };
  };
  const org = measure(null);
  const keys = new Set<string>([
    ...inputs.dailyCost.map((row) => workspaceKey(row.workspaceId)),
    ...targets.flatMap((target) => (target.workspaceKey === null ? [] : [target.workspaceKey])),
  ]);
  const workspaces = new Map<string, { spentNanocents: bigint; targets: SpendTargetView[] }>();
  for (const key of keys) {
    const measured = measure(key);
    workspaces.set(key, { spentNanocents: measured.spent, targets: measured.targets });
  }
  return { inputs, rules, org: { spentNanocents: org.spent, projectedNanocents: org.projected, targets: org.targets }, workspaces };
}

function targetView(
  target: SpendTarget,
  spent: bigint,
  byDay: Map<string, bigint>,
  rates: ReturnType<typeof weekdayAwareRates>,
  nowMs: number,
): SpendTargetView {
  const crossingDay = rates === null ? pastCrossingDay(byDay, nowMs, target.amountNanocents) : projectMonth(byDay, nowMs, rates, target.amountNanocents).crossingDay;
  return {
    source: target.source,
    amountCents: nanocentsToCents(target.amountNanocents),
    percent: percentFloor(spent, target.amountNanocents),
    crossingDay,
  };
}

/** Without a projection, the day actual spend already reached the amount (or null). */
function pastCrossingDay(byDay: Map<string, bigint>, nowMs: number, amount: bigint): string | null {
  const month = new Date(nowMs).toISOString().slice(0, 7);
  const today = new Date(nowMs).toISOString().slice(0, 10);
  let running = 0n;
  for (const day of [...byDay.keys()].filter((d) => d.startsWith(month) && d <= today).sort()) {
    running += byDay.get(day) ?? 0n;
    if (running >= amount) return day;
  }
  return null;
}

/** dailyCostFor for every workspace in one pass (a large org has 100 workspaces × 35 days of rows). */
function dailyCostByWorkspace(inputs: AlertInputs): Map<string, Map<string, bigint>> {
  const result = new Map<string, Map<string, bigint>>();
  for (const row of inputs.dailyCost) {
    const key = workspaceKey(row.workspaceId);
    let byDay = result.get(key);
    if (!byDay) result.set(key, (byDay = new Map()));
    byDay.set(row.day, (byDay.get(row.day) ?? 0n) + row.nanocents);
  }
  return result;
}
