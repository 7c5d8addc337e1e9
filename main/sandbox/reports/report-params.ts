// Shared parameter handling of the classic reports: RFC 3339 times, bucket widths, query-bound page cursors.
import { createHash } from 'node:crypto';
import { badRequest } from '../errors';
import { DAY_MS, HOUR_MS } from '../model/sizes';
import type { Query } from '../query';

export type BucketWidth = '1m' | '1h' | '1d';
export const BUCKET_MS: Record<BucketWidth, number> = { '1m': 60_000, '1h': HOUR_MS, '1d': DAY_MS };

/** Buckets per page: default / maximum (admin-api.md §4.1). */
export const USAGE_LIMITS: Record<BucketWidth, [number, number]> = { '1d': [7, 31], '1h': [24, 168], '1m': [60, 1440] };

export function parseTime(query: Query, name: string, required: boolean): number | undefined {
  const v = query.string(name);
  if (v === undefined) {
    if (required) throw badRequest(`${name}: Field required`);
    return undefined;
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) || Number.isNaN(Date.parse(v))) {
    throw badRequest(`${name}: Input should be a valid datetime (RFC 3339), got '${v}'`);
  }
  return Date.parse(v);
}

export interface BucketRange {
  /** first bucket start of the whole query (snapped to the UTC bucket start) */
  startMs: number;
  /** exclusive end, minute-aligned */
  endMs: number;
  /** ending_at was given: the last bucket is cut there */
  explicitEnd: boolean;
  bucketMs: number;
}

export function bucketRange(query: Query, width: BucketWidth, nowMs: number): BucketRange {
  const bucketMs = BUCKET_MS[width];
  const rawStart = parseTime(query, 'starting_at', true) as number;
  const rawEnd = parseTime(query, 'ending_at', false);
  const startMs = Math.floor(rawStart / bucketMs) * bucketMs;
  // without ending_at the report runs up to now (the current, still filling bucket included)
  const endMs = Math.floor((rawEnd ?? nowMs) / 60_000) * 60_000;
  if (rawEnd !== undefined && rawEnd <= rawStart) throw badRequest('ending_at must be after starting_at');
  return { startMs, endMs: Math.max(endMs, startMs), bucketMs, explicitEnd: rawEnd !== undefined };
}

/** Cursor = bucket start of the next page + a hash of every other parameter, so a changed query is refused. */
export function encodeCursor(query: Query, nextStartMs: number): string {
  const payload = JSON.stringify({ q: queryHash(query), s: nextStartMs });
  return `page_${Buffer.from(payload).toString('base64url')}`;
}

export function decodeCursor(query: Query): number | undefined {
  const page = query.string('page');
  if (page === undefined) return undefined;
  let parsed: { q?: unknown; s?: unknown };
  try {
    if (!page.startsWith('page_')) throw new Error('prefix');
    parsed = JSON.parse(Buffer.from(page.slice(5), 'base64url').toString('utf8')) as typeof parsed;
  } catch {
    throw badRequest('page: invalid page cursor');
  }
  if (parsed.q !== queryHash(query) || typeof parsed.s !== 'number') {
    throw badRequest('page: cursor does not match current query parameters');
  }
  return parsed.s;
}

function queryHash(query: Query): string {
  return createHash('sha256')
    .update(query.fingerprint(['page', 'limit']))
    .digest('base64url')
    .slice(0, 16);
}

/** The page's bucket starts, and the next page's start (null when this is the last page). */
export function bucketEnd(range: BucketRange, start: number): number {
  return range.explicitEnd ? Math.min(start + range.bucketMs, range.endMs) : start + range.bucketMs;
}

export function pageBuckets(
  range: BucketRange,
  cursorStartMs: number | undefined,
  limit: number,
): { starts: number[]; next: number | null } {
  const first = cursorStartMs ?? range.startMs;
  const starts: number[] = [];
  for (let s = first; s < range.endMs && starts.length < limit; s += range.bucketMs) starts.push(s);
  const after = first + starts.length * range.bucketMs;
  return { starts, next: after < range.endMs ? after : null };
}
