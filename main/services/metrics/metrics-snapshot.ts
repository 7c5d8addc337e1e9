/**
 * Every metric the endpoint serves, read from the mirror at one instant through the read models the CLI and the
 * window ask (one truth): spend, forecast, budgets and thresholds from the overview's spend picture
 * (db/queries/overview-spend.ts), spend limits from the limits read model (`clade-admin limits`), tokens from the
 * usage buckets `report usage` sums, keys from the key inventory's one judgement (`clade-admin keys`), members and
 * invites from the people read model (`users`, `invites`), open alerts from the recorded episodes (`alerts`), and
 * each resource's last complete sync from the sync state (`status`). Nothing here computes a figure of its own;
 * it converts units (dollars, seconds, ratios) and names labels.
 *
 * Labels: `workspace` is the workspace's sanitised, unique name (core/metrics/workspace-labels.ts). The
 * organisation's own figure carries an empty `workspace` label (Prometheus stores it without one): select it with
 * `{workspace=""}` and the workspaces with `{workspace!=""}`, so `sum()` over workspaces never counts the org twice.
 */
import type Database from 'better-sqlite3';
import { forecastWorkspaceMonths, openEpisodes, workspaceKey, type Severity } from '../../core/alerts/index';
import { centsToNanocents } from '../../core/money';
import { sanitiseLabelValue, workspaceLabels } from '../../core/metrics/workspace-labels';
import { loadEpisodes, readDefaultWorkspaceId } from '../../db/alerts/index';
import { readJudgedKeyInventory } from '../../db/queries/key-inventory';
import { readLimits } from '../../db/queries/limits';
import { readSpendPicture } from '../../db/queries/overview-spend';
import { readPeople } from '../../db/queries/people';
import { readTokensByWorkspaceModel, TOKEN_TYPES } from '../../db/queries/usage-tokens-window';
import { SyncStateRepo } from '../../db/repos/sync-state-repo';
import { evaluatePostureFromMirror } from '../posture/evaluate-posture';
import { FamilyBuilder, nanocentsToUsd, type MetricFamily } from './metric-families';

/** The organisation's figure: an empty workspace label. */
export const ORG_LABEL = '';
export const TOKEN_WINDOW_DAYS = 30;
const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];

/** What this process counted (not in the mirror): requests its syncs sent to the Admin API. */
export interface ProcessCounters {
  syncRequests: number;
}

export function readMetricsSnapshot(db: Database.Database, nowMs: number, counters: ProcessCounters): MetricFamily[] {
  const picture = readSpendPicture(db, nowMs);
  const labels = workspaceLabels(picture.inputs.workspaces.map((w) => ({ key: workspaceKey(w.id), name: w.name })));
  const label = (key: string) =>
    labels.get(key) ?? (key === 'default' ? 'Default workspace' : sanitiseLabelValue(key) || key);
  // A null workspace (the usage report's and a legacy key's default one) is filed under the default workspace's real
  // id when the mirror knows it, as the spend picture files its cost.
  const defaultId = readDefaultWorkspaceId(db);
  const keyOf = (id: string | null) => id ?? defaultId ?? 'default';
  return [
    ...spendFamilies(db, nowMs, picture, label),
    tokenFamily(db, nowMs, (id) => label(keyOf(id))),
    keyFamily(db, nowMs, picture.rules, (id) => label(keyOf(id))),
    ...peopleFamilies(db, nowMs),
    alertFamily(db),
    ...postureFamilies(db, nowMs),
    syncFamily(db),
    new FamilyBuilder(
      'clade_admin_sync_requests_total',
      'Requests this serve-metrics process sent to the Admin API while syncing (resets when it restarts)',
      [],
      'counter',
    )
      .add({}, counters.syncRequests)
      .build(),
  ];
}

type Picture = ReturnType<typeof readSpendPicture>;

function spendFamilies(db: Database.Database, nowMs: number, picture: Picture, label: (key: string) => string) {
  const spent = new FamilyBuilder(
    'clade_admin_spend_month_to_date_usd',
    'Billed cost this UTC month so far, in US dollars (workspace="" is the organisation)',
    ['workspace'],
  ).set({ workspace: ORG_LABEL }, nanocentsToUsd(picture.org.spentNanocents));
  const open = new Set(picture.inputs.workspaces.filter((w) => w.archivedAtMs === null).map((w) => workspaceKey(w.id)));
  for (const key of new Set([...open, ...picture.workspaces.keys()])) {
    spent.set({ workspace: label(key) }, nanocentsToUsd(picture.workspaces.get(key)?.spentNanocents ?? 0n));
  }
  const forecast = new FamilyBuilder(
    'clade_admin_spend_forecast_month_end_usd',
    "Projected billed cost at the end of this UTC month, in US dollars: the alerts' weekday-aware forecast, capped where a spend limit stops spend",
    ['workspace'],
  );
  if (picture.org.projectedNanocents !== null) {
    forecast.set({ workspace: ORG_LABEL }, nanocentsToUsd(picture.org.projectedNanocents));
    // Each workspace's own projection, capped at its limit as the org's is (the alert core's one forecast).
    const workspaces = forecastWorkspaceMonths(picture.inputs, picture.rules, nowMs);
    for (const key of new Set([...open, ...workspaces.keys()]))
      forecast.set({ workspace: label(key) }, nanocentsToUsd(workspaces.get(key) ?? 0n));
  }
  return [spent.build(), forecast.build(), ...targetFamilies(db, nowMs, picture, label)];
}

