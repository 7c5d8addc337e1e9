/** Which buckets a usage chart shows, and which custom ranges it refuses. */
import { describe, expect, it } from 'vitest';
import { MAX_RANGE_DAYS, resolveUsageRange, UsageRangeError } from '../../../main/db/queries/usage-range';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 21, 14, 35);
const today = Date.UTC(2026, 10, 21);

describe('resolveUsageRange', () => {
  it('24 h by hour: the last 24 hours including the current one', () => {
    const r = resolveUsageRange({ kind: 'preset', preset: '24h' }, 'hour', now);
    expect(r.bucketStartsMs).toHaveLength(24);
    expect(r.bucketStartsMs.at(-1)).toBe(Date.UTC(2026, 10, 21, 14));
    expect(r.toMs).toBe(Date.UTC(2026, 10, 21, 15));
  });

  it('24 h by day: the two days the last 24 hours touch', () => {
    expect(resolveUsageRange({ kind: 'preset', preset: '24h' }, 'day', now).bucketStartsMs).toEqual([
      today - DAY,
      today,
    ]);
  });

  it('7, 30 and 90 days end today', () => {
    for (const [preset, days] of [
      ['7d', 7],
      ['30d', 30],
      ['90d', 90],
    ] as const) {
      const r = resolveUsageRange({ kind: 'preset', preset }, 'day', now);
      expect(r.bucketStartsMs).toHaveLength(days);
      expect(r.bucketStartsMs.at(-1)).toBe(today);
    }
    const week = resolveUsageRange({ kind: 'preset', preset: '7d' }, 'hour', now);
    expect(week.bucketStartsMs).toHaveLength(6 * 24 + 15);
  });

  it('a custom range is whole UTC days, both inclusive, hours stopping at the current hour', () => {
    expect(
      resolveUsageRange({ kind: 'custom', from: '2026-11-01', to: '2026-11-03' }, 'day', now).bucketStartsMs,
    ).toEqual([Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2), Date.UTC(2026, 10, 3)]);
    expect(
      resolveUsageRange({ kind: 'custom', from: '2026-11-21', to: '2026-11-21' }, 'hour', now).bucketStartsMs,
    ).toHaveLength(15);
  });

  it('caps hourly charts at 31 days with a message', () => {
    const r = resolveUsageRange({ kind: 'custom', from: '2026-09-01', to: '2026-11-01' }, 'hour', now);
    expect(r.unavailable).toMatch(/at most 31 days/);
    expect(r.bucketStartsMs).toEqual([]);
    expect(
      resolveUsageRange({ kind: 'custom', from: '2026-10-01', to: '2026-10-31' }, 'hour', now).bucketStartsMs,
    ).toHaveLength(31 * 24);
  });

  it('refuses backwards, future, non-calendar and over-long ranges', () => {
    const bad = (from: string, to: string) => () => resolveUsageRange({ kind: 'custom', from, to }, 'day', now);
    expect(bad('2026-11-05', '2026-11-01')).toThrow(UsageRangeError);
    expect(bad('2026-11-01', '2026-11-22')).toThrow(/future/);
    expect(bad('2026-02-30', '2026-03-01')).toThrow(/not a calendar day/);
    expect(bad('2025-01-01', '2026-11-01')).toThrow(new RegExp(`${MAX_RANGE_DAYS} days`));
  });
});
