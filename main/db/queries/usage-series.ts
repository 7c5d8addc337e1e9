/**
 * Usage and cost per bucket (hour or day) and group (workspace, key, model) for the usage chart and its table,
 * read from the mirror only.
 *
 * Where each number comes from (the mirror holds what report-rows.ts syncs):
 * - workspace / model: tokens from `usage_hourly` (workspace × model × tier × context window × geo), so the
 *   estimate applies the batch, US-geo and long-context multipliers exactly; days are sums of hours.
 * - key: tokens from `usage_daily` (workspace × key × model) — no tier there, so each workspace × model × day's
 *   exact estimate is shared out among its keys (usage-key-estimate.ts); hourly per-key usage is not kept at all.
 * - billed: `cost_daily` (workspace × description), daily only, so it exists for days grouped by workspace or model.
 * Money sums are BigInt (estimate in picocents, billed in nanocents) and leave as decimal strings of cents.
 */
import type Database from 'better-sqlite3';
import type { UsageSeries, UsageSeriesQuery } from '../../../preload/contract-usage';
import { UsageAccumulator, type TokenSums } from './usage-accumulator';
import type { TokenCounts } from '../../core/pricing';
import { priceEstimator } from './price-book';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { tableExists } from './key-inventory';
import { resolveUsageRange } from './usage-range';
import { groupLabeller, uniqueLabels } from './usage-labels';
import { keyEstimates } from './usage-key-estimate';

interface TokenRow extends TokenSums {
  bucket: number;
  grp: string | null;
  /** The workspace (key rows only; the estimate is shared out per workspace × model × day). */
  ws?: string | null;
  model: string | null;
  tier: string | null;
  ctx: string | null;
  geo: string | null;
}

const TOKEN_SUMS = `sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cw1h,
  sum(cache_creation_5m_input_tokens) AS cw5m, sum(cache_read_input_tokens) AS cread, sum(output_tokens) AS output`;

/** Grouping columns from fixed maps, never from request text. */
const HOURLY_GROUP = { workspace: 'workspace_id', model: 'model' } as const;
const COST_GROUP = { workspace: 'workspace_id', model: 'model' } as const;

const countsOf = (row: TokenSums): TokenCounts => ({
  uncachedInput: row.uncached,
  cacheWrite5m: row.cw5m,
  cacheWrite1h: row.cw1h,
  cacheRead: row.cread,
  output: row.output,
});

/** How a row without a known price is named in the "tokens without a known price" note. */
function unpricedName(row: TokenRow): string {
  const model = row.model ?? 'unknown model';
  return row.tier && row.tier !== 'standard' && row.tier !== 'batch' ? `${model} (${row.tier} tier)` : model;
}

