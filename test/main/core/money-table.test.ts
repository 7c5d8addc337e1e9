/**
 * One money rule on both sides of the IPC bridge. The renderer cannot import core (the layers' import rules), so
 * it has its own formatter and its own exact cents → dollars; this table proves they write every amount as
 * core/money does. The one deliberate difference: below a cent, the window says "< $0.01" where texts say "$0.00".
 */
import { describe, expect, it } from 'vitest';
import { centsToDollars, centsToNanocents, formatUsd, roundToWholeCents } from '../../../main/core/money';
import { formatCents } from '../../../renderer/lib/format';
import { centsToDollars as csvCentsToDollars } from '../../../renderer/features/spend/spend-csv';

const TABLE: Array<[cents: string, shown: string, exactDollars: string]> = [
  ['0', '$0.00', '0'],
  ['1', '$0.01', '0.01'],
  ['5', '$0.05', '0.05'],
  ['123.45', '$1.23', '1.2345'],
  ['123.5', '$1.24', '1.235'],
  ['123.49999', '$1.23', '1.2349999'],
  ['123.78912', '$1.24', '1.2378912'],
  ['250', '$2.50', '2.5'],
  ['100000', '$1,000.00', '1000'],
  ['123456.789', '$1,234.57', '1234.56789'],
  ['1214512.4999', '$12,145.12', '12145.124999'],
  ['-250.5', '-$2.51', '-2.505'],
  ['-1.5', '-$0.02', '-0.015'],
  ['100000000000000000001', '$1,000,000,000,000,000,000.01', '1000000000000000000.01'],
];

describe('core/money and the renderer write amounts by one rule', () => {
  it.each(TABLE)('%s cents: shown %s, exactly %s dollars', (cents, shown, exactDollars) => {
    expect(formatUsd(centsToNanocents(cents))).toBe(shown);
    expect(formatCents(cents)).toBe(shown);
    expect(centsToDollars(cents)).toBe(exactDollars);
    expect(csvCentsToDollars(cents)).toBe(exactDollars);
  });

  it('rounds to whole cents half away from zero, in nanocents and picocents alike', () => {
    expect(roundToWholeCents(1_500_000_000n, 1_000_000_000n)).toBe(2n);
    expect(roundToWholeCents(-1_500_000_000n, 1_000_000_000n)).toBe(-2n);
    expect(roundToWholeCents(1_499_999_999_999n, 1_000_000_000_000n)).toBe(1n);
  });

  it('below a cent: texts say $0.00, the window "< $0.01" (the one deliberate difference)', () => {
    expect(formatUsd(centsToNanocents('0.4'))).toBe('$0.00');
    expect(formatCents('0.4')).toBe('< $0.01');
  });

  it('refuses what is not an amount of cents, instead of passing it through', () => {
    expect(() => centsToDollars('12,50')).toThrow();
    expect(() => centsToNanocents('abc')).toThrow();
  });
});
