/**
 * ESTIMATED cost per API key over whole UTC days: `report cost --group-by api_key` and the key details panel.
 *
 * Billed cost has no key dimension (the cost report groups by workspace and description only, admin-api.md §4.2),
 * so a per-key amount can only be an estimate: the usage report's tokens per key and model (`usage_daily`) priced
 * with core/pricing.ts, each workspace × model × day's tier-aware estimate shared out among its keys
 * (usage-key-estimate.ts) — the very numbers the usage chart shows per key, so the two never disagree. It leaves
 * out Priority Tier, discounts, credits, web search and code execution; models without a published price are
 * counted as unpriced tokens, never guessed. The billed total for the same days comes alongside for comparison,
 * and is never claimed to equal the estimate.
 */
import type Database from 'better-sqlite3';
import { picocentsToCents } from '../../core/money';
import {
  coverageDays,
  isComplete,
  resolveReportQuery,
  type ReportResult,
  type ResolvedRange,
} from '../../core/report-query';
import { DAY_MS, utcDay } from '../../core/time';
import { ReportRepo } from '../repos/report-repo';
import { tableExists } from './key-inventory';
import { queryReport } from './report-query';
import { keyEstimates } from './usage-key-estimate';

export const KEY_ESTIMATE_BASIS =
  'estimate, not billed: the cost report has no API key dimension, so each key is priced from its usage tokens per ' +
  'model with Anthropic’s published list prices, each workspace, model and day scaled to its batch / US-geo / ' +
  'long-context rates; Priority Tier, discounts, credits, web search and code execution are not included';

export interface KeyCostEstimate {
  /** Picocents (exact); 0 when nothing of the key's usage has a known price. */
  picocents: bigint;
  tokens: number;
  /** Tokens of models without a known price: not in the estimate. */
  unpricedTokens: number;
}

interface TokenRow {
  bucket: number;
  key: string | null;
  ws: string | null;
  model: string | null;
  uncached: number;
  cw1h: number;
  cw5m: number;
  cread: number;
  output: number;
}

/**
 * Key id (null: usage without a key, Console and Workbench) → its estimate over [fromMs, toExclusiveMs). With
 * `onlyKeyId`, only that key, reading only its workspaces: a key's share depends on the other keys of its
 * workspace × model × day and on nothing outside them, so the answer is the same, read in a fraction of the time.
 */
export function estimateKeyCosts(
  db: Database.Database,
  range: ResolvedRange,
  onlyKeyId?: string,
): Map<string | null, KeyCostEstimate> {
  const out = new Map<string | null, KeyCostEstimate>();
  if (!tableExists(db, 'usage_daily')) return out;
  const workspaces =
    onlyKeyId === undefined
      ? undefined
      : (
          db
            .prepare(
              `SELECT DISTINCT workspace_id AS ws FROM usage_daily
               WHERE api_key_id = ? AND bucket_start_ms >= ? AND bucket_start_ms < ?`,
            )
            .all(onlyKeyId, range.fromMs, range.toExclusiveMs) as Array<{ ws: string | null }>
        ).map((r) => r.ws);
  if (workspaces?.length === 0) return out;
  // The usage chart's per-key rows exactly (usage-series.ts): the same grain is what makes the shares the same.
  const where = workspaces === undefined ? '' : workspaceWhere(workspaces);
  const rows = db
    .prepare(
      `SELECT bucket_start_ms AS bucket, api_key_id AS key, workspace_id AS ws, model,
              sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cw1h,
              sum(cache_creation_5m_input_tokens) AS cw5m, sum(cache_read_input_tokens) AS cread, sum(output_tokens) AS output
       FROM usage_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ? ${where}
       GROUP BY bucket_start_ms, api_key_id, workspace_id, model`,
    )
    .all(range.fromMs, range.toExclusiveMs, ...(workspaces ?? []).filter((ws) => ws !== null)) as TokenRow[];
  // A key's share depends on the other keys of its workspace × model × day, so all rows are shared out first.
  const estimates = keyEstimates(
    db,
    rows.map((r) => ({
      bucket: r.bucket,
      ws: r.ws,
      model: r.model,
      counts: {
        uncachedInput: r.uncached,
        cacheWrite5m: r.cw5m,
        cacheWrite1h: r.cw1h,
        cacheRead: r.cread,
        output: r.output,
      },
    })),
    range.fromMs,
    range.toExclusiveMs,
    workspaces,
  );
  rows.forEach((r, i) => {
    if (onlyKeyId !== undefined && r.key !== onlyKeyId) return;
    const tokens = r.uncached + r.cw1h + r.cw5m + r.cread + r.output;
    const sum = out.get(r.key) ?? { picocents: 0n, tokens: 0, unpricedTokens: 0 };
    const estimate = estimates[i];
    sum.tokens += tokens;
    if (estimate === null || estimate === undefined) sum.unpricedTokens += tokens;
    else sum.picocents += estimate;
    out.set(r.key, sum);
  });
  return out;
}

export interface KeyCostRow {
  api_key_id: string | null;
  api_key_name: string | null;
  workspace_id: string | null;
  workspace_name: string | null;
  total_tokens: number;
  estimated_amount_cents: string;
  unpriced_tokens: number;
}

