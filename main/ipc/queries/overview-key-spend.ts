/**
 * Estimated month-to-date cost per API key. The cost report groups only by workspace and description (admin-api.md, cost_report), the
 * usage report can: each workspace's billed cost for a model and token type this month is shared out among
 * its keys by their share of those tokens. The shares add back up to the billed token cost, so the estimate
 * follows what was really charged (batch, geo and long-context prices included) rather than a price list;
 * tokens the usage report attributes to no key (Console, Workbench) keep their share unassigned.
 */
import type Database from 'better-sqlite3';
import { nanocentsToCents } from '../../core/money';
import { tableExists } from './key-inventory';

const TOKEN_COLUMNS: ReadonlyArray<[tokenType: string, column: string]> = [
  ['uncached_input_tokens', 'uncached_input_tokens'],
  ['output_tokens', 'output_tokens'],
  ['cache_read_input_tokens', 'cache_read_input_tokens'],
  ['cache_creation.ephemeral_1h_input_tokens', 'cache_creation_1h_input_tokens'],
  ['cache_creation.ephemeral_5m_input_tokens', 'cache_creation_5m_input_tokens'],
];

interface UsageRow {
  keyId: string | null;
  ws: string;
  model: string;
  [column: string]: string | number | bigint | null;
}

/** Key id → estimated cents this UTC month (only keys with usage this month appear). */
export function readKeyMonthSpend(db: Database.Database, nowMs: number): Map<string, string> {
  if (!tableExists(db, 'usage_daily') || !tableExists(db, 'cost_daily')) return new Map();
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const sums = TOKEN_COLUMNS.map(([, column]) => `SUM(${column}) AS ${column}`).join(', ');
  // One grouped pass over each report; NULL workspace (the default one) compares as ''.
  const usage = db
    .prepare(
      `SELECT api_key_id AS keyId, coalesce(workspace_id, '') AS ws, coalesce(model, '') AS model, ${sums}
       FROM usage_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ?
       GROUP BY api_key_id, coalesce(workspace_id, ''), coalesce(model, '')`,
    )
    .safeIntegers(true)
    .all(from, to) as UsageRow[];
  const costs = db
    .prepare(
      `SELECT coalesce(workspace_id, '') AS ws, model, token_type AS tokenType, SUM(amount_nanocents) AS nanocents
       FROM cost_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? AND currency = 'USD'
         AND model IS NOT NULL AND token_type IS NOT NULL
       GROUP BY coalesce(workspace_id, ''), model, token_type`,
    )
    .safeIntegers(true)
    .all(from, to) as Array<{ ws: string; model: string; tokenType: string; nanocents: bigint }>;
  const costOf = new Map(costs.map((row) => [`${row.ws}|${row.model}|${row.tokenType}`, row.nanocents]));
  const totals = new Map<string, bigint>();
  for (const row of usage) {
    for (const [tokenType, column] of TOKEN_COLUMNS) {
      const id = `${row.ws}|${row.model}|${tokenType}`;
      totals.set(id, (totals.get(id) ?? 0n) + BigInt(row[column] ?? 0));
    }
  }
  const byKey = new Map<string, bigint>();
  for (const row of usage) {
    if (row.keyId === null) continue;
    let share = 0n;
    for (const [tokenType, column] of TOKEN_COLUMNS) {
      const id = `${row.ws}|${row.model}|${tokenType}`;
      const tokens = BigInt(row[column] ?? 0);
      const total = totals.get(id) ?? 0n;
      const cost = costOf.get(id);
      if (tokens > 0n && total > 0n && cost !== undefined) share += (cost * tokens) / total;
    }
    byKey.set(row.keyId, (byKey.get(row.keyId) ?? 0n) + share);
  }
  return new Map([...byKey].map(([keyId, nanocents]) => [keyId, nanocentsToCents(nanocents)]));
}