export function readUsageSeries(db: Database.Database, query: UsageSeriesQuery, nowMs: number): UsageSeries {
  const range = resolveUsageRange(query.range, query.bucket, nowMs);
  const bucketMs = query.bucket === 'hour' ? HOUR_MS : DAY_MS;
  const billedHere = query.bucket === 'day' && query.groupBy !== 'key';
  const base: UsageSeries = {
    bucket: query.bucket,
    groupBy: query.groupBy,
    metric: query.metric,
    currency: 'USD',
    fromMs: range.fromMs,
    toMs: range.toMs,
    bucketStartsMs: range.bucketStartsMs,
    unavailable: range.unavailable,
    billed: billedHere ? 'available' : query.groupBy === 'key' ? 'not-per-key' : 'not-hourly',
    billedCoverage: billedHere ? costCoverage(db) : null,
    estimateBasis: query.groupBy === 'key' ? 'shared-per-key' : 'priced-per-tier',
    ...new UsageAccumulator(0, query.metric).finish(billedHere, { key: String, label: String }),
  };
  if (query.groupBy === 'key' && query.bucket === 'hour') {
    return {
      ...base,
      bucketStartsMs: [],
      unavailable:
        'Usage per API key is kept by day only (the hourly report has no key). Choose days, or group by workspace or model.',
    };
  }
  if (range.unavailable !== null) return base;

  const sums = new UsageAccumulator(range.bucketStartsMs.length, query.metric);
  const indexOf = (bucket: number): number => Math.floor((bucket - range.fromMs) / bucketMs);
  const rows = tokenRows(db, query, bucketMs, range.fromMs, range.toMs);
  const priceTokens = priceEstimator(db);
  const perKey =
    query.groupBy === 'key'
      ? keyEstimates(
          db,
          rows.map((row) => ({ bucket: row.bucket, ws: row.ws ?? null, model: row.model, counts: countsOf(row) })),
          range.fromMs,
          range.toMs,
        )
      : null;
  rows.forEach((row, n) => {
    const estimate = perKey
      ? perKey[n]!
      : priceTokens(row.model, countsOf(row), {
          atMs: row.bucket,
          serviceTier: row.tier,
          contextWindow: row.ctx,
          inferenceGeo: row.geo,
        });
    sums.addTokens(row.grp, indexOf(row.bucket), row, estimate, unpricedName(row));
  });
  if (billedHere && query.groupBy !== 'key') {
    for (const row of billedRows(db, COST_GROUP[query.groupBy], range.fromMs, range.toMs)) {
      sums.addBilled(row.grp, indexOf(Number(row.bucket)), row.nanocents, row.costType);
    }
  }
  const { groups, totals } = sums.finish(billedHere, groupLabeller(db, query.groupBy));
  return { ...base, groups: uniqueLabels(groups), totals };
}

function costCoverage(db: Database.Database): { fromMs: number; toMs: number } | null {
  if (!tableExists(db, 'report_coverage')) return null;
  const row = db
    .prepare(`SELECT from_ms AS fromMs, to_ms AS toMs FROM report_coverage WHERE resource = 'cost_daily'`)
    .get() as { fromMs: number; toMs: number } | undefined;
  return row ?? null;
}

function tokenRows(
  db: Database.Database,
  query: UsageSeriesQuery,
  bucketMs: number,
  fromMs: number,
  toMs: number,
): TokenRow[] {
  if (query.groupBy === 'key') {
    if (!tableExists(db, 'usage_daily')) return [];
    return db
      .prepare(
        `SELECT bucket_start_ms AS bucket, api_key_id AS grp, workspace_id AS ws, model, NULL AS tier, NULL AS ctx, NULL AS geo, ${TOKEN_SUMS}
         FROM usage_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY bucket_start_ms, api_key_id, workspace_id, model`,
      )
      .all(fromMs, toMs) as TokenRow[];
  }
  if (!tableExists(db, 'usage_hourly')) return [];
  const column = HOURLY_GROUP[query.groupBy];
  // Hours fold into days in SQL (integer division by a constant, not a bound parameter, which could bind as a
  // real), at the pricing grain (model, tier, context window, geo).
  const width = bucketMs === HOUR_MS ? HOUR_MS : DAY_MS;
  return db
    .prepare(
      `SELECT (bucket_start_ms / ${width}) * ${width} AS bucket, ${column} AS grp, model, service_tier AS tier, context_window AS ctx, inference_geo AS geo, ${TOKEN_SUMS}
       FROM usage_hourly WHERE bucket_start_ms >= ? AND bucket_start_ms < ?
       GROUP BY 1, grp, model, tier, ctx, geo`,
    )
    .all(fromMs, toMs) as TokenRow[];
}

function billedRows(
  db: Database.Database,
  column: string,
  fromMs: number,
  toMs: number,
): Array<{ bucket: bigint; grp: string | null; costType: string | null; nanocents: bigint }> {
  if (!tableExists(db, 'cost_daily')) return [];
  return db
    .prepare(
      `SELECT bucket_start_ms AS bucket, ${column} AS grp, cost_type AS costType, SUM(amount_nanocents) AS nanocents
       FROM cost_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY bucket_start_ms, grp, cost_type`,
    )
    .safeIntegers(true)
    .all(BigInt(fromMs), BigInt(toMs)) as Array<{
    bucket: bigint;
    grp: string | null;
    costType: string | null;
    nanocents: bigint;
  }>;
}