export interface KeyCostReport extends ReportResult<KeyCostRow> {
  estimate: true;
  basis: string;
  currency: 'USD';
  total: { total_tokens: number; estimated_amount_cents: string; unpriced_tokens: number };
  /** Billed cost of the same days (every workspace and cost type), for comparison only; not per key. */
  billed: { amount_cents: string; currency: 'USD'; complete: boolean };
}

export function queryKeyCostReport(db: Database.Database, q: { from: string; to: string }): KeyCostReport {
  const range = resolveReportQuery({ kind: 'cost', from: q.from, to: q.to, groupBy: 'api_key' });
  const coverage = new ReportRepo(db).coverage('usage_daily');
  const keys = keyDirectory(db);
  const rows: KeyCostRow[] = [];
  let picocents = 0n;
  let tokens = 0;
  let unpriced = 0;
  for (const [id, e] of estimateKeyCosts(db, range)) {
    const key = id === null ? undefined : keys.get(id);
    rows.push({
      api_key_id: id,
      api_key_name: key?.name ?? null,
      workspace_id: key?.workspaceId ?? null,
      workspace_name: key ? key.workspaceName : null,
      total_tokens: e.tokens,
      estimated_amount_cents: picocentsToCents(e.picocents),
      unpriced_tokens: e.unpricedTokens,
    });
    picocents += e.picocents;
    tokens += e.tokens;
    unpriced += e.unpricedTokens;
  }
  rows.sort((a, b) => ((a.api_key_id ?? '') < (b.api_key_id ?? '') ? -1 : 1));
  return {
    kind: 'cost',
    from: q.from,
    to: q.to,
    groupBy: 'api_key',
    estimate: true,
    basis: KEY_ESTIMATE_BASIS,
    currency: 'USD',
    complete: isComplete(range, coverage),
    coverage: coverageDays(coverage),
    rows,
    total: { total_tokens: tokens, estimated_amount_cents: picocentsToCents(picocents), unpriced_tokens: unpriced },
    billed: billedTotal(db, q),
  };
}

function billedTotal(db: Database.Database, q: { from: string; to: string }): KeyCostReport['billed'] {
  // The billed report's own total (report-query.ts), so this line and `report cost` never disagree.
  const billed = queryReport(db, { kind: 'cost', from: q.from, to: q.to, groupBy: 'workspace' });
  return { amount_cents: billed.total?.amount_cents ?? '0', currency: 'USD', complete: billed.complete };
}

function workspaceWhere(workspaces: ReadonlyArray<string | null>): string {
  const ids = workspaces.filter((ws) => ws !== null);
  const parts = [
    ...(ids.length > 0 ? [`workspace_id IN (${ids.map(() => '?').join(', ')})`] : []),
    ...(workspaces.includes(null) ? ['workspace_id IS NULL'] : []),
  ];
  return `AND (${parts.join(' OR ')})`;
}

/** Days the key details panel estimates: the usage chart's "30 days" (today and the 29 UTC days before). */
export const KEY_ESTIMATE_DAYS = 30;

export interface KeyEstimate30d {
  keyId: string;
  fromDay: string;
  toDay: string;
  estimateCents: string;
  tokens: number;
  unpricedTokens: number;
}

/** One key's estimate over the last 30 UTC days (today included), for the key details panel. */
export function readKeyEstimate30d(db: Database.Database, keyId: string, nowMs: number): KeyEstimate30d {
  const todayMs = Math.floor(nowMs / DAY_MS) * DAY_MS;
  const range = { fromMs: todayMs - (KEY_ESTIMATE_DAYS - 1) * DAY_MS, toExclusiveMs: todayMs + DAY_MS };
  const e = estimateKeyCosts(db, range, keyId).get(keyId);
  return {
    keyId,
    fromDay: utcDay(range.fromMs),
    toDay: utcDay(todayMs),
    estimateCents: picocentsToCents(e?.picocents ?? 0n),
    tokens: e?.tokens ?? 0,
    unpricedTokens: e?.unpricedTokens ?? 0,
  };
}

interface KeyEntry {
  name: string;
  workspaceId: string | null;
  /** The key's workspace by name; "Default Workspace" for a key outside any named workspace. */
  workspaceName: string;
}

function keyDirectory(db: Database.Database): Map<string, KeyEntry> {
  if (!tableExists(db, 'api_keys')) return new Map();
  const rows = db
    .prepare(
      `SELECT k.id, k.name, k.workspace_id AS workspaceId, w.name AS workspaceName
       FROM api_keys k LEFT JOIN workspaces w ON w.id = k.workspace_id`,
    )
    .all() as Array<{ id: string; name: string; workspaceId: string | null; workspaceName: string | null }>;
  return new Map(
    rows.map((r) => [
      r.id,
      {
        name: r.name,
        workspaceId: r.workspaceId,
        workspaceName: r.workspaceName ?? (r.workspaceId === null ? 'Default Workspace' : r.workspaceId),
      },
    ]),
  );
}
