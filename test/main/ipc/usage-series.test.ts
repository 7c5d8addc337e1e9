/**
 * `readUsageSeries` on a mirror synced from the sandbox's demo org. The sandbox bills cost = usage × the §6 prices
 * exactly, so on every day both reports cover, the estimate must equal the billed token cost to the picocent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { readUsageSeries } from '../../../main/db/queries/usage-series';
import { UsageRangeError } from '../../../main/db/queries/usage-range';
import { DAY_MS, utcDay } from '../../../main/core/time';
import type { UsageSeries, UsageSeriesQuery } from '../../../preload/contract-usage';

let demo: DemoOrg;
let dir: string;
let now: number;
/** Whole days that every report holds completely (after the first, partial one; before today). */
let fullDays: { from: string; to: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-usage-series-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite') });
  now = Date.now();
  const coverage = demo.db
    .prepare(
      `SELECT max(from_ms) AS fromMs, min(to_ms) AS toMs FROM report_coverage WHERE resource IN ('usage_hourly', 'usage_daily', 'cost_daily')`,
    )
    .get() as { fromMs: number; toMs: number };
  const firstFull = Math.ceil(coverage.fromMs / DAY_MS) * DAY_MS + DAY_MS;
  const lastFull = Math.floor(coverage.toMs / DAY_MS) * DAY_MS - 2 * DAY_MS;
  fullDays = { from: utcDay(firstFull), to: utcDay(lastFull) };
}, 180_000);
afterAll(async () => {
  await demo?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const custom = (
  bucket: 'hour' | 'day',
  groupBy: UsageSeriesQuery['groupBy'],
  metric: UsageSeriesQuery['metric'] = 'cost',
  days = fullDays,
): UsageSeriesQuery => ({
  range: { kind: 'custom', ...days },
  bucket,
  groupBy,
  metric,
});

/** Decimal cents → BigInt picocents, exactly (for sums in the test). */
function pico(cents: string): bigint {
  const [whole, fraction = ''] = cents.replace('-', '').split('.');
  const value = BigInt(whole!) * 1_000_000_000_000n + BigInt(fraction.padEnd(12, '0'));
  return cents.startsWith('-') ? -value : value;
}
const byKey = (series: UsageSeries) => new Map(series.groups.map((g) => [g.key, g]));

describe('readUsageSeries on the synced demo org', () => {
  it('estimates exactly what the sandbox billed for tokens, per workspace and per model, on every full day', () => {
    for (const groupBy of ['workspace', 'model'] as const) {
      const series = readUsageSeries(demo.db, custom('day', groupBy), now);
      expect(series.billed).toBe('available');
      expect(series.estimateBasis).toBe('priced-per-tier');
      expect(series.billedCoverage!.fromMs).toBeLessThanOrEqual(series.fromMs);
      expect(series.billedCoverage!.toMs).toBeGreaterThanOrEqual(series.toMs);
      expect(pico(series.totals.billedTokenCents!)).toBeGreaterThan(0n);
      expect(series.totals.estimateCents).toBe(series.totals.billedTokenCents);
      // Difference = billed − estimate in whole cents as shown; the sandbox's web search is the part no estimate
      // covers, and what is left is rounding of the parts at most (each rounded to the cent on its own).
      const wholeCents = (cents: string) => (pico(cents) + 500_000_000_000n) / 1_000_000_000_000n;
      const { differenceCents, notEstimated, unexplainedCents } = series.totals;
      expect(BigInt(differenceCents!)).toBe(
        wholeCents(series.totals.billedCents!) - wholeCents(series.totals.estimateCents),
      );
      expect(notEstimated.map((part) => part.costType)).toEqual(['web_search']);
      expect(BigInt(differenceCents!) - notEstimated.reduce((sum, part) => sum + BigInt(part.cents), 0n)).toBe(
        BigInt(unexplainedCents!),
      );
      expect(Math.abs(Number(unexplainedCents))).toBeLessThanOrEqual(2);
      for (const group of series.groups) {
        expect({ group: group.key, estimate: group.totals.estimateCents }).toEqual({
          group: group.key,
          estimate: group.totals.billedTokenCents,
        });
      }
      // and per day: each day's billed token cost is the day's estimate (no web search in a day ⇒ billed = estimate)
      const totalBilled = series.groups.reduce((sum, g) => sum + g.billedCents!.reduce((s, c) => s + pico(c), 0n), 0n);
      expect(totalBilled).toBe(pico(series.totals.billedCents!));
    }
  });

  it('adds up hours to days: same tokens and the same estimate per group', () => {
    const week = { from: utcDay(Date.parse(`${fullDays.to}T00:00:00Z`) - 6 * DAY_MS), to: fullDays.to };
    for (const metric of ['tokens', 'output', 'cost'] as const) {
      const hourly = readUsageSeries(demo.db, custom('hour', 'model', metric, week), now);
      const daily = readUsageSeries(demo.db, custom('day', 'model', metric, week), now);
      expect(hourly.bucketStartsMs).toHaveLength(7 * 24);
      expect(daily.bucketStartsMs).toHaveLength(7);
      expect(hourly.billed).toBe('not-hourly');
      expect(hourly.groups.every((g) => g.billedCents === null)).toBe(true);
      const days = byKey(daily);
      expect(hourly.groups.map((g) => g.key).sort()).toEqual(
        daily.groups
          .filter((g) => g.totals.tokens.total > 0)
          .map((g) => g.key)
          .sort(),
      );
      for (const group of hourly.groups) {
        const day = days.get(group.key)!;
        const folded = day.tokens.map((_, d) => group.tokens.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
        expect(folded).toEqual(day.tokens);
        const foldedCost = day.estimateCents.map((_, d) =>
          group.estimateCents.slice(d * 24, d * 24 + 24).reduce((a, c) => a + pico(c), 0n),
        );
        expect(foldedCost).toEqual(day.estimateCents.map(pico));
        expect(group.totals.tokens).toEqual(day.totals.tokens);
      }
    }
  });

  it('groups by key (daily report) to the same token totals as by workspace (hourly report)', () => {
    const byKeySeries = readUsageSeries(demo.db, custom('day', 'key', 'tokens'), now);
    const byWorkspace = readUsageSeries(demo.db, custom('day', 'workspace', 'tokens'), now);
    expect(byKeySeries.totals.tokens.total).toBeGreaterThan(0);
    expect(byKeySeries.totals.tokens).toEqual(byWorkspace.totals.tokens);
    const perDay = (s: UsageSeries) =>
      s.bucketStartsMs.map((_, i) => s.groups.reduce((sum, g) => sum + g.tokens[i]!, 0));
    expect(perDay(byKeySeries)).toEqual(perDay(byWorkspace));
    expect(byKeySeries.groups.length).toBeGreaterThan(3);
    // keys carry names from the mirror, not ids
    expect(byKeySeries.groups.some((g) => g.label !== g.key)).toBe(true);
  });

  it('gives per-key cost as an estimate only (no billed column), shared out so keys add up to their workspaces exactly', () => {
    const series = readUsageSeries(demo.db, custom('day', 'key', 'cost'), now);
    const byWorkspace = readUsageSeries(demo.db, custom('day', 'workspace', 'cost'), now);
    expect(series.billed).toBe('not-per-key');
    expect(series.estimateBasis).toBe('shared-per-key');
    expect(series.totals.estimateCents).toBe(byWorkspace.totals.estimateCents);
    const perDay = (s: UsageSeries) =>
      s.bucketStartsMs.map((_, i) => s.groups.reduce((sum, g) => sum + pico(g.estimateCents[i]!), 0n));
    expect(perDay(series)).toEqual(perDay(byWorkspace));
    expect(series.totals.billedCents).toBeNull();
    expect(series.totals.differenceCents).toBeNull();
    expect(series.groups.every((g) => g.billedCents === null && g.totals.billedCents === null)).toBe(true);
    expect(pico(series.totals.estimateCents)).toBeGreaterThan(0n);
  });

  it('says why there is nothing to show for hourly per-key usage and for hourly ranges over 31 days', () => {
    const perKey = readUsageSeries(
      demo.db,
      { range: { kind: 'preset', preset: '24h' }, bucket: 'hour', groupBy: 'key', metric: 'tokens' },
      now,
    );
    expect(perKey.unavailable).toMatch(/by day only/);
    expect(perKey.groups).toEqual([]);
    const long = readUsageSeries(
      demo.db,
      { range: { kind: 'preset', preset: '90d' }, bucket: 'hour', groupBy: 'model', metric: 'tokens' },
      now,
    );
    expect(long.unavailable).toMatch(/at most 31 days/);
    const month = readUsageSeries(
      demo.db,
      { range: { kind: 'preset', preset: '30d' }, bucket: 'hour', groupBy: 'model', metric: 'tokens' },
      now,
    );
    expect(month.unavailable).toBeNull();
    expect(month.bucketStartsMs.length).toBeGreaterThan(29 * 24);
  });

  it('refuses a backwards custom range', () => {
    expect(() =>
      readUsageSeries(demo.db, custom('day', 'workspace', 'cost', { from: fullDays.to, to: fullDays.from }), now),
    ).toThrow(UsageRangeError);
  });
});
