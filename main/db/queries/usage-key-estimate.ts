/**
 * Estimates per API key. The per-key report (`usage_daily`) has no service tier, context window or geo, so it
 * cannot be priced exactly on its own; the hourly report can, but has no key. So each day's exact estimate for a
 * workspace × model (from `usage_hourly`, batch / US-geo / long-context rates applied, Priority Tier left out) is
 * shared out among that day's keys in proportion to their list-price cost, to the picocent: the shares add up to the
 * exact estimate (largest remainders get the leftover picocents). Where the hourly report has no such cell (the
 * edge of its coverage), a key keeps its list-price estimate. Keys then add up to their workspace, as tokens do.
 */
import type Database from 'better-sqlite3';
import type { TokenCounts } from '../../core/pricing';
import { priceEstimator, type PriceEstimator } from './price-book';
import { DAY_MS } from '../../core/time';
import { tableExists } from './key-inventory';

export interface KeyUsageRow {
  bucket: number;
  ws: string | null;
  model: string | null;
  counts: TokenCounts;
}

const cellOf = (day: number, ws: string | null, model: string | null): string => JSON.stringify([day, ws, model]);

/** One estimate per row (null: the model has no known price), in picocents. */
export function keyEstimates(
  db: Database.Database,
  rows: readonly KeyUsageRow[],
  fromMs: number,
  toMs: number,
  /** Only these workspaces' hourly cells are read (rows from other workspaces keep their list price). */
  workspaces?: ReadonlyArray<string | null>,
): Array<bigint | null> {
  const priceTokens = priceEstimator(db);
  const listPrice = rows.map((row) =>
    priceTokens(row.model, row.counts, {
      atMs: row.bucket,
      serviceTier: null,
      contextWindow: null,
      inferenceGeo: null,
    }),
  );
  const exact = exactDailyEstimates(db, priceTokens, fromMs, toMs, workspaces);
  const cells = new Map<string, number[]>();
  rows.forEach((row, i) => {
    const cell = cellOf(row.bucket, row.ws, row.model);
    cells.set(cell, [...(cells.get(cell) ?? []), i]);
  });
  const out = [...listPrice];
  for (const [cell, members] of cells) {
    const total = exact.get(cell);
    const weights = members.map((i) => listPrice[i] ?? 0n);
    const weightSum = weights.reduce((a, b) => a + b, 0n);
    if (total === undefined || weightSum === 0n) continue;
    shareOut(total, weights).forEach((share, j) => {
      out[members[j]!] = share;
    });
  }
  return out;
}

/** `total` split in proportion to `weights` (sum > 0), exactly: floors, then one more to the largest remainders. */
export function shareOut(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  const shares = weights.map((w) => (total * w) / sum);
  let leftover = total - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = weights
    .map((w, i) => ({ i, remainder: (total * w) % sum }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.i - b.i));
  for (const { i } of byRemainder) {
    if (leftover <= 0n) break;
    shares[i]! += 1n;
    leftover -= 1n;
  }
  return shares;
}

function exactDailyEstimates(
  db: Database.Database,
  priceTokens: PriceEstimator,
  fromMs: number,
  toMs: number,
  workspaces?: ReadonlyArray<string | null>,
): Map<string, bigint> {
  const exact = new Map<string, bigint>();
  if (!tableExists(db, 'usage_hourly') || !tableExists(db, 'report_coverage')) return exact;
  // Only days the hourly report holds from their start: its first day is usually partial (history starts mid-day).
  const coverage = db.prepare(`SELECT from_ms AS fromMs FROM report_coverage WHERE resource = 'usage_hourly'`).get() as
    { fromMs: number } | undefined;
  if (!coverage) return exact;
  const startMs = Math.max(fromMs, Math.ceil(coverage.fromMs / DAY_MS) * DAY_MS);
  const rows = db
    .prepare(
      `SELECT (bucket_start_ms / ${DAY_MS}) * ${DAY_MS} AS day, workspace_id AS ws, model, service_tier AS tier, context_window AS ctx, inference_geo AS geo,
              sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cw1h, sum(cache_creation_5m_input_tokens) AS cw5m,
              sum(cache_read_input_tokens) AS cread, sum(output_tokens) AS output
       FROM usage_hourly WHERE bucket_start_ms >= ? AND bucket_start_ms < ? ${workspaceFilter(workspaces)}
       GROUP BY 1, ws, model, tier, ctx, geo`,
    )
    .all(startMs, toMs, ...(workspaces ?? []).filter((ws) => ws !== null)) as Array<{
    day: number;
    ws: string | null;
    model: string | null;
    tier: string | null;
    ctx: string | null;
    geo: string | null;
    uncached: number;
    cw1h: number;
    cw5m: number;
    cread: number;
    output: number;
  }>;
  for (const r of rows) {
    const counts = {
      uncachedInput: r.uncached,
      cacheWrite5m: r.cw5m,
      cacheWrite1h: r.cw1h,
      cacheRead: r.cread,
      output: r.output,
    };
    const estimate = priceTokens(r.model, counts, {
      atMs: r.day,
      serviceTier: r.tier,
      contextWindow: r.ctx,
      inferenceGeo: r.geo,
    });
    const cell = cellOf(r.day, r.ws, r.model);
    // A cell the hourly report holds counts even when nothing in it has a price (e.g. all Priority Tier): its keys
    // then share zero, rather than falling back to a list price the workspace total would not contain.
    exact.set(cell, (exact.get(cell) ?? 0n) + (estimate ?? 0n));
  }
  return exact;
}

/** `AND workspace_id IN (…)` for the workspaces asked (null: the default workspace's rows), or nothing for all. */
function workspaceFilter(workspaces: ReadonlyArray<string | null> | undefined): string {
  if (workspaces === undefined) return '';
  const ids = workspaces.filter((ws) => ws !== null);
  const parts = [
    ...(ids.length > 0 ? [`workspace_id IN (${ids.map(() => '?').join(', ')})`] : []),
    ...(workspaces.includes(null) ? ['workspace_id IS NULL'] : []),
  ];
  return `AND (${parts.length > 0 ? parts.join(' OR ') : '0'})`;
}
