/**
 * Which buckets a usage chart shows: a preset (24 h, 7, 30, 90 days up to now) or a custom range of whole UTC
 * days, cut into hours or days. Pure. Hourly charts are capped at 31 days (744 points) with a message, and a
 * custom range is checked (calendar days, from ≤ to, not after today, at most 366 days).
 */
import type { UsageRangeInput } from '../../../preload/contract-usage';
import { DAY_MS, floorTo, HOUR_MS, parseUtcDay } from '../../core/time';

export const MAX_HOUR_RANGE_DAYS = 31;
export const MAX_RANGE_DAYS = 366;

export interface ResolvedUsageRange {
  fromMs: number;
  /** Exclusive. */
  toMs: number;
  bucketStartsMs: number[];
  /** A reason nothing is charted (too many hours), else null. */
  unavailable: string | null;
}

export class UsageRangeError extends Error {
  override readonly name = 'UsageRangeError';
}

const PRESET_DAYS = { '7d': 7, '30d': 30, '90d': 90 } as const;

export function resolveUsageRange(range: UsageRangeInput, bucket: 'hour' | 'day', nowMs: number): ResolvedUsageRange {
  const bucketMs = bucket === 'hour' ? HOUR_MS : DAY_MS;
  const todayMs = floorTo(nowMs, DAY_MS);
  const hourEndMs = floorTo(nowMs, HOUR_MS) + HOUR_MS; // the current hour is shown while it fills
  let fromMs: number;
  let toMs: number;
  if (range.kind === 'preset') {
    if (range.preset === '24h') {
      fromMs = floorTo(hourEndMs - 24 * HOUR_MS, bucketMs);
    } else {
      fromMs = todayMs - (PRESET_DAYS[range.preset] - 1) * DAY_MS;
    }
    toMs = bucket === 'hour' ? hourEndMs : todayMs + DAY_MS;
  } else {
    fromMs = day(range.from, 'start');
    const lastDayMs = day(range.to, 'end');
    if (fromMs > lastDayMs) throw new UsageRangeError('The start day is after the end day.');
    if (lastDayMs > todayMs) throw new UsageRangeError('The end day is in the future (days are UTC).');
    if ((lastDayMs - fromMs) / DAY_MS + 1 > MAX_RANGE_DAYS)
      throw new UsageRangeError(`A range can span at most ${MAX_RANGE_DAYS} days.`);
    toMs = Math.min(lastDayMs + DAY_MS, bucket === 'hour' ? hourEndMs : lastDayMs + DAY_MS);
  }
  if (bucket === 'hour' && toMs - fromMs > MAX_HOUR_RANGE_DAYS * DAY_MS) {
    return {
      fromMs,
      toMs,
      bucketStartsMs: [],
      unavailable: `Hourly charts cover at most ${MAX_HOUR_RANGE_DAYS} days. Choose days, or a shorter range.`,
    };
  }
  const bucketStartsMs: number[] = [];
  for (let ms = fromMs; ms < toMs; ms += bucketMs) bucketStartsMs.push(ms);
  return { fromMs, toMs, bucketStartsMs, unavailable: null };
}

function day(text: string, which: 'start' | 'end'): number {
  try {
    return parseUtcDay(text);
  } catch {
    throw new UsageRangeError(`The ${which} day ${JSON.stringify(text)} is not a calendar day (YYYY-MM-DD).`);
  }
}
