/**
 * The tree's key badges in one pass over the usage report: the hygiene verdict (key-hygiene.ts, the same rules and
 * inputs as the key inventory) and an ESTIMATED month-to-date cost. The cost report groups only by workspace and
 * description (admin-api.md, cost_report), so no billed amount exists per key; the usage report's tokens per key
 * and model × the list prices (core/pricing.ts, the table the spend view's estimates use) give the estimate. Per-key
 * usage rows carry no service tier, geo or context window, so list (standard) prices apply: batch traffic is
 * over-estimated, Priority Tier and discounts are not seen. The window labels it an estimate.
 */
import type Database from 'better-sqlite3';
import type { KeyInventoryRow } from '../../../preload/contract';
import { estimateCostPicocents, picocentsToCents } from '../../core/pricing';
import { keyHygiene } from './key-hygiene';
import { tableExists } from './key-inventory';

export interface KeyBadge {
  estimatedMonthCents: string;
  hygiene: Pick<KeyInventoryRow, 'verdict' | 'reason'>;
}

interface KeyRow {
  id: string;
  status: string;
  createdAtMs: number;
  expiresAtMs: number | null;
  createdById: string | null;
  createdByType: string | null;
  creatorKnown: number;
}

interface UsageRow {
  keyId: string;
  model: string | null;
  /** Last day with any tokens for this key and model, all history (the dormant rule). */
  lastDayMs: number | null;
  uncachedInput: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  cacheRead: number;
  output: number;
}

const TOKENS = `(uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens)`;

/** Key id → badge, for every key in the mirror. */
export function readKeyBadges(db: Database.Database, nowMs: number): Map<string, KeyBadge> {
  const keys = db
    .prepare(
      `SELECT k.id, k.status, k.created_at_ms AS createdAtMs, k.expires_at_ms AS expiresAtMs, k.created_by_id AS createdById,
              k.created_by_type AS createdByType, (u.id IS NOT NULL) AS creatorKnown
       FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_id`,
    )
    .all() as KeyRow[];
  const usage = readUsage(db, nowMs);
  const lastDay = new Map<string, number>();
  const picocents = new Map<string, bigint>();
  // Prices in force now: a price change inside the month would price the whole month at the new rate.
  const context = { atMs: nowMs, serviceTier: null, contextWindow: null, inferenceGeo: null };
  for (const row of usage) {
    if (row.lastDayMs !== null && row.lastDayMs > (lastDay.get(row.keyId) ?? -Infinity)) lastDay.set(row.keyId, row.lastDayMs);
    const estimate = estimateCostPicocents(row.model, row, context);
    if (estimate !== null) picocents.set(row.keyId, (picocents.get(row.keyId) ?? 0n) + estimate); // unknown model: no guess
  }
  return new Map(
    keys.map((key) => {
      // As the inventory reads it: only a user creator can have left; service accounts and system keys cannot.
      const creatorIsMember = key.createdById === null || key.createdByType !== 'user' ? null : key.creatorKnown === 1;
      const hygiene = keyHygiene({ ...key, creatorIsMember, lastUsedDayMs: lastDay.get(key.id) ?? null }, nowMs);
      return [key.id, { estimatedMonthCents: picocentsToCents(picocents.get(key.id) ?? 0n), hygiene }];
    }),
  );
}

/** Per key and model: the last day with tokens (all history) and this UTC month's tokens, in one grouped scan. */
function readUsage(db: Database.Database, nowMs: number): UsageRow[] {
  if (!tableExists(db, 'usage_daily')) return [];
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const inMonth = (column: string): string => `SUM(CASE WHEN bucket_start_ms >= @from AND bucket_start_ms < @to THEN ${column} ELSE 0 END)`;
  return db
    .prepare(
      `SELECT api_key_id AS keyId, model, MAX(CASE WHEN ${TOKENS} > 0 THEN bucket_start_ms END) AS lastDayMs,
              ${inMonth('uncached_input_tokens')} AS uncachedInput, ${inMonth('cache_creation_5m_input_tokens')} AS cacheWrite5m,
              ${inMonth('cache_creation_1h_input_tokens')} AS cacheWrite1h, ${inMonth('cache_read_input_tokens')} AS cacheRead,
              ${inMonth('output_tokens')} AS output
       FROM usage_daily WHERE api_key_id IS NOT NULL
       GROUP BY api_key_id, model`,
    )
    .all({ from, to }) as UsageRow[];
}
