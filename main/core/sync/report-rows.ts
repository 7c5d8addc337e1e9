/**
 * How report results become rows: one row per (bucket start, group), the group being every grouping field
 * (`group_key` is their JSON array, so NULL groups stay distinct and upserts stay keyed). Money becomes exact
 * nanocents; an over-precise amount rejects the page.
 */
import type { ApiClaudeCodeRecord, ApiCostResult, ApiReportBucket, ApiUsageResult } from '../api-types';
import { centsNumberToNanocents, centsToNanocents } from '../money';
import { parseApiTime, parseUtcDay, utcDay } from '../time';
import type { Row } from './entities';
import { PackedRowsBuilder, unpackRows, type ColumnType, type PackedRows } from './row-columns';

export type ReportResource = 'usage_hourly' | 'usage_daily' | 'cost_daily' | 'claude_code_daily';

/** The grouping each stored usage/cost report asks the API for. */
export const REPORT_GROUP_BY: Record<Exclude<ReportResource, 'claude_code_daily'>, string[]> = {
  usage_hourly: ['workspace_id', 'model', 'service_tier', 'context_window', 'inference_geo'],
  usage_daily: ['workspace_id', 'api_key_id', 'model'],
  cost_daily: ['workspace_id', 'description'],
};

const COST_GROUP_FIELDS = [
  'workspace_id',
  'description',
  'cost_type',
  'model',
  'service_tier',
  'token_type',
  'context_window',
  'inference_geo',
  'currency',
] as const;

export interface BucketRows {
  bucketStartMs: number;
  rows: Row[];
}

/** A page of report buckets as packed rows (row-columns.ts), and where each bucket starts. */
export interface PackedBuckets {
  packed: PackedRows;
  bucketStarts: number[];
}

function groupKey(values: Array<string | null | undefined>): string {
  return JSON.stringify(values.map((v) => v ?? null));
}

/**
 * Makes the JSON array of a group's values, exactly as JSON.stringify would, quoting each distinct value once: it
 * runs once per report row, millions of times in a backfill, over values that repeat (models, workspaces).
 */
function groupKeyMaker(): (values: ReadonlyArray<string | null>) => string {
  const quoted = new Map<string, string>();
  return (values) => {
    let key = '[';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) key += ',';
      const value = values[i]!;
      if (value === null) {
        key += 'null';
        continue;
      }
      let q = quoted.get(value);
      if (q === undefined) {
        q = JSON.stringify(value);
        quoted.set(value, q);
      }
      key += q;
    }
    return key + ']';
  };
}

const USAGE_SUMS = [
  'uncached_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_creation_5m_input_tokens',
  'cache_read_input_tokens',
  'output_tokens',
  'web_search_requests',
] as const;

/**
 * Usage buckets as packed rows: one row per (bucket, group), straight into columns. Two results of one group in a
 * bucket (not expected, but not worth losing data over) are summed.
 */
export function usageBucketsPacked(
  resource: 'usage_hourly' | 'usage_daily',
  buckets: ReadonlyArray<ApiReportBucket<ApiUsageResult>>,
): PackedBuckets {
  const fields = REPORT_GROUP_BY[resource];
  const first = 2 + fields.length; // column of the first token count
  const rows = new PackedRowsBuilder(
    ['bucket_start_ms', 'group_key', ...fields, ...USAGE_SUMS],
    ['number', 'string', ...fields.map((): ColumnType => 'string'), ...USAGE_SUMS.map((): ColumnType => 'number')],
    buckets.reduce((n, b) => n + b.results.length, 0),
  );
  const keyOf = groupKeyMaker();
  const values: Array<string | null> = new Array(fields.length);
  const tokens: Array<number | null> = new Array(USAGE_SUMS.length);
  const bucketStarts: number[] = [];
  for (const bucket of buckets) {
    const bucketStartMs = parseApiTime(bucket.starting_at);
    bucketStarts.push(bucketStartMs);
    const inBucket = new Map<string, number>();
    for (const r of bucket.results) {
      const source = r as unknown as Record<string, string | null | undefined>;
      for (let i = 0; i < fields.length; i++) values[i] = source[fields[i]!] ?? null;
      tokens[0] = r.uncached_input_tokens;
      tokens[1] = r.cache_creation.ephemeral_1h_input_tokens;
      tokens[2] = r.cache_creation.ephemeral_5m_input_tokens;
      tokens[3] = r.cache_read_input_tokens;
      tokens[4] = r.output_tokens;
      tokens[5] = r.server_tool_use?.web_search_requests ?? 0;
      const key = keyOf(values);
      const seen = inBucket.get(key);
      if (seen !== undefined) {
        for (let t = 0; t < tokens.length; t++) rows.addToNumber(first + t, seen, tokens[t] ?? 0);
        continue;
      }
      const row = rows.addRow();
      inBucket.set(key, row);
      rows.setNumber(0, row, bucketStartMs);
      rows.setString(1, row, key);
      for (let i = 0; i < fields.length; i++) rows.setString(2 + i, row, values[i]!);
      for (let t = 0; t < tokens.length; t++) rows.setNumber(first + t, row, tokens[t]);
    }
  }
  return { packed: rows.finish(), bucketStarts };
}

