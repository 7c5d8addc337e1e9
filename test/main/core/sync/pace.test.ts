import { describe, expect, it } from 'vitest';
import { DEFAULT_BURST, RequestBudget } from '../../../../main/core/sync/pace';

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    advance: (ms: number) => void (now += ms),
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

async function times(budget: RequestBudget, clock: { now(): number }, count: number): Promise<number[]> {
  const at: number[] = [];
  for (let i = 0; i < count; i++) {
    await budget.acquire();
    at.push(clock.now());
  }
  return at;
}

describe('RequestBudget (token bucket)', () => {
  it('lets a burst of 30 through at once, then one request per 60/rate seconds', async () => {
    const { clock } = fakeClock();
    const at = await times(new RequestBudget(clock, 60), clock, DEFAULT_BURST + 5);
    expect(DEFAULT_BURST).toBe(30);
    expect(at.slice(0, 30)).toEqual(Array(30).fill(0));
    expect(at.slice(30)).toEqual([1000, 2000, 3000, 4000, 5000]);
  });

  it('holds the chosen rate over a long backfill: no minute after the burst holds more than the rate', async () => {
    const { clock } = fakeClock();
    const at = await times(new RequestBudget(clock, 120), clock, 400);
    const afterBurst = at.slice(30);
    for (const t of afterBurst)
      expect(afterBurst.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(120);
    expect(at[at.length - 1]).toBe(((400 - 30) * 60_000) / 120);
  });

  it('refills while idle, up to the burst', async () => {
    const { clock, advance, sleeps } = fakeClock();
    const budget = new RequestBudget(clock, 60);
    await times(budget, clock, 30);
    advance(10 * 60_000); // ten idle minutes refill at most one burst, not 600 requests
    await times(budget, clock, 30);
    expect(sleeps).toEqual([]);
    await budget.acquire();
    expect(sleeps).toEqual([1000]);
  });

  it('obeys the first 429 as it is (the client waits its retry-after) and halves the rate from the second on', async () => {
    const { clock } = fakeClock();
    const budget = new RequestBudget(clock, 60);
    budget.rateLimited();
    expect(budget.requestsPerMinute).toBe(60);
    budget.rateLimited();
    expect(budget.requestsPerMinute).toBe(30);
    const start = clock.now();
    const at = await times(budget, clock, 3);
    expect(at.map((t) => t - start)).toEqual([2000, 4000, 6000]); // the bucket was emptied: no burst after a 429
    for (let i = 0; i < 10; i++) budget.rateLimited();
    expect(budget.requestsPerMinute).toBe(1);
  });

  it('is off when the budget is null or 0 (sandbox, benchmarks)', async () => {
    for (const perMinute of [null, 0]) {
      const { clock, sleeps } = fakeClock();
      const budget = new RequestBudget(clock, perMinute);
      for (let i = 0; i < 500; i++) await budget.acquire();
      budget.rateLimited();
      budget.rateLimited();
      expect(sleeps).toEqual([]);
      expect(budget.requestsPerMinute).toBeNull();
    }
  });
});
