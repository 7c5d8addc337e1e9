/** The estimate's price table against admin-api.md §6 (USD per million tokens), exactly, with its multipliers. */
import { describe, expect, it } from 'vitest';
import {
  estimateCostPicocents,
  isPriced,
  picocentsToCents,
  ratesFor,
  usdRate,
  type PriceContext,
  type TokenCounts,
} from '../../../main/core/pricing';

const MILLION = 1_000_000;
const at = Date.UTC(2026, 10, 1);
const standard: PriceContext = { atMs: at, serviceTier: 'standard', contextWindow: '0-200k', inferenceGeo: 'global' };
const none: TokenCounts = { uncachedInput: 0, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 0, output: 0 };

/** Cents for one million tokens of one type: the table's dollars × 100. */
function centsPerMillion(model: string, type: keyof TokenCounts, ctx: PriceContext = standard): string | null {
  const cost = estimateCostPicocents(model, { ...none, [type]: MILLION }, ctx);
  return cost === null ? null : picocentsToCents(cost);
}

describe('the price table (admin-api.md §6)', () => {
  it.each([
    // model, input, 5m write, 1h write, cache read, output — in USD per MTok, as in the table
    ['claude-fable-5-1', '10', '12.5', '20', '0.25', '50'],
    ['claude-mythos-5', '10', '12.5', '20', '1', '50'],
    ['claude-opus-5-5', '4', '5', '8', '0.2', '20'],
    ['claude-opus-4-6', '5', '6.25', '10', '0.5', '25'],
    ['claude-opus-4-5-20251101', '5', '6.25', '10', '0.5', '25'],
    ['claude-sonnet-5', '2', '2.5', '4', '0.2', '10'],
    ['claude-sonnet-4-5-20250929', '3', '3.75', '6', '0.3', '15'],
    ['claude-haiku-4-5-20251001', '1', '1.25', '2', '0.1', '5'],
  ])('%s costs %s / %s / %s / %s / %s dollars per million tokens', (model, input, w5, w1, read, output) => {
    const dollars = (type: keyof TokenCounts): string => {
      const cents = centsPerMillion(model, type)!;
      return picocentsToCents(BigInt(Math.round(Number(cents))) * 10_000_000_000n); // cents → dollars, exact for these values
    };
    expect([
      dollars('uncachedInput'),
      dollars('cacheWrite5m'),
      dollars('cacheWrite1h'),
      dollars('cacheRead'),
      dollars('output'),
    ]).toEqual([input, w5, w1, read, output]);
  });

  it('gives one token of Haiku 4.5 input as 1e-4 cent exactly (no float anywhere)', () => {
    expect(picocentsToCents(estimateCostPicocents('claude-haiku-4-5', { ...none, uncachedInput: 1 }, standard)!)).toBe(
      '0.0001',
    );
    expect(picocentsToCents(estimateCostPicocents('claude-fable-5-1', { ...none, cacheRead: 1 }, standard)!)).toBe(
      '0.000025',
    );
  });

  it('cuts Sonnet 5.5 cache reads from 0.20 to 0.10 on 2026-10-07', () => {
    expect(centsPerMillion('claude-sonnet-5-5', 'cacheRead', { ...standard, atMs: Date.UTC(2026, 9, 6, 23) })).toBe(
      '20',
    );
    expect(centsPerMillion('claude-sonnet-5-5', 'cacheRead', { ...standard, atMs: Date.UTC(2026, 9, 7) })).toBe('10');
    expect(centsPerMillion('claude-sonnet-5-5', 'output')).toBe('1000');
  });

  it('halves Batch, adds 10 % for the US geo on Opus 4.6+ only, and 2× input / 1.5× output for long context on Sonnet 4.5', () => {
    expect(centsPerMillion('claude-opus-5', 'output', { ...standard, serviceTier: 'batch' })).toBe('1250');
    expect(centsPerMillion('claude-opus-4-6', 'uncachedInput', { ...standard, inferenceGeo: 'us' })).toBe('550');
    expect(centsPerMillion('claude-opus-4-5', 'uncachedInput', { ...standard, inferenceGeo: 'us' })).toBe('500');
    expect(centsPerMillion('claude-sonnet-4-5', 'uncachedInput', { ...standard, contextWindow: '200k-1M' })).toBe(
      '600',
    );
    expect(centsPerMillion('claude-sonnet-4-5', 'output', { ...standard, contextWindow: '200k-1M' })).toBe('2250');
    expect(centsPerMillion('claude-sonnet-4-6', 'output', { ...standard, contextWindow: '200k-1M' })).toBe('1500');
    // all three at once stay exact: 7 tokens of batch + US Opus 4.6 output = 7 × 25e-4 × 1.1 / 2 cents
    expect(
      picocentsToCents(
        estimateCostPicocents(
          'claude-opus-4-6',
          { ...none, output: 7 },
          { ...standard, serviceTier: 'batch', inferenceGeo: 'us' },
        )!,
      ),
    ).toBe('0.009625');
  });

  it('gives no estimate (null, never a guess) for unknown models and unpriced tiers', () => {
    for (const model of ['claude-fable-5-2', 'claude-mythos-preview', 'claude-haiku-5-5', 'gpt-4']) {
      expect(estimateCostPicocents(model, { ...none, output: 10 }, standard)).toBeNull();
      expect(ratesFor(model, at)).toBeNull();
    }
    expect(estimateCostPicocents(null, { ...none, output: 10 }, standard)).toBeNull();
    expect(
      estimateCostPicocents('claude-opus-5', { ...none, output: 10 }, { ...standard, serviceTier: 'priority' }),
    ).toBeNull();
    expect(isPriced('claude-opus-5', { ...standard, serviceTier: 'flex' })).toBe(false);
    expect(isPriced('claude-opus-5', { ...standard, serviceTier: null })).toBe(true);
  });

  it('parses prices from text and refuses more than 4 decimals', () => {
    expect(usdRate('12.50')).toBe(125_000n);
    expect(usdRate('0.025')).toBe(250n);
    expect(() => usdRate('0.00001')).toThrow();
    expect(picocentsToCents(-1n)).toBe('-0.000000000001');
  });
});