/** What spend is measured against: budgets (this profile's settings), spend limits (the API's), the thresholds. */
function targetFamilies(db: Database.Database, nowMs: number, picture: Picture, label: (key: string) => string) {
  const budget = new FamilyBuilder(
    'clade_admin_budget_usd',
    'Monthly budget set in this profile\'s settings, in US dollars (workspace="" is the organisation\'s)',
    ['workspace'],
  );
  const budgets = [
    { key: null as string | null, targets: picture.org.targets },
    ...[...picture.workspaces].map(([key, w]) => ({ key: key as string | null, targets: w.targets })),
  ];
  for (const { key, targets } of budgets)
    for (const target of targets.filter((t) => t.source === 'budget'))
      budget.set({ workspace: key === null ? ORG_LABEL : label(key) }, usd(target.amountCents));
  const limit = new FamilyBuilder(
    'clade_admin_spend_limit_usd',
    'Monthly spend limit set in the Anthropic Console, in US dollars (workspace="" is the organisation\'s)',
    ['workspace'],
  );
  for (const row of readLimits(db, nowMs).spendLimits)
    limit.set(
      { workspace: row.scope === 'organization' ? ORG_LABEL : label(workspaceKey(row.workspaceId)) },
      usd(row.amountCents),
    );
  const thresholds = new FamilyBuilder(
    'clade_admin_alert_threshold_ratio',
    "Share of a budget or spend limit at which this profile's spend alerts fire (spend.thresholdsPct / 100)",
    ['threshold'],
  );
  for (const pct of picture.rules.spend.thresholdsPct) thresholds.set({ threshold: String(pct) }, pct / 100);
  return [limit.build(), budget.build(), thresholds.build()];
}

const usd = (cents: string) => nanocentsToUsd(centsToNanocents(cents));

function tokenFamily(db: Database.Database, nowMs: number, label: (id: string | null) => string): MetricFamily {
  const family = new FamilyBuilder(
    'clade_admin_tokens',
    `Tokens used over the last ${TOKEN_WINDOW_DAYS} UTC days (today included), by workspace, model and token type`,
    ['workspace', 'model', 'type', 'window'],
  );
  for (const row of readTokensByWorkspaceModel(db, nowMs, TOKEN_WINDOW_DAYS).rows) {
    const model = row.model === null ? 'unknown' : sanitiseLabelValue(row.model) || 'unknown';
    for (const type of TOKEN_TYPES)
      family.add({ workspace: label(row.workspaceId), model, type, window: `${TOKEN_WINDOW_DAYS}d` }, row.tokens[type]);
  }
  return family.build();
}

function keyFamily(
  db: Database.Database,
  nowMs: number,
  rules: Picture['rules'],
  label: (id: string | null) => string,
): MetricFamily {
  const family = new FamilyBuilder(
    'clade_admin_api_keys',
    "API keys by workspace, API status and hygiene verdict (the most urgent of the key's verdicts, as `clade-admin keys` shows)",
    ['workspace', 'status', 'verdict'],
  );
  for (const key of readJudgedKeyInventory(db, nowMs, rules))
    family.add({ workspace: label(key.workspaceId), status: key.status, verdict: key.verdict }, 1);
  return family.build();
}

function peopleFamilies(db: Database.Database, nowMs: number): MetricFamily[] {
  const people = readPeople(db, nowMs);
  const members = new FamilyBuilder('clade_admin_members', 'Organisation members by org role', ['role']);
  for (const person of people.members) members.add({ role: person.role }, 1);
  const pending = people.invites.filter((invite) => invite.status === 'pending').length;
  return [
    members.build(),
    new FamilyBuilder('clade_admin_invites_pending', 'Invites still pending (not accepted, deleted or past expiry)', [])
      .set({}, pending)
      .build(),
  ];
}

function alertFamily(db: Database.Database): MetricFamily {
  const family = new FamilyBuilder('clade_admin_open_alerts', 'Open alert episodes by severity', ['severity']);
  for (const severity of SEVERITIES) family.add({ severity }, 0);
  for (const episode of openEpisodes(loadEpisodes(db))) family.add({ severity: episode.severity }, 1);
  return family.build();
}

function syncFamily(db: Database.Database): MetricFamily {
  const family = new FamilyBuilder(
    'clade_admin_sync_last_success_timestamp_seconds',
    'When each mirrored resource last synced completely (Unix time, seconds)',
    ['resource'],
  );
  for (const state of new SyncStateRepo(db).states().values())
    if (state.lastCompleteAtMs !== null) family.set({ resource: state.resource }, state.lastCompleteAtMs / 1000);
  return family.build();
}

/**
 * The access checklist, as `clade-admin posture` and the Posture view evaluate it: the score (0–100, the passing share
 * of applicable items) and each item's outcome (1 pass, 0 fail; a not-applicable item has no sample). Left out while
 * the mirror cannot be trusted (posture's problems, its exit 3): a score would then say nothing about the org, which is
 * also why no daily point is stored then.
 */
function postureFamilies(db: Database.Database, nowMs: number): MetricFamily[] {
  const report = evaluatePostureFromMirror(db, nowMs);
  const score = new FamilyBuilder(
    'clade_admin_posture_score',
    'Access-checklist score, 0 to 100: the share of applicable items that pass (clade-admin posture)',
    [],
  );
  const items = new FamilyBuilder(
    'clade_admin_posture_item_passing',
    'Access-checklist item outcome: 1 passes, 0 fails (a not-applicable item has no sample)',
    ['item'],
  );
  if (report.problems.length === 0) {
    score.set({}, report.score);
    for (const item of report.items)
      if (item.status !== 'not_applicable') items.set({ item: item.id }, item.status === 'pass' ? 1 : 0);
  }
  return [score.build(), items.build()];
}
