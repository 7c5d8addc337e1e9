import { describe, expect, it } from 'vitest';
import { centsToDollars, csvCell, spendToCsv } from '../../../../renderer/features/spend/spend-csv';

describe('centsToDollars', () => {
  it.each([
    ['0', '0'],
    ['5', '0.05'],
    ['250', '2.5'],
    ['123456.789', '1234.56789'],
    ['100000000000000000001', '1000000000000000000.01'],
    ['-1.5', '-0.015'],
  ])('%s cents → %s dollars', (cents, dollars) => {
    expect(centsToDollars(cents)).toBe(dollars);
  });
});

describe('csvCell', () => {
  it('quotes commas and quotes, and defuses formulas but not negative numbers', () => {
    expect(csvCell('Research, EU')).toBe('"Research, EU"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-12.5')).toBe('-12.5');
  });
});

describe('spendToCsv', () => {
  it('writes one row per day and one exact column per group', () => {
    const csv = spendToCsv({
      currency: 'USD',
      dayStartsMs: [Date.UTC(2026, 10, 1), Date.UTC(2026, 10, 2)],
      series: [{ key: 'w1', label: 'Production', cents: ['100.000000001', '0'], totalCents: '100.000000001' }],
      totalCents: '100.000000001',
    });
    expect(csv).toBe('day,Production (USD)\r\n2026-11-01,1.00000000001\r\n2026-11-02,0\r\n');
  });
});
