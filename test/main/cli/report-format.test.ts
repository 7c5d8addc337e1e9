import { describe, expect, it } from 'vitest';
import { centsToDollars } from '../../../main/cli/commands/report';

describe('report text output: cents to dollars for display', () => {
  it.each([
    ['0', '0.00'],
    ['1', '0.01'],
    ['123.45', '1.23'],
    ['123.5', '1.24'],
    ['123.49999', '1.23'],
    ['123.78912', '1.24'],
    ['100000', '1000.00'],
    ['-250.5', '-2.51'],
  ])('%s cents shows as $%s', (cents, dollars) => {
    expect(centsToDollars(cents)).toBe(dollars);
  });
});
