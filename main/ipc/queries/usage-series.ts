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
import type { UsageGroup, UsageSeries, UsageSeriesQuery } from '../../../preload/contract-usage';
import { nanocentsToCents } from '../../core/money';
import { estimateCostPicocents, nanocentsToPicocents, picocentsToCents, type TokenCounts } from '../../core/pricing';
import { DAY_MS, HOUR_MS } from '../../core/time';
import { tableExists } from './key-inventory';
import { resolveUsageRange } from './usage-range';
import { groupLabeller, uniqueLabels } from './usage-labels';
import { keyEstimates } from './usage-key-estimate';

interface TokenRow {
  bucket: number;
  grp: string | null;
  /** The workspace (key rows only; the estimate is shared out per workspace × model × day). */
  ws?: string | null;
  model: string | null;
  tier: string | null;
  ctx: string | null;
  geo: string | null;
  uncached: number;
  cw1h: number;
  cw5m: number;
  cread: number;
  output: number;
}

interface GroupAcc {
  tokens: number[];
  estimate: bigint[];
  billed: bigint[];
  totals: { input: number; output: number; cacheRead: number; cacheWrite: number };
  estimateTotal: bigint;
  billedTotal: bigint;
  billedTokenTotal: bigint;
  unpriced: number;
}

const TOKEN_SUMS = `sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cw1h,
  sum(cache_creation_5m_input_tokens) AS cw5m, sum(cache_read_input_tokens) AS cread, sum(output_tokens) AS output`;

