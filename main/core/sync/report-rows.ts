/**
 * How report results become rows: one row per (bucket start, group), the group being every grouping field
 * (`group_key` is their JSON array, so NULL groups stay distinct and upserts stay keyed). Money becomes exact
 * nanocents; an over-precise amount rejects the page.
 */
import type { ApiClaudeCodeRecord, ApiCostResult, ApiReportBucket, ApiUsageResult } from '../api-types';
import { centsNumberToNanocents, centsToNanocents } from '../money';
import { parseApiTime, parseUtcDay, utcDay } from '../time';
import type { Row } from './entities';

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

function groupKey(values: Array<string | null | undefined>): string {
  return JSON.stringify(values.map((v) => v ?? null));
}

/**
 * Copies the grouping fields of `result` onto `row` (null when absent) and returns their JSON key. A loop rather
 * than Object.fromEntries + spread: it runs once per report row, millions of times in a backfill.
 */
function copyGroup(result: object, fields: readonly string[], row: Row): string {
  const source = result as Record<string, string | null | undefined>;
  const values: Array<string | null> = new Array(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    const value = source[field] ?? null;
    values[i] = value;
    row[field] = value;
  }
  return JSON.stringify(values);
}

export function usageBucketRows(
  resource: 'usage_hourly' | 'usage_daily',
  bucket: ApiReportBucket<ApiUsageResult>,
): BucketRows {
  const bucketStartMs = parseApiTime(bucket.starting_at);
  const fields = REPORT_GROUP_BY[resource];
  const rows = bucket.results.map((r): Row => {
    const row: Row = { bucket_start_ms: bucketStartMs, group_key: '' };
    row['group_key'] = copyGroup(r, fields, row);
    row['uncached_input_tokens'] = r.uncached_input_tokens;
    row['cache_creation_1h_input_tokens'] = r.cache_creation.ephemeral_1h_input_tokens;
    row['cache_creation_5m_input_tokens'] = r.cache_creation.ephemeral_5m_input_tokens;
    row['cache_read_input_tokens'] = r.cache_read_input_tokens;
    row['output_tokens'] = r.output_tokens;
    row['web_search_requests'] = r.server_tool_use?.web_search_requests ?? 0;
    return row;
  });
  return { bucketStartMs, rows: mergeDuplicates(rows, USAGE_SUMS) };
}

const USAGE_SUMS = [
  'uncached_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_creation_5m_input_tokens',
  'cache_read_input_tokens',
  'output_tokens',
  'web_search_requests',
];

export function costBucketRows(bucket: ApiReportBucket<ApiCostResult>): BucketRows {
  const bucketStartMs = parseApiTime(bucket.starting_at);
  const rows = bucket.results.map((r): Row => {
    const row: Row = { bucket_start_ms: bucketStartMs, group_key: '' };
    row['group_key'] = copyGroup(r, COST_GROUP_FIELDS, row);
    row['currency'] = r.currency;
    row['amount_nanocents'] = centsToNanocents(r.amount);
    return row;
  });
  return { bucketStartMs, rows: mergeDuplicates(rows, ['amount_nanocents']) };
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

/** Two results with the same group in one bucket (not expected, but not worth losing data over) are summed. */
function mergeDuplicates(rows: Row[], sumFields: string[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) {
    const key = String(row['group_key']);
    const seen = byKey.get(key);
    if (!seen) {
      byKey.set(key, row);
      continue;
    }
    for (const f of sumFields) {
      const a = seen[f];
      const b = row[f];
      seen[f] =
        typeof a === 'bigint' || typeof b === 'bigint'
          ? BigInt(a ?? 0) + BigInt(b ?? 0)
          : Number(a ?? 0) + Number(b ?? 0);
    }
  }
  return [...byKey.values()];
}
