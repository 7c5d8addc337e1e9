/** Sharing a workspace × model day's exact estimate out among its keys: exact sums, proportional, deterministic. */
import { describe, expect, it } from 'vitest';
import { shareOut } from '../../../main/db/queries/usage-key-estimate';

describe('shareOut', () => {
  it('splits in proportion and adds up to the total exactly, leftovers to the largest remainders', () => {
    expect(shareOut(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(shareOut(10n, [1n, 2n, 7n])).toEqual([1n, 2n, 7n]);
    expect(shareOut(7n, [3n, 5n])).toEqual([3n, 4n]); // 2.625 and 4.375 → the .625 gets the leftover
    const big = shareOut(1_000_000_000_000_000_001n, [123n, 456n, 789n]);
    expect(big.reduce((a, b) => a + b, 0n)).toBe(1_000_000_000_000_000_001n);
  });

  it('gives a zero-weight key nothing', () => {
    expect(shareOut(50n, [0n, 5n])).toEqual([0n, 50n]);
  });
});
