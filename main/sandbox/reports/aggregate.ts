// Sums generated usage into (bucket, grouping) cells for a page of buckets. Shared by the usage and cost reports.
import { DAY_MS } from '../model/sizes';
import type { OrgModel } from '../model/types';
import {
  activeWindow,
  portion,
  type Counters,
  type DayUsage,
  type DayUsageCache,
  type UsageRow,
  type UsageSource,
  usageSources,
} from './usage-model';

export const USAGE_DIMENSIONS = [
  'api_key_id',
  'workspace_id',
  'model',
  'service_tier',
  'context_window',
  'inference_geo',
  'account_id',
  'service_account_id',
  'speed',
] as const;
export type UsageDimension = (typeof USAGE_DIMENSIONS)[number];

export type DimensionValues = Record<UsageDimension, string | null>;

export interface UsageFilters {
  sources: (s: UsageSource) => boolean;
  rows: (r: UsageRow) => boolean;
}

export interface Cell {
  dims: DimensionValues;
  counters: Counters;
}

/** bucketStart → groupKey → cell */
export type Aggregation = Map<number, Map<string, Cell>>;

function dimensionValues(source: UsageSource, row: UsageRow): DimensionValues {
  return {
    api_key_id: source.apiKeyId,
    workspace_id: source.workspaceId,
    model: row.model,
    service_tier: row.serviceTier,
    context_window: row.contextWindow,
    inference_geo: row.inferenceGeo,
    account_id: source.accountId,
    service_account_id: source.serviceAccountId,
    speed: row.speed,
  };
}

export function aggregateUsage(
  model: OrgModel,
  cache: DayUsageCache,
  nowMs: number,
  bucketStarts: number[],
  bucketMs: number,
  endMs: number,
  groupBy: readonly UsageDimension[],
  filters: UsageFilters,
): Aggregation {
  const result: Aggregation = new Map(bucketStarts.map((s) => [s, new Map()]));
  if (bucketStarts.length === 0) return result;
  const pageStart = bucketStarts[0] as number;
  const pageEnd = Math.min(endMs, (bucketStarts[bucketStarts.length - 1] as number) + bucketMs);
  for (const source of usageSources(model)) {
    if (!filters.sources(source)) continue;
    const [wa, wb] = activeWindow(source, model.historyStartMs, nowMs);
    const from = Math.max(pageStart, wa);
    const to = Math.min(pageEnd, wb);
    if (from >= to) continue;
    for (let day = Math.floor(from / DAY_MS) * DAY_MS; day < to; day += DAY_MS) {
      const usage = cache.get(source, day);
      if (usage.rows.length === 0) continue;
      const rows = usage.rows.filter(filters.rows);
      if (rows.length === 0) continue;
      addDay(
        result,
        source,
        usage,
        rows,
        day,
        Math.max(from, day),
        Math.min(to, day + DAY_MS),
        pageStart,
        bucketMs,
        groupBy,
      );
    }
  }
  return result;
}

function addDay(
  result: Aggregation,
  source: UsageSource,
  usage: DayUsage,
  rows: UsageRow[],
  day: number,
  from: number,
  to: number,
  pageStart: number,
  bucketMs: number,
  groupBy: readonly UsageDimension[],
): void {
  // grouping keys once per row and grouping (memoised on the cached row), not once per (row, bucket)
  const sig = groupBy.join(',');
  const keyed = rows.map((row) => {
    if (row.keyMemo?.sig !== sig) {
      const dims = dimensionValues(source, row);
      row.keyMemo = { sig, dims, key: groupBy.map((d) => dims[d] ?? '\u0000').join('\u0001') };
    }
    return { row, dims: row.keyMemo.dims as DimensionValues, key: row.keyMemo.key };
  });
  let bucket = pageStart + Math.floor((from - pageStart) / bucketMs) * bucketMs;
  for (; bucket < to; bucket += bucketMs) {
    const a = Math.max(bucket, from);
    const b = Math.min(bucket + bucketMs, to);
    if (a >= b) continue;
    const cells = result.get(bucket);
    if (!cells) continue;
    const fromMinute = (a - day) / 60_000;
    const toMinute = (b - day) / 60_000;
    for (const { row, dims, key } of keyed) {
      let cell = cells.get(key);
      if (!cell) {
        const grouped = {} as DimensionValues;
        for (const d of USAGE_DIMENSIONS) grouped[d] = groupBy.includes(d) ? dims[d] : null;
        cell = { dims: grouped, counters: [0, 0, 0, 0, 0, 0] };
        cells.set(key, cell);
      }
      portion(usage, row, fromMinute, toMinute, cell.counters);
    }
  }
}

export function sortedCells(cells: Map<string, Cell>): Cell[] {
  return [...cells.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c)
    .filter((c) => c.counters.some((v) => v > 0));
}
