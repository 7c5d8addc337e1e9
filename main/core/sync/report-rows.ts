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
 * The groups of one page, each named by the places of its values in their columns' string tables (row-columns.ts),
 * through a tree of maps, one level per field: a row finds its group without building its key, and the key (the
 * JSON array of the values, exactly as JSON.stringify makes it) is made once per group. A page of thousands of rows
 * holds a few hundred groups.
 */
class PageGroups {
  private readonly root = new Map<number, unknown>();
  private readonly quoted = new Map<string, string>();
  /** Each group's key, by group number. */
  readonly keys: string[] = [];

  /** The group number of these places (`places[i]` of field i; -1 for null), added the first time. */
  groupOf(places: ArrayLike<number>, values: ReadonlyArray<string | null>): number {
    let level = this.root;
    const last = places.length - 1;
    for (let i = 0; i < last; i++) {
      let next = level.get(places[i]!) as Map<number, unknown> | undefined;
      if (next === undefined) {
        next = new Map();
        level.set(places[i]!, next);
      }
      level = next;
    }
    let group = level.get(places[last]!) as number | undefined;
    if (group === undefined) {
      group = this.keys.length;
      this.keys.push(this.keyOf(values));
      level.set(places[last]!, group);
    }
    return group;
  }

  private keyOf(values: ReadonlyArray<string | null>): string {
    let key = '[';
    for (let i = 0; i < values.length; i++) {
      if (i > 0) key += ',';
      const value = values[i]!;
      if (value === null) {
        key += 'null';
        continue;
      }
      let q = this.quoted.get(value);
      if (q === undefined) {
        q = JSON.stringify(value);
        this.quoted.set(value, q);
      }
      key += q;
    }
    return key + ']';
  }
}

/** The measured columns of a report: how a result sets them on its group's row, and adds to them. */
interface Measures<R> {
  names: readonly string[];
  types: readonly ColumnType[];
  /** Sets the measures of a new row; `at` is the column of the first measure. */
  set(rows: PackedRowsBuilder, row: number, at: number, result: R): void;
  /** Adds a result to the row its group already has in this bucket (two results of one group are summed). */
  add(rows: PackedRowsBuilder, row: number, at: number, result: R): void;
}

/**
 * A page of buckets as packed rows, straight into columns: one row per (bucket, group), the group being every field
 * of `fields` (null when absent) and `group_key` their JSON array.
 */
function packBuckets<R extends object>(
  buckets: ReadonlyArray<ApiReportBucket<R>>,
  fields: readonly string[],
  measures: Measures<R>,
): PackedBuckets {
  const at = 2 + fields.length; // column of the first measure
  const rows = new PackedRowsBuilder(
    ['bucket_start_ms', 'group_key', ...fields, ...measures.names],
    ['number', 'string', ...fields.map((): ColumnType => 'string'), ...measures.types],
    buckets.reduce((n, b) => n + b.results.length, 0),
  );
  const groups = new PageGroups();
  const values: Array<string | null> = new Array(fields.length);
  const places = new Int32Array(fields.length);
  // Per group: the bucket it last had a row in, and that row (two results of one group in a bucket are summed).
  const lastBucketOf: number[] = [];
  const rowOf: number[] = [];
  const keyPlaceOf: number[] = [];
  const bucketStarts: number[] = [];
  for (let b = 0; b < buckets.length; b++) {
    const bucket = buckets[b]!;
    const bucketStartMs = parseApiTime(bucket.starting_at);
    bucketStarts.push(bucketStartMs);
    for (const result of bucket.results) {
      const source = result as Record<string, unknown>;
      for (let i = 0; i < fields.length; i++) {
        const value = (source[fields[i]!] as string | null | undefined) ?? null;
        values[i] = value;
        places[i] = rows.intern(2 + i, value);
      }
      const group = groups.groupOf(places, values);
      if (lastBucketOf[group] === b) {
        measures.add(rows, rowOf[group]!, at, result);
        continue;
      }
      const row = rows.addRow();
      lastBucketOf[group] = b;
      rowOf[group] = row;
      keyPlaceOf[group] ??= rows.intern(1, groups.keys[group]!);
      rows.setNumber(0, row, bucketStartMs);
      rows.setInterned(1, row, keyPlaceOf[group]!);
      for (let i = 0; i < fields.length; i++) rows.setInterned(2 + i, row, places[i]!);
      measures.set(rows, row, at, result);
    }
  }
  return { packed: rows.finish(), bucketStarts };
}

const USAGE_MEASURES: Measures<ApiUsageResult> = {
  names: [
    'uncached_input_tokens',
    'cache_creation_1h_input_tokens',
    'cache_creation_5m_input_tokens',
    'cache_read_input_tokens',
    'output_tokens',
    'web_search_requests',
  ],
  types: ['number', 'number', 'number', 'number', 'number', 'number'],
  set(rows, row, at, r) {
    rows.setNumber(at, row, r.uncached_input_tokens);
    rows.setNumber(at + 1, row, r.cache_creation.ephemeral_1h_input_tokens);
    rows.setNumber(at + 2, row, r.cache_creation.ephemeral_5m_input_tokens);
    rows.setNumber(at + 3, row, r.cache_read_input_tokens);
    rows.setNumber(at + 4, row, r.output_tokens);
    rows.setNumber(at + 5, row, r.server_tool_use?.web_search_requests ?? 0);
  },
  add(rows, row, at, r) {
    rows.addToNumber(at, row, r.uncached_input_tokens ?? 0);
    rows.addToNumber(at + 1, row, r.cache_creation.ephemeral_1h_input_tokens ?? 0);
    rows.addToNumber(at + 2, row, r.cache_creation.ephemeral_5m_input_tokens ?? 0);
    rows.addToNumber(at + 3, row, r.cache_read_input_tokens ?? 0);
    rows.addToNumber(at + 4, row, r.output_tokens ?? 0);
    rows.addToNumber(at + 5, row, r.server_tool_use?.web_search_requests ?? 0);
  },
};

/** Amounts in exact nanocents: an over-precise amount rejects the page. */
const COST_MEASURES: Measures<ApiCostResult> = {
  names: ['amount_nanocents'],
  types: ['plain'],
  set(rows, row, at, r) {
    rows.setPlain(at, row, centsToNanocents(r.amount));
  },
  add(rows, row, at, r) {
    rows.setPlain(at, row, BigInt(rows.getPlain(at, row) ?? 0) + BigInt(centsToNanocents(r.amount)));
  },
};

export function usageBucketsPacked(
  resource: 'usage_hourly' | 'usage_daily',
  buckets: ReadonlyArray<ApiReportBucket<ApiUsageResult>>,
): PackedBuckets {
  return packBuckets(buckets, REPORT_GROUP_BY[resource], USAGE_MEASURES);
}

export function costBucketsPacked(buckets: ReadonlyArray<ApiReportBucket<ApiCostResult>>): PackedBuckets {
  return packBuckets(buckets, COST_GROUP_FIELDS, COST_MEASURES);
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
