/**
 * `queryReport`: usage and cost totals from the mirror only. Usage comes from the daily buckets
 * (workspace × api key × model), cost from the daily buckets (workspace × description). Money is summed as BigInt.
 */
import type Database from 'better-sqlite3';
import { centsToNanocents, nanocentsToCents } from '../../core/money';
import {
  compareGroups,
  coverageDays,
  GROUP_FIELD,
  isComplete,
  resolveReportQuery,
  type ReportQuery,
  type ReportResult,
} from '../../core/report-query';
import { ReportRepo } from '../repos/report-repo';

export interface UsageRow {
  [groupField: string]: unknown;
  uncached_input_tokens: number;
  cache_creation: { ephemeral_1h_input_tokens: number; ephemeral_5m_input_tokens: number };
  cache_read_input_tokens: number;
  output_tokens: number;
  server_tool_use: { web_search_requests: number };
  total_tokens: number;
}

export interface CostRow {
  [groupField: string]: unknown;
  amount_cents: string;
  currency: string;
}

/** What all the rows add up to (also those `--top` leaves out): tokens, or billed cents when one currency. */
export interface ReportTotal {
  total_tokens?: number;
  amount_cents?: string;
  currency?: string;
}

/** Usage and billed cost (cost per key is an estimate: key-cost-estimate.ts; Claude Code: claude-code-report.ts). */
export function queryReport(
  db: Database.Database,
  q: ReportQuery,
): ReportResult<UsageRow | CostRow> & { total: ReportTotal | null } {
  const range = resolveReportQuery(q);
  if (q.kind === 'claude-code' || q.groupBy === 'user' || (q.kind === 'cost' && q.groupBy === 'api_key'))
    throw new Error(`queryReport answers usage and billed cost only, not ${q.kind} by ${q.groupBy}`);
  const resource = q.kind === 'usage' ? 'usage_daily' : 'cost_daily';
  const coverage = new ReportRepo(db).coverage(resource);
  const field = GROUP_FIELD[q.groupBy]; // from a fixed map, never from input
  const rows =
    q.kind === 'usage'
      ? usageRows(db, field, range.fromMs, range.toExclusiveMs)
      : q.groupBy === 'workspace'
        ? costByWorkspaceRows(db, range.fromMs, range.toExclusiveMs)
        : costRows(db, field, range.fromMs, range.toExclusiveMs);
  return {
    kind: q.kind,
    from: q.from,
    to: q.to,
    groupBy: q.groupBy,
    complete: isComplete(range, coverage),
    coverage: coverageDays(coverage),
    rows,
    total: q.kind === 'usage' ? usageTotal(rows as UsageRow[]) : costTotal(rows as CostRow[]),
  };
}

function usageTotal(rows: UsageRow[]): ReportTotal {
  return { total_tokens: rows.reduce((sum, row) => sum + row.total_tokens, 0) };
}

/** Amounts add up only within one currency (the API reports USD); otherwise there is no total. */
function costTotal(rows: CostRow[]): ReportTotal | null {
  const currencies = new Set(rows.map((row) => row.currency));
  if (currencies.size > 1) return null;
  const nanocents = rows.reduce((sum, row) => sum + centsToNanocents(row.amount_cents), 0n);
  return { amount_cents: nanocentsToCents(nanocents), currency: [...currencies][0] ?? 'USD' };
}

function usageRows(db: Database.Database, field: string, fromMs: number, toMs: number): UsageRow[] {
  const sums = db
    .prepare(
      `SELECT ${field} AS grp,
              sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cc1h,
              sum(cache_creation_5m_input_tokens) AS cc5m, sum(cache_read_input_tokens) AS cread,
              sum(output_tokens) AS output, sum(web_search_requests) AS web
       FROM usage_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY ${field}`,
    )
    .all(fromMs, toMs) as Array<{
    grp: string | null;
    uncached: number;
    cc1h: number;
    cc5m: number;
    cread: number;
    output: number;
    web: number;
  }>;
  return sums
    .sort((a, b) => compareGroups(a.grp, b.grp))
    .map((s) => ({
      [field]: s.grp,
      uncached_input_tokens: s.uncached,
      cache_creation: { ephemeral_1h_input_tokens: s.cc1h, ephemeral_5m_input_tokens: s.cc5m },
      cache_read_input_tokens: s.cread,
      output_tokens: s.output,
      server_tool_use: { web_search_requests: s.web },
      total_tokens: s.uncached + s.cc1h + s.cc5m + s.cread + s.output,
    }));
}

function costRows(db: Database.Database, field: string, fromMs: number, toMs: number): CostRow[] {
  const rows = db
    .prepare(
      `SELECT ${field} AS grp, currency, amount_nanocents AS amount FROM cost_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ?`,
    )
    .safeIntegers(true)
    .all(fromMs, toMs) as Array<{ grp: string | null; currency: string; amount: bigint }>;
  return sumCost(field, rows);
}

/**
 * Cost per workspace from the per-day rollup (migration 310: kept by triggers in the same transaction as the
 * rows, so it equals their SUM exactly): SQLite sums ~100 rows a day into one per workspace. Its integer sum()
 * fails loudly on int64 overflow (≈ $92 M in one group) rather than rounding; then the days are summed in BigInt.
 */
function costByWorkspaceRows(db: Database.Database, fromMs: number, toMs: number): CostRow[] {
  const sql = (select: string, tail: string) =>
    `SELECT nullif(workspace_key, '') AS grp, currency, ${select} AS amount
       FROM cost_day_rollup WHERE bucket_start_ms >= ? AND bucket_start_ms < ? ${tail}`;
  type Sum = { grp: string | null; currency: string; amount: bigint };
  let rows: Sum[];
  try {
    rows = db
      .prepare(sql('sum(amount_nanocents)', 'GROUP BY workspace_key, currency'))
      .safeIntegers(true)
      .all(fromMs, toMs) as Sum[];
  } catch (error) {
    if (!(error instanceof Error && /integer overflow/i.test(error.message))) throw error;
    rows = db.prepare(sql('amount_nanocents', '')).safeIntegers(true).all(fromMs, toMs) as Sum[];
  }
  // The cost report writes the default workspace's spend with no id; the mirror knows its id, and every other
  // surface (overview, tree, alerts) files it there, so the report does too.
  const defaultId = defaultWorkspaceId(db);
  return sumCost(
    'workspace_id',
    defaultId === null ? rows : rows.map((row) => (row.grp === null ? { ...row, grp: defaultId } : row)),
  );
}

function defaultWorkspaceId(db: Database.Database): string | null {
  const row = db.prepare(`SELECT id FROM workspaces WHERE is_default = 1 ORDER BY id LIMIT 1`).get() as
    { id: string } | undefined;
  return row?.id ?? null;
}

/** Sums per (group, currency) in BigInt: no float ever touches money, and no int64 sum can overflow. */
function sumCost(field: string, rows: Array<{ grp: string | null; currency: string; amount: bigint }>): CostRow[] {
  const totals = new Map<string, { grp: string | null; currency: string; amount: bigint }>();
  for (const r of rows) {
    const key = JSON.stringify([r.grp, r.currency]);
    const t = totals.get(key);
    if (t) t.amount += r.amount;
    else totals.set(key, { ...r });
  }
  return [...totals.values()]
    .sort((a, b) => compareGroups(a.grp, b.grp) || compareGroups(a.currency, b.currency))
    .map((t) => ({ [field]: t.grp, amount_cents: nanocentsToCents(t.amount), currency: t.currency }));
}
