/**
 * Month-to-date spend per workspace and for the org, measured against every budget (app) and monthly spend
 * limit (API), with the day the alerts' weekday-aware projection reaches each one. Reuses the alert core's
 * inputs, targets and forecast, so the overview, the tree badges, the tray and the notifications agree.
 */
import type Database from 'better-sqlite3';
import type { SpendTarget as SpendTargetView } from '../../../preload/contract';
import {
  dailyCostFor,
  describeForecastCap,
  forecastOrgMonth,
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
import { costWindowStartMs } from '../alerts/index';
import { readDailyCost, readMonthlySpendLimits } from './spend';
import { readProfileAlertRules } from './profile-rules';
import { OrganizationRepo } from '../repos/organization-repo';
import { cachedStatement } from '../repos/statement-cache';
import { SyncStateRepo } from '../repos/sync-state-repo';

export interface SpendPicture {
  inputs: AlertInputs;
  rules: AlertRules;
  /** Org month to date and its projection (null: too little history). */
  /** The projection is capped where a spend limit stops spend; `forecastCaps` says which limits did. */
  org: {
    spentNanocents: bigint;
    projectedNanocents: bigint | null;
    forecastCaps: string[];
    targets: SpendTargetView[];
  };
  /** Keyed by workspaceKey (id, or 'default' for the id-less default workspace). */
  workspaces: Map<string, { spentNanocents: bigint; targets: SpendTargetView[] }>;
}

export function readSpendPicture(db: Database.Database, nowMs: number): SpendPicture {
  const rules = readProfileAlertRules(db);
  const inputs = readSpendInputs(db, nowMs, rules);
  return spendPicture(inputs, defaultWorkspaceId(db) === null ? rules : withoutDefaultAlias(rules), nowMs);
}

/** The default workspace's real id when the API listed it (newer shape); null otherwise. */
function defaultWorkspaceId(db: Database.Database): string | null {
  const row = cachedStatement(db, `SELECT id FROM workspaces WHERE is_default = 1 ORDER BY id LIMIT 1`)
    .raw(false)
    .get() as { id: string } | undefined;
  return row?.id ?? null;
}

/**
 * rulesForMirror copies a budget written for `default` onto the default workspace's real id and keeps the
 * `default` entry too. Once the mirror knows that id, all default cost is filed under it, so the `default` entry
 * would be a second, empty row with the same budget: drop it.
 */
function withoutDefaultAlias(rules: AlertRules): AlertRules {
  const { default: alias, ...rest } = rules.budgets.workspaceMonthlyUsd;
  if (alias === undefined) return rules;
  return { ...rules, budgets: { ...rules.budgets, workspaceMonthlyUsd: rest } };
}

/**
 * The part of the alert inputs spend needs (org, workspaces, daily cost, monthly limits, sync state), with cost and
 * limits through the one spend read (db/queries/spend.ts), as the alerts read them. Keys, users, invites and the
 * journal stay empty: no spend rule reads them.
 */
export function readSpendInputs(db: Database.Database, nowMs: number, rules: AlertRules): AlertInputs {
  const org = new OrganizationRepo(db).get();
  const state = new SyncStateRepo(db);
  const workspaces = cachedStatement(
    db,
    `SELECT id, name, is_default, archived_at_ms FROM workspaces ORDER BY name, id`,
  )
    .raw(false)
    .safeIntegers(false)
    .all() as Array<{
    id: string;
    name: string;
    is_default: number;
    archived_at_ms: number | null;
  }>;
  // The cost report files the default workspace under no id; the mirror may know its real one (as the alerts do).
  const defaultId = workspaces.find((w) => w.is_default === 1)?.id ?? null;
  return {
    org: org ? { id: org.id, name: org.name } : { id: 'unknown', name: 'this profile' },
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, tags: {}, archivedAtMs: w.archived_at_ms })),
    keys: [],
    users: [],
    invites: [],
    dailyCost: readDailyCost(db, costWindowStartMs(nowMs, rules), nowMs, defaultId),
    spendLimits: readMonthlySpendLimits(db),
    journal: [],
    sync: state.alertSyncState(),
  };
}

export function spendPicture(inputs: AlertInputs, rules: AlertRules, nowMs: number): SpendPicture {
  const today = new Date(nowMs).toISOString().slice(0, 10);
  const monthFirst = `${today.slice(0, 8)}01`;
  const firstDay = inputs.dailyCost.reduce<string | null>(
    (first, row) => (first === null || row.day < first ? row.day : first),
    null,
  );
  const targets = spendTargets(inputs, rules);
  const perWorkspace = dailyCostByWorkspace(inputs);
  const measure = (key: string | null): { spent: bigint; targets: SpendTargetView[] } => {
    const byDay = key === null ? dailyCostFor(inputs, null) : (perWorkspace.get(key) ?? new Map<string, bigint>());
    const spent = monthToDate(byDay, monthFirst, today);
    const mine = targets.filter((target) => target.workspaceKey === key);
    // Only the org's projection is shown; a workspace needs one only to date its budget or limit crossing.
    if (key !== null && mine.length === 0) return { spent, targets: [] };
    const rates = firstDay === null ? null : weekdayAwareRates(byDay, today, firstDay, rules);
    return { spent, targets: mine.map((target) => targetView(target, spent, byDay, rates, nowMs)) };
  };
  const org = measure(null);
  // The org's forecast is the one the tray and the alerts show: capped where a spend limit stops spend.
  const forecast = forecastOrgMonth(inputs, rules, nowMs);
  const keys = new Set<string>([
    ...perWorkspace.keys(), // every workspace with cost, in the order the rows name them
    ...targets.flatMap((target) => (target.workspaceKey === null ? [] : [target.workspaceKey])),
  ]);
  const workspaces = new Map<string, { spentNanocents: bigint; targets: SpendTargetView[] }>();
  for (const key of keys) {
    const measured = measure(key);
    workspaces.set(key, { spentNanocents: measured.spent, targets: measured.targets });
  }
  return {
    inputs,
    rules,
    org: {
      spentNanocents: org.spent,
      projectedNanocents: forecast?.projectedNanocents ?? null,
      forecastCaps: forecast?.caps.map(describeForecastCap) ?? [],
      targets: org.targets,
    },
    workspaces,
  };
}

function targetView(
  target: SpendTarget,
  spent: bigint,
  byDay: Map<string, bigint>,
  rates: ReturnType<typeof weekdayAwareRates>,
  nowMs: number,
): SpendTargetView {
  const crossingDay =
    rates === null
      ? pastCrossingDay(byDay, nowMs, target.amountNanocents)
      : projectMonth(byDay, nowMs, rates, target.amountNanocents).crossingDay;
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

/**
 * monthToDateNanocents (alerts core) without listing the month's days again for each of 100 workspaces: the
 * keys are `YYYY-MM-DD` days, so this month's days up to today are exactly those from the 1st to today as text.
 */
function monthToDate(byDay: Map<string, bigint>, monthFirst: string, today: string): bigint {
  let total = 0n;
  for (const [day, nanocents] of byDay) if (day >= monthFirst && day <= today) total += nanocents;
  return total;
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
