import { describe, expect, it } from 'vitest';
import { createSyncScheduler } from '../../../main/app/scheduler';

function fakeTimers() {
  const intervals: { fn: () => void; ms: number }[] = [];
  return {
    intervals,
    timers: {
      setInterval: (fn: () => void, ms: number) => intervals.push({ fn, ms }) - 1,
      clearInterval: (h: unknown) => intervals.splice(h as number, 1),
    },
  };
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('sync scheduler', () => {
  it('syncs every 15 minutes by default once started', async () => {
    const { intervals, timers } = fakeTimers();
    let syncs = 0;
    const scheduler = createSyncScheduler({ sync: async () => void (syncs += 1), timers, log: () => undefined });
    scheduler.start();
    scheduler.start(); // idempotent
    expect(intervals).toHaveLength(1);
    expect(intervals[0]!.ms).toBe(15 * 60_000);
    intervals[0]!.fn();
    await Promise.resolve();
    expect(syncs).toBe(1);
    scheduler.stop();
    expect(intervals).toHaveLength(0);
  });

  it('never runs two syncs at once: a trigger during a sync joins it', async () => {
    const gate = deferred();
    let started = 0;
    const states: boolean[] = [];
    const scheduler = createSyncScheduler({
      sync: () => {
        started += 1;
        return gate.promise;
      },
      timers: fakeTimers().timers,
      onSyncingChanged: (s) => states.push(s),
      log: () => undefined,
    });
    const first = scheduler.trigger();
    const second = scheduler.trigger(); // e.g. "Sync now" while the resume sync runs
    expect(second).toBe(first);
    expect(started).toBe(1);
    expect(scheduler.isSyncing()).toBe(true);
    gate.resolve();
    await first;
    expect(scheduler.isSyncing()).toBe(false);
    expect(states).toEqual([true, false]);
    await scheduler.trigger();
    expect(started).toBe(2);
  });

  it('logs a failed sync and keeps going', async () => {
    const logged: string[] = [];
    let calls = 0;
    const scheduler = createSyncScheduler({
      sync: async () => {
        calls += 1;
        if (calls === 1) throw new Error('network down');
      },
      timers: fakeTimers().timers,
      log: (m) => logged.push(m),
    });
    await expect(scheduler.trigger()).resolves.toBeUndefined();
    expect(logged).toHaveLength(1);
    await scheduler.trigger();
    expect(calls).toBe(2);
  });
});
