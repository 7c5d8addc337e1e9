/**
 * Which window a report fetch asks for: the first time, `historyDays` back (backfill once); afterwards,
 * only from the settle window before the end of what the mirror already holds, up to now. The API fills recent
 * buckets late (usage within minutes, cost daily, Claude Code about an hour), so those are fetched again.
 */
import { DAY_MS, floorTo, HOUR_MS } from '../time';
import type { ReportResource } from './report-rows';

export interface Coverage {
  fromMs: number;
  toMs: number;
}

export interface ReportWindow {
  /** Inclusive, aligned to the bucket width. */
  startMs: number;
  /** Exclusive; "now" to the minute, so the current bucket is included while it fills. */
  endMs: number;
}

export const BUCKET_MS: Record<ReportResource, number> = {
  usage_hourly: HOUR_MS,
  usage_daily: DAY_MS,
  cost_daily: DAY_MS,
  claude_code_daily: DAY_MS,
};

/** How far before the end of the stored range buckets are fetched again. */
export const SETTLE_MS: Record<ReportResource, number> = {
  usage_hourly: 2 * HOUR_MS,
  usage_daily: 2 * HOUR_MS,
  cost_daily: DAY_MS, // the current and the previous day
  claude_code_daily: 26 * HOUR_MS,
};

export function planReportWindow(
  resource: ReportResource,
  coverage: Coverage | null,
  nowMs: number,
  historyDays: number,
): ReportWindow {
  const bucket = BUCKET_MS[resource];
  const endMs = floorTo(nowMs, 60_000);
  const historyStart = floorTo(nowMs - Math.max(1, historyDays) * DAY_MS, bucket);
  if (!coverage || historyStart < coverage.fromMs) {
    // First fetch, or the admin asked for more history than the mirror holds: (re)fetch the whole range once.
    return { startMs: historyStart, endMs };
  }
  const settleStart = floorTo(Math.min(coverage.toMs, endMs) - SETTLE_MS[resource], bucket);
  return { startMs: Math.max(floorTo(coverage.fromMs, bucket), settleStart), endMs };
}

/** The coverage after a window has been fetched completely. */
export function extendCoverage(coverage: Coverage | null, window: ReportWindow): Coverage {
  if (!coverage || window.startMs > coverage.toMs) return { fromMs: window.startMs, toMs: window.endMs };
  return { fromMs: Math.min(coverage.fromMs, window.startMs), toMs: Math.max(coverage.toMs, window.endMs) };
}
