import { describe, expect, it } from 'vitest';
import { customRangeProblem } from '../../../../renderer/features/spend/spend-range';

const now = Date.UTC(2026, 10, 21, 9);

describe('customRangeProblem', () => {
  it('accepts whole UTC days up to today', () => {
    expect(customRangeProblem('2026-11-01', '2026-11-21', 'day', now)).toBeNull();
    expect(customRangeProblem('2026-11-01', '2026-11-21', 'hour', now)).toBeNull();
  });
  it.each([
    ['', '2026-11-02', 'day', /both/],
    ['2026-02-30', '2026-03-02', 'day', /start day is not a calendar day/],
    ['2026-11-05', '2026-11-01', 'day', /after the end day/],
    ['2026-11-01', '2026-11-22', 'day', /future/],
    ['2025-01-01', '2026-11-01', 'day', /366 days/],
    ['2026-09-01', '2026-11-01', 'hour', /at most 31 days/],
  ] as const)('%s – %s by %s: refused', (from, to, bucket, message) => {
    expect(customRangeProblem(from, to, bucket, now)).toMatch(message);
  });
});
