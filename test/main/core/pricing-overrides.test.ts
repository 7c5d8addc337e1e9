/** The price table with the admin's overrides (core/pricing.ts): which period applies when, and derived cache prices. */
import { describe, expect, it } from 'vitest';
import {
  compilePriceOverrides,
  derivedCacheRates,
  formatUsdRate,
  isPriced,
  ratesFor,
  usdRate,
  type PriceOverride,
} from '../../../main/core/pricing';

const o = (model: string, effectiveFrom: string | null, input: string): PriceOverride => ({
  model,
  effectiveFrom,
  input,
  cacheWrite5m: '1',
  cacheWrite1h: '1',
  cacheRead: '1',
  output: '1',
});
const ctx = (atMs: number) => ({ atMs, serviceTier: null, contextWindow: null, inferenceGeo: null });

describe('price overrides over the table', () => {
  it('price a model the table lacks, from their date on, newest first', () => {
    const overrides = compilePriceOverrides([o('m', '2026-11-01', '7'), o('m', null, '3')]);
    expect(ratesFor('m', Date.UTC(2026, 9, 31))).toBeNull();
    expect(ratesFor('m', Date.UTC(2026, 9, 31), overrides)!.input).toBe(usdRate('3'));
    expect(ratesFor('m', Date.UTC(2026, 10, 1), overrides)!.input).toBe(usdRate('7'));
    expect(isPriced('m', ctx(0), overrides)).toBe(true);
    expect(isPriced('other', ctx(0), overrides)).toBe(false);
  });

  it('replace a table price from their date, and leave the newer table period in force after it', () => {
    // Sonnet 5.5's table: cache read 0.20, then 0.10 from 2026-10-07.
    const overrides = compilePriceOverrides([{ ...o('claude-sonnet-5-5', '2026-09-01', '9'), cacheRead: '0.5' }]);
    expect(ratesFor('claude-sonnet-5-5', Date.UTC(2026, 7, 31), overrides)!.input).toBe(usdRate('2'));
    expect(ratesFor('claude-sonnet-5-5', Date.UTC(2026, 8, 15), overrides)!.read).toBe(usdRate('0.5'));
    expect(ratesFor('claude-sonnet-5-5', Date.UTC(2026, 9, 7), overrides)!.read).toBe(usdRate('0.10'));
  });

  it('derive cache prices by the documented multipliers only when exact', () => {
    expect(derivedCacheRates('3')).toEqual({ cacheWrite5m: '3.75', cacheWrite1h: '6', cacheRead: '0.3' });
    expect(derivedCacheRates('0.8')).toEqual({ cacheWrite5m: '1', cacheWrite1h: '1.6', cacheRead: '0.08' });
    expect(derivedCacheRates('1.0001')).toBeNull();
    expect(formatUsdRate(usdRate('12.5'))).toBe('12.5');
    expect(formatUsdRate(usdRate('0.0001'))).toBe('0.0001');
  });
});