/** Cost buckets as packed rows: amounts in exact nanocents (an over-precise amount rejects the page). */
export function costBucketsPacked(buckets: ReadonlyArray<ApiReportBucket<ApiCostResult>>): PackedBuckets {
  const amountAt = 2 + COST_GROUP_FIELDS.length;
  const rows = new PackedRowsBuilder(
    ['bucket_start_ms', 'group_key', ...COST_GROUP_FIELDS, 'amount_nanocents'],
    ['number', 'string', ...COST_GROUP_FIELDS.map((): ColumnType => 'string'), 'plain'],
    buckets.reduce((n, b) => n + b.results.length, 0),
  );
  const keyOf = groupKeyMaker();
  const values: Array<string | null> = new Array(COST_GROUP_FIELDS.length);
  const bucketStarts: number[] = [];
  for (const bucket of buckets) {
    const bucketStartMs = parseApiTime(bucket.starting_at);
    bucketStarts.push(bucketStartMs);
    const inBucket = new Map<string, number>();
    for (const r of bucket.results) {
      const source = r as unknown as Record<string, string | null | undefined>;
      for (let i = 0; i < COST_GROUP_FIELDS.length; i++) values[i] = source[COST_GROUP_FIELDS[i]!] ?? null;
      const amount = centsToNanocents(r.amount);
      const key = keyOf(values);
      const seen = inBucket.get(key);
      if (seen !== undefined) {
        rows.setPlain(amountAt, seen, BigInt(rows.getPlain(amountAt, seen) ?? 0) + BigInt(amount));
        continue;
      }
      const row = rows.addRow();
      inBucket.set(key, row);
      rows.setNumber(0, row, bucketStartMs);
      rows.setString(1, row, key);
      for (let i = 0; i < COST_GROUP_FIELDS.length; i++) rows.setString(2 + i, row, values[i]!);
      rows.setPlain(amountAt, row, amount);
    }
  }
  return { packed: rows.finish(), bucketStarts };
}

/** One usage bucket as row objects (tests and seeds; a sync packs whole pages). */
export function usageBucketRows(
  resource: 'usage_hourly' | 'usage_daily',
  bucket: ApiReportBucket<ApiUsageResult>,
): BucketRows {
  return {
    bucketStartMs: parseApiTime(bucket.starting_at),
    rows: unpackRows(usageBucketsPacked(resource, [bucket]).packed),
  };
}

/** One cost bucket as row objects (tests and seeds; a sync packs whole pages). */
export function costBucketRows(bucket: ApiReportBucket<ApiCostResult>): BucketRows {
  return { bucketStartMs: parseApiTime(bucket.starting_at), rows: unpackRows(costBucketsPacked([bucket]).packed) };
}

/** Claude Code's `date` is documented as YYYY-MM-DD but examples return a timestamp: accept both. */
export function claudeCodeDayMs(date: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? parseUtcDay(date) : parseUtcDay(utcDay(parseApiTime(date)));
}

export function claudeCodeRow(r: ApiClaudeCodeRecord): Row {
  const actorId = r.actor.type === 'user_actor' ? r.actor.email_address : r.actor.api_key_name;
  const cost = r.model_breakdown.reduce((sum, m) => sum + centsNumberToNanocents(m.estimated_cost.amount), 0n);
  return {
    bucket_start_ms: claudeCodeDayMs(r.date),
    group_key: groupKey([r.actor.type, actorId, r.terminal_type ?? null, r.customer_type]),
    actor_type: r.actor.type,
    actor_id: actorId,
    customer_type: r.customer_type,
    subscription_type: r.subscription_type ?? null,
    terminal_type: r.terminal_type ?? null,
    num_sessions: r.core_metrics.num_sessions,
    lines_added: r.core_metrics.lines_of_code.added,
    lines_removed: r.core_metrics.lines_of_code.removed,
    commits: r.core_metrics.commits_by_claude_code,
    pull_requests: r.core_metrics.pull_requests_by_claude_code,
    tool_actions_json: JSON.stringify(r.tool_actions),
    model_breakdown_json: JSON.stringify(r.model_breakdown),
    estimated_cost_nanocents: cost,
  };
}
