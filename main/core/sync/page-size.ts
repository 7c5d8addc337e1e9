/**
 * How many buckets a report page asks for. A page is parsed whole (JSON text, objects, validated copy, rows), so its
 * rows set the sync's peak memory; its buckets set how many requests a first sync takes. So: start from the size
 * learnt for this org (or a small probe on a first sync), then size each next page from the rows per bucket the last
 * one held, growing at most twice at a time towards the API's maximum while a page stays under the row ceiling. A
 * page the API refuses as too large (report_page_too_large) is asked for again at half the size.
 */
import type { ReportResource } from './report-rows';

export type BucketReport = Exclude<ReportResource, 'claude_code_daily'>;

/** The API's maximum `limit` per report (admin-api.md: usage 1h 168, 1d 31; cost 31). */
export const MAX_BUCKETS_PER_PAGE: Record<BucketReport, number> = {
  usage_hourly: 168,
  usage_daily: 31,
  cost_daily: 31,
};
/**
 * A first sync's first page: small enough for the densest org we know (the large demo org: ~1,000 hourly rows an
 * hour, ~750 daily usage rows and ~4,000 cost rows a day), large enough to learn the density from.
 */
export const PROBE_BUCKETS_PER_PAGE: Record<BucketReport, number> = { usage_hourly: 6, usage_daily: 7, cost_daily: 2 };
/**
 * Rows one page may hold: what keeps a 90-day sync of the large demo org under its memory target (300 MB) with the
 * write worker running beside it (measured 279 MB; at 8,000 rows it was 299-330 MB).
 */
export const PAGE_ROW_CEILING = 6_000;

const clamp = (n: number, max: number) => Math.min(max, Math.max(1, Math.floor(n)));

/** The first page's size: the one learnt for this report, else the probe. */
export function initialPageLimit(resource: BucketReport, learnt: number | null): number {
  return clamp(learnt ?? PROBE_BUCKETS_PER_PAGE[resource], MAX_BUCKETS_PER_PAGE[resource]);
}

/** The next page's size, from the rows the last page held over its buckets. */
export function nextPageLimit(resource: BucketReport, current: number, rows: number, buckets: number): number {
  if (buckets <= 0) return current;
  const perBucket = rows / buckets;
  const fits = perBucket > 0 ? PAGE_ROW_CEILING / perBucket : Infinity;
  return clamp(Math.min(fits, current * 2), MAX_BUCKETS_PER_PAGE[resource]);
}

/** After report_page_too_large: half the size, never below one bucket. */
export function smallerPageLimit(current: number): number {
  return Math.max(1, Math.floor(current / 2));
}
