/**
 * The tree's key badges: the hygiene verdict (key-hygiene.ts, the same rules and inputs as the key inventory) and
 * an ESTIMATED month-to-date cost. The cost report groups only by workspace and description (admin-api.md,
 * cost_report), so no billed amount exists per key; the usage report's tokens per key and model × the list prices
 * (core/pricing.ts, the table the spend view's estimates use) give the estimate. Per-key usage rows carry no
 * service tier, geo or context window, so list (standard) prices apply: batch traffic is over-estimated, Priority
 * Tier and discounts are not seen. The window labels it an estimate.
 *
 * Read for every window refresh, so it reads what migration 311 keeps ready instead of grouping the usage
 * history: the month's tokens per key and model from `usage_key_month_rollup` (~2,500 rows for 2,000 keys), and
 * each key's last day with tokens by one seek in the partial index `usage_daily_key_last_used`.
 */
import type Database from 'better-sqlite3';
import type { KeyInventoryRow } from '../../../preload/contract';
import { picocentsToCents } from '../../core/pricing';
import { priceEstimator } from './price-book';
import { cachedStatement } from '../repos/statement-cache';
import type { AlertRules } from '../../core/alerts/index';
import { keyHygiene } from './key-hygiene';
import { readProfileAlertRules } from './profile-rules';

export interface KeyBadge {
  estimatedMonthCents: string;
  hygiene: Pick<KeyInventoryRow, 'verdict' | 'reason'>;
}

/**
 * Each key with its creator's membership and its last day with any tokens (all history: the dormant rule).
 * The token sum must stay written exactly as the partial index's WHERE (migration 311), or the planner falls
 * back to scanning every usage row of the key.
 */
const KEYS_SQL = `
  SELECT k.id, k.status, k.created_at_ms, k.expires_at_ms, k.created_by_id, k.created_by_type, (u.id IS NOT NULL),
         (coalesce(w.is_default, 0) = 1 OR (k.workspace_id IS NULL AND k.scope_type IS NULL)),
         (SELECT MAX(d.bucket_start_ms) FROM usage_daily d
           WHERE d.api_key_id = k.id
             AND (uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens) > 0)
  FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_id LEFT JOIN workspaces w ON w.id = k.workspace_id`;

/** This UTC month's tokens per key and model ('' = no model: no price, never estimated). */
const MONTH_SQL = `
  SELECT api_key_id, model_key, uncached_input_tokens, cache_creation_5m_input_tokens, cache_creation_1h_input_tokens,
         cache_read_input_tokens, output_tokens
  FROM usage_key_month_rollup WHERE month_start_ms = ?`;

type KeyRow = [
  id: string,
  status: string,
  createdAtMs: number,
  expiresAtMs: number | null,
  createdById: string | null,
  createdByType: string | null,
  creatorKnown: number,
  inDefault: number,
  lastDayMs: number | null,
];
type MonthRow = [
  keyId: string,
  model: string,
  uncachedInput: number,
  cacheWrite5m: number,
  cacheWrite1h: number,
  cacheRead: number,
  output: number,
];

/** Key id → badge, for every key in the mirror. */
export function readKeyBadges(
  db: Database.Database,
  nowMs: number,
  rules: AlertRules = readProfileAlertRules(db),
): Map<string, KeyBadge> {
  const picocents = monthEstimates(db, nowMs);
  const badges = new Map<string, KeyBadge>();
  const keys = cachedStatement(db, KEYS_SQL).raw(true).safeIntegers(false).all() as KeyRow[];
  for (const [
    id,
    status,
    createdAtMs,
    expiresAtMs,
    createdById,
    createdByType,
    creatorKnown,
    inDefault,
    lastDayMs,
  ] of keys) {
    // As the inventory reads it: only a user creator can have left; service accounts and system keys cannot.
    const creatorIsMember = createdById === null || createdByType !== 'user' ? null : creatorKnown === 1;
    const hygiene = keyHygiene(
      {
        status,
        createdAtMs,
        expiresAtMs,
        creatorIsMember,
        inDefaultWorkspace: inDefault === 1,
        lastUsedDayMs: lastDayMs,
      },
      rules,
      nowMs,
    );
    badges.set(id, { estimatedMonthCents: picocentsToCents(picocents.get(id) ?? 0n), hygiene });
  }
  return badges;
}

/** Key id → this UTC month's estimated cost in picocents (exact BigInt; keys without a priced model are absent). */
function monthEstimates(db: Database.Database, nowMs: number): Map<string, bigint> {
  const now = new Date(nowMs);
  const monthStartMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  // Prices in force now: a price change inside the month would price the whole month at the new rate.
  const context = { atMs: nowMs, serviceTier: null, contextWindow: null, inferenceGeo: null };
  const picocents = new Map<string, bigint>();
  const priceTokens = priceEstimator(db);
  const rows = cachedStatement(db, MONTH_SQL).raw(true).safeIntegers(false).all(monthStartMs) as MonthRow[];
  for (const [keyId, model, uncachedInput, cacheWrite5m, cacheWrite1h, cacheRead, output] of rows) {
    const tokens = { uncachedInput, cacheWrite5m, cacheWrite1h, cacheRead, output };
    const estimate = priceTokens(model === '' ? null : model, tokens, context);
    if (estimate !== null) picocents.set(keyId, (picocents.get(keyId) ?? 0n) + estimate); // unknown model: no guess
  }
  return picocents;
}
