/**
 * Estimated month-to-date cost per API key: the cost report groups only by workspace and description
 * (admin-api.md, cost_report), so no billed amount exists per key. The usage report does group by key and model;
 * its tokens × the list prices (core/pricing.ts, the same table the spend view's estimates use) give the estimate.
 * The per-key usage rows carry no service tier, geo or context window, so list (standard) prices apply: batch
 * traffic is over-estimated, Priority Tier and discounts are not seen. The window labels it an estimate.
 */
import type Database from 'better-sqlite3';
import { estimateCostPicocents, picocentsToCents } from '../../core/pricing';
import { tableExists } from './key-inventory';

interface KeyModelTokens {
  keyId: string;
  model: string | null;
  uncachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
}

/** Key id → estimated cents this UTC month (keys with priced usage this month only). */
export function readKeyMonthSpend(db: Database.Database, nowMs: number): Map<string, string> {
  if (!tableExists(db, 'usage_daily')) return new Map();
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  // One grouped pass over the month's rows (a 2,000-key org: a few thousand groups).
  const rows = db
    .prepare(
      `SELECT api_key_id AS keyId, model, SUM(uncached_input_tokens) AS uncachedInput,
              SUM(cache_creation_5m_input_tokens) AS cacheWrite5m, SUM(cache_creation_1h_input_tokens) AS cacheWrite1h,
              SUM(cache_read_input_tokens) AS cacheRead, SUM(output_tokens) AS output
       FROM usage_daily WHERE api_key_id IS NOT NULL AND bucket_start_ms >= ? AND bucket_start_ms < ?
       GROUP BY api_key_id, model`,
    )
    .all(from, to) as KeyModelTokens[];
  // Prices in force now: a price change inside the month would price the whole month at the new rate.
  const context = { atMs: nowMs, serviceTier: null, contextWindow: null, inferenceGeo: null };
  const byKey = new Map<string, bigint>();
  for (const row of rows) {
    const picocents = estimateCostPicocents(row.model, row, context);
    if (picocents === null) continue; // a model without a known price: no guess
    byKey.set(row.keyId, (byKey.get(row.keyId) ?? 0n) + picocents);
  }
  return new Map([...byKey].map(([keyId, picocents]) => [keyId, picocentsToCents(picocents)]));
}
