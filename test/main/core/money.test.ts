import { describe, expect, it } from 'vitest';
import {
  centsNumberToNanocents,
  centsToNanocents,
  MoneyFormatError,
  MoneyPrecisionError,
  nanocentsToCents,
} from '../../../main/core/money';

describe('money', () => {
  it('reads the API cost amounts of admin-api.md §4.2 exactly', () => {
    expect(centsToNanocents('123.45')).toBe(123_450_000_000n);
    expect(centsToNanocents('123.78912')).toBe(123_789_120_000n);
    expect(centsToNanocents('0')).toBe(0n);
    expect(centsToNanocents('50000')).toBe(50_000_000_000_000n);
    expect(centsToNanocents('-1.5')).toBe(-1_500_000_000n);
    expect(centsToNanocents('.5')).toBe(500_000_000n);
    expect(centsToNanocents('0.000000001')).toBe(1n);
  });

  it('reports an amount finer than a nanocent instead of rounding it', () => {
    expect(() => centsToNanocents('0.0000000001')).toThrow(MoneyPrecisionError);
    expect(() => centsToNanocents('1.1234567891')).toThrow(MoneyPrecisionError);
    // Trailing zeros beyond nine digits carry no precision and are fine.
    expect(centsToNanocents('1.1234567890000')).toBe(1_123_456_789n);
  });

  it('rejects things that are not decimal amounts', () => {
    for (const bad of ['', 'abc', '1.2.3', '1,5', 'NaN', '0x10']) {
      expect(() => centsToNanocents(bad), bad).toThrow(MoneyFormatError);
    }
  });

  it('reads numbers of cents, including exponent forms, as printed', () => {
    expect(centsNumberToNanocents(12.5)).toBe(12_500_000_000n);
    expect(centsNumberToNanocents(1e-7)).toBe(100n);
    expect(centsNumberToNanocents(1.5e3)).toBe(1_500_000_000_000n);
    expect(() => centsNumberToNanocents(1e-12)).toThrow(MoneyPrecisionError);
  });

  it('writes nanocents back as minimal decimal strings of cents and round-trips', () => {
    expect(nanocentsToCents(123_450_000_000n)).toBe('123.45');
    expect(nanocentsToCents(0n)).toBe('0');
    expect(nanocentsToCents(-1n)).toBe('-0.000000001');
    for (const s of ['123.78912', '0.1', '99999999999.999999999', '-42']) {
      expect(nanocentsToCents(centsToNanocents(s))).toBe(s);
    }
  });

  it('sums exactly where floats would drift', () => {
    const total = ['0.1', '0.2'].map(centsToNanocents).reduce((a, b) => a + b, 0n);
    expect(nanocentsToCents(total)).toBe('0.3');
  });
});
