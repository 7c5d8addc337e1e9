import { describe, expect, it } from 'vitest';
import { centsToNanocents } from '../../../../main/core/money';
import {
  formatUsd,
  multiplyByFactor,
  percentFloor,
  reachesPercent,
  usdToNanocents,
} from '../../../../main/core/alerts/money';

describe('alert money', () => {
  it.each([
    ['1500', 150_000_000_000_000n],
    ['1500.50', 150_050_000_000_000n],
    ['0.01', 1_000_000_000n],
    ['0.00000000001', 1n],
    ['12.3456789012', 1_234_567_890_120n],
  ])('reads the USD budget %s as %s nanocents', (text, expected) => {
    expect(usdToNanocents(text)).toBe(expected);
  });

  it.each(['', '-5', '1e3', '1,500', '$10', '12.', '.5', 'abc', '12.3456789012345'])(
    'refuses %j as a USD amount (finer than a nanocent is refused, never rounded)',
    (text) => {
      expect(usdToNanocents(text)).toBeNull();
    },
  );

  it('reads API cents strings, fractional ones included (cost_report "123.78912")', () => {
    expect(centsToNanocents('50000')).toBe(50_000_000_000_000n);
    expect(centsToNanocents('123.78912')).toBe(123_789_120_000n);
  });

  it.each([
    [0n, '$0.00'],
    [150_050_000_000_000n, '$1,500.50'],
    [123_789_120_000n, '$1.24'],
    [1_234_567_800_000_000_000n, '$12,345,678.00'],
  ])('formats %s nanocents as %s', (nanocents, text) => {
    expect(formatUsd(nanocents)).toBe(text);
  });

  it('treats exactly 80 % as reached and a nanocent less as not', () => {
    const budget = usdToNanocents('1500')!;
    const eighty = usdToNanocents('1200')!;
    expect(reachesPercent(eighty, budget, 80)).toBe(true);
    expect(reachesPercent(eighty - 1n, budget, 80)).toBe(false);
    expect(percentFloor(eighty - 1n, budget)).toBe(79);
    expect(percentFloor(eighty, budget)).toBe(80);
  });

  it('multiplies by fractional factors exactly to a thousandth', () => {
    expect(multiplyByFactor(1000n, 2.5)).toBe(2500n);
    expect(multiplyByFactor(3n, 3)).toBe(9n);
  });
});
