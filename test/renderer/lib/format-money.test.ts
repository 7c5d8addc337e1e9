import { describe, expect, it } from 'vitest';
import { formatCents, formatCount } from '../../../renderer/lib/format';

describe('formatCents', () => {
  it.each([
    ['0', '$0.00'],
    ['5', '$0.05'],
    ['123456.5', '$1,234.57'],
    ['123456.49999', '$1,234.56'],
    ['100000000000000000001', '$1,000,000,000,000,000,000.01'],
    ['0.4', '< $0.01'],
    ['-250', '-$2.50'],
  ])('%s cents → %s', (cents, shown) => {
    expect(formatCents(cents)).toBe(shown);
  });
});

describe('formatCount', () => {
  it('shortens token counts', () => {
    expect(formatCount(999)).toBe('999');
    expect(formatCount(5_300)).toBe('5.3k');
    expect(formatCount(1_250_000)).toBe('1.3M');
  });
});