/** Grouping columns from fixed maps, never from request text. */
const HOURLY_GROUP = { workspace: 'workspace_id', model: 'model' } as const;
const COST_GROUP = { workspace: 'workspace_id', model: 'model' } as const;

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
    estimateBasis: query.groupBy === 'key' ? 'shared-per-key' : 'priced-per-tier',
    groups: [],
    totals: { tokens: emptyBreakdown(), estimateCents: '0', billedCents: billedHere ? '0' : null, billedTokenCents: billedHere ? '0' : null, differenceCents: billedHere ? '0' : null, unpricedTokens: 0, unpricedModels: [] },
  };
  if (query.groupBy === 'key' && query.bucket === 'hour') {
    return { ...base, bucketStartsMs: [], unavailable: 'Usage per API key is kept by day only (the hourly report has no key). Choose days, or group by workspace or model.' };
  }
  if (range.unavailable !== null) return base;

  const count = range.bucketStartsMs.length;
  const groups = new Map<string | null, GroupAcc>();
  const acc = (grp: string | null): GroupAcc => {
    let group = groups.get(grp);
    if (!group) {
      group = {
        tokens: new Array<number>(count).fill(0),
        estimate: new Array<bigint>(count).fill(0n),
        billed: new Array<bigint>(count).fill(0n),
        totals: { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 },
        estimateTotal: 0n,
        billedTotal: 0n,
        billedTokenTotal: 0n,
        unpriced: 0,
      };
      groups.set(grp, group);
    }
    return group;
  };
  const unpricedModels = new Set<string>();
  const indexOf = (bucket: number): number => Math.floor((bucket - range.fromMs) / bucketMs);

  const rows = tokenRows(db, query, bucketMs, range.fromMs, range.toMs);
  const countsOf = (row: TokenRow): TokenCounts => ({ uncachedInput: row.uncached, cacheWrite5m: row.cw5m, cacheWrite1h: row.cw1h, cacheRead: row.cread, output: row.output });
  const perKey = query.groupBy === 'key' ? keyEstimates(db, rows.map((row) => ({ bucket: row.bucket, ws: row.ws ?? null, model: row.model, counts: countsOf(row) })), range.fromMs, range.toMs) : null;
  rows.forEach((row, rowIndex) => {
    const i = indexOf(row.bucket);
    if (i < 0 || i >= count) return;
    const group = acc(row.grp);
    const counts = countsOf(row);
    const total = row.uncached + row.cw1h + row.cw5m + row.cread + row.output;
    group.tokens[i]! += metricTokens(query.metric, row, total);
    group.totals.input += row.uncached;
    group.totals.output += row.output;
    group.totals.cacheRead += row.cread;
    group.totals.cacheWrite += row.cw1h + row.cw5m;
    const estimate = perKey ? perKey[rowIndex]! : estimateCostPicocents(row.model, counts, { atMs: row.bucket, serviceTier: row.tier, contextWindow: row.ctx, inferenceGeo: row.geo });
    if (estimate === null) {
      group.unpriced += total;
      if (total > 0) unpricedModels.add(row.tier && row.tier !== 'standard' && row.tier !== 'batch' ? `${row.model ?? 'unknown model'} (${row.tier} tier)` : (row.model ?? 'unknown model'));
    } else {
      group.estimate[i]! += estimate;
      group.estimateTotal += estimate;
    }
  });
  if (billedHere && query.groupBy !== 'key') {
    for (const row of billedRows(db, COST_GROUP[query.groupBy], range.fromMs, range.toMs)) {
      const i = indexOf(Number(row.bucket));
      if (i < 0 || i >= count) continue;
      const group = acc(row.grp);
      group.billed[i]! += row.nanocents;
      group.billedTotal += row.nanocents;
      if (row.costType === 'tokens') group.billedTokenTotal += row.nanocents;
    }
  }

  const label = groupLabeller(db, query.groupBy);
  const out: Array<UsageGroup & { sortValue: bigint }> = [...groups.entries()].map(([grp, g]) => {
    const tokens = { ...g.totals, total: g.totals.input + g.totals.output + g.totals.cacheRead + g.totals.cacheWrite };
    return {
      key: label.key(grp),
      label: label.label(grp),
      tokens: g.tokens,
      estimateCents: g.estimate.map(picocentsToCents),
      billedCents: billedHere ? g.billed.map(nanocentsToCents) : null,
      totals: {
        tokens,
        estimateCents: picocentsToCents(g.estimateTotal),
        billedCents: billedHere ? nanocentsToCents(g.billedTotal) : null,
        billedTokenCents: billedHere ? nanocentsToCents(g.billedTokenTotal) : null,
        differenceCents: billedHere ? picocentsToCents(nanocentsToPicocents(g.billedTokenTotal) - g.estimateTotal) : null,
        unpricedTokens: g.unpriced,
      },
      sortValue: query.metric === 'cost' ? (billedHere ? nanocentsToPicocents(g.billedTotal) : g.estimateTotal) : BigInt(g.tokens.reduce((a, b) => a + b, 0)),
    };
  });
  out.sort((a, b) => (b.sortValue > a.sortValue ? 1 : b.sortValue < a.sortValue ? -1 : a.label.localeCompare(b.label)));

  const all = [...groups.values()];
  const sum = <T>(pick: (g: GroupAcc) => T, add: (a: T, b: T) => T, zero: T): T => all.reduce((total, g) => add(total, pick(g)), zero);
  const estimateTotal = sum((g) => g.estimateTotal, (a, b) => a + b, 0n);
  const billedTotal = sum((g) => g.billedTotal, (a, b) => a + b, 0n);
  const billedTokenTotal = sum((g) => g.billedTokenTotal, (a, b) => a + b, 0n);
  const tokens = emptyBreakdown();
  for (const group of out) {
    tokens.input += group.totals.tokens.input;
    tokens.output += group.totals.tokens.output;
    tokens.cacheRead += group.totals.tokens.cacheRead;
    tokens.cacheWrite += group.totals.tokens.cacheWrite;
    tokens.total += group.totals.tokens.total;
  }
  return {
    ...base,
    groups: uniqueLabels(out.map(({ sortValue: _sortValue, ...group }) => group)),
    totals: {
      tokens,
      estimateCents: picocentsToCents(estimateTotal),
      billedCents: billedHere ? nanocentsToCents(billedTotal) : null,
      billedTokenCents: billedHere ? nanocentsToCents(billedTokenTotal) : null,
      differenceCents: billedHere ? picocentsToCents(nanocentsToPicocents(billedTokenTotal) - estimateTotal) : null,
      unpricedTokens: sum((g) => g.unpriced, (a, b) => a + b, 0),
      unpricedModels: [...unpricedModels].sort(),
    },
  };
}

function emptyBreakdown(): { input: number; output: number; cacheRead: number; cacheWrite: number; total: number } {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0, total: 0 };
}

function metricTokens(metric: UsageSeriesQuery['metric'], row: TokenRow, total: number): number {
  switch (metric) {
    case 'input':
      return row.uncached;
    case 'output':
      return row.output;
    case 'cache_read':
      return row.cread;
    case 'cache_write':
      return row.cw1h + row.cw5m;
    default:
      return total;
  }
}

function tokenRows(db: Database.Database, query: UsageSeriesQuery, bucketMs: number, fromMs: number, toMs: number): TokenRow[] {
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

function billedRows(db: Database.Database, column: string, fromMs: number, toMs: number): Array<{ bucket: bigint; grp: string | null; costType: string | null; nanocents: bigint }> {
  if (!tableExists(db, 'cost_daily')) return [];
  return db
    .prepare(
      `SELECT bucket_start_ms AS bucket, ${column} AS grp, cost_type AS costType, SUM(amount_nanocents) AS nanocents
       FROM cost_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? GROUP BY bucket_start_ms, grp, cost_type`,
    )
    .safeIntegers(true)
    .all(BigInt(fromMs), BigInt(toMs)) as Array<{ bucket: bigint; grp: string | null; costType: string | null; nanocents: bigint }>;
}
