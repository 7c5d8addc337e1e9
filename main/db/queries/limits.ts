/**
 * The org's limits in one answer: each workspace's rate-limit overrides next to the org's own limit for the same
 * group and limiter, and each monthly spend limit with month-to-date spend and the dollars left. Spend and its
 * measure against a limit are the overview's (overview-spend.ts: the same month-to-date, percent and crossing day
 * the alerts, tray and tree use); the dollars left are that limit's amount minus that spend, nothing else.
 */
import type Database from 'better-sqlite3';
import { centsToNanocents, nanocentsToCents } from '../../core/money';
import { workspaceKey } from '../../core/alerts/index';
import { readSpendPicture } from './overview-spend';

export interface RateLimitValue {
  type: string;
  value: number | null;
}
export interface OrgRateLimit {
  id: string;
  groupType: string | null;
  /** "Claude Sonnet 5.x" for a model group; the group type otherwise. */
  name: string;
  models: string[];
  limits: RateLimitValue[];
}
export interface WorkspaceRateLimit {
  workspaceId: string;
  workspaceName: string;
  rateLimitId: string;
  name: string;
  type: string;
  value: number | null;
  /** The org's limit for the same group and limiter (the API's `org_limit`, else the mirrored org entry). */
  orgLimit: number | null;
  /** Whole percent of the org's limit; null without one. */
  percentOfOrg: number | null;
}
export interface SpendLimitLeft {
  scope: 'organization' | 'workspace';
  workspaceId: string | null;
  name: string;
  /** Decimal strings of cents. */
  amountCents: string;
  spentCents: string;
  /** Amount minus month-to-date spend; negative once over. */
  leftCents: string;
  percent: number;
  /** UTC day the projection reaches the limit (past when it already did); null when it does not this month. */
  crossingDay: string | null;
}
export interface LimitsAnswer {
  month: string;
  /** The org's spend this month and its month-end forecast, as the overview says them (decimal cents; null: none). */
  spend: { monthToDateCents: string; forecastCents: string | null };
  rateLimits: { organization: OrgRateLimit[]; workspaces: WorkspaceRateLimit[] };
  spendLimits: SpendLimitLeft[];
}

interface OrgRow {
  id: string;
  group_type: string | null;
  display_name: string | null;
  models_json: string;
  limits_json: string;
}
interface WorkspaceRow {
  workspace_id: string;
  workspace_name: string | null;
  rate_limit_id: string;
  group_type: string | null;
  display_name: string | null;
  limits_json: string;
}

export function readLimits(db: Database.Database, nowMs: number): LimitsAnswer {
  const organization = (
    db
      .prepare(
        `SELECT id, group_type, display_name, models_json, limits_json FROM rate_limits ORDER BY display_name, id`,
      )
      .all() as OrgRow[]
  ).map((row): OrgRateLimit => ({
    id: row.id,
    groupType: row.group_type,
    name: row.display_name ?? row.group_type ?? row.id,
    models: (JSON.parse(row.models_json) as string[] | null) ?? [],
    limits: (JSON.parse(row.limits_json) as RateLimitValue[]).map(({ type, value }) => ({ type, value })),
  }));
  const orgLimit = new Map(organization.flatMap((o) => o.limits.map((l) => [`${o.id}|${l.type}`, l.value])));
  const rows = db
    .prepare(
      `SELECT r.workspace_id, w.name AS workspace_name, r.rate_limit_id, r.group_type, r.display_name, r.limits_json
       FROM workspace_rate_limits r LEFT JOIN workspaces w ON w.id = r.workspace_id
       ORDER BY w.name COLLATE NOCASE, r.workspace_id, r.display_name, r.rate_limit_id`,
    )
    .all() as WorkspaceRow[];
  const workspaces = rows.flatMap((row) =>
    (JSON.parse(row.limits_json) as Array<RateLimitValue & { org_limit?: number | null }>).map(
      (limit): WorkspaceRateLimit => {
        const org = limit.org_limit ?? orgLimit.get(`${row.rate_limit_id}|${limit.type}`) ?? null;
        return {
          workspaceId: row.workspace_id,
          workspaceName: row.workspace_name ?? row.workspace_id,
          rateLimitId: row.rate_limit_id,
          name: row.display_name ?? row.group_type ?? row.rate_limit_id,
          type: limit.type,
          value: limit.value,
          orgLimit: org,
          percentOfOrg: org && limit.value !== null ? Math.floor((limit.value * 100) / org) : null,
        };
      },
    ),
  );
  const picture = readSpendPicture(db, nowMs);
  const projected = picture.org.projectedNanocents;
  return {
    month: new Date(nowMs).toISOString().slice(0, 7),
    spend: {
      monthToDateCents: nanocentsToCents(picture.org.spentNanocents),
      forecastCents: projected === null ? null : nanocentsToCents(projected),
    },
    rateLimits: { organization, workspaces },
    spendLimits: readSpendLimitsLeft(picture),
  };
}

function readSpendLimitsLeft(picture: ReturnType<typeof readSpendPicture>): SpendLimitLeft[] {
  const names = new Map(picture.inputs.workspaces.map((w) => [workspaceKey(w.id), w.name]));
  const measured: Array<{ key: string | null; spent: bigint; targets: typeof picture.org.targets }> = [
    { key: null, spent: picture.org.spentNanocents, targets: picture.org.targets },
    ...[...picture.workspaces].map(([key, w]) => ({ key, spent: w.spentNanocents, targets: w.targets })),
  ];
  const out: SpendLimitLeft[] = [];
  for (const { key, spent, targets } of measured) {
    for (const target of targets.filter((t) => t.source === 'limit')) {
      out.push({
        scope: key === null ? 'organization' : 'workspace',
        workspaceId: key === null || key === 'default' ? null : key,
        name:
          key === null ? picture.inputs.org.name : (names.get(key) ?? (key === 'default' ? 'Default workspace' : key)),
        amountCents: target.amountCents,
        spentCents: nanocentsToCents(spent),
        leftCents: nanocentsToCents(centsToNanocents(target.amountCents) - spent),
        percent: target.percent,
        crossingDay: target.crossingDay,
      });
    }
  }
  // The organization first, then the workspace closest to (or furthest past) its limit.
  return out.sort((a, b) =>
    a.scope !== b.scope ? (a.scope === 'organization' ? -1 : 1) : b.percent - a.percent || a.name.localeCompare(b.name),
  );
}
