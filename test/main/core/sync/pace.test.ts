import { describe, expect, it } from 'vitest';
import { RequestBudget } from '../../../../main/core/sync/pace';

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

describe('RequestBudget', () => {
  it('lets the budget through at once, then spaces requests so no minute holds more than the budget', async () => {
    const { clock, sleeps } = fakeClock();
    const budget = new RequestBudget(clock, 3);
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      await budget.acquire();
      times.push(clock.now());
    }
    expect(times).toEqual([0, 0, 0, 60_000, 60_000, 60_000, 120_000]);
    for (const t of times) expect(times.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(3);
    expect(sleeps.length).toBe(2);
  });

  it('is off when the budget is null or 0 (sandbox, benchmarks)', async () => {
    for (const perMinute of [null, 0]) {
      const { clock, sleeps } = fakeClock();
      const budget = new RequestBudget(clock, perMinute);
      for (let i = 0; i < 500; i++) await budget.acquire();
      expect(sleeps).toEqual([]);
    }
  });
});
