import { afterEach, describe, expect, it, vi } from 'vitest';
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

describe('sync scheduler interval from the setting', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('syncs on the interval the setting gives, and after a change from 15 to 30 minutes waits 30 from the change', async () => {
    vi.useFakeTimers();
    let minutes = 15;
    let syncs = 0;
    const scheduler = createSyncScheduler({
      sync: async () => void (syncs += 1),
      intervalMs: () => minutes * 60_000,
      log: () => undefined,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(syncs).toBe(1);
    minutes = 30;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(syncs).toBe(1); // the old 15-minute timer is gone
    await vi.advanceTimersByTimeAsync(15 * 60_000);
    expect(syncs).toBe(2);
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(syncs).toBe(3);
    scheduler.stop();
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(syncs).toBe(3);
  });

  it('keeps the no-overlap rule across a reschedule: a tick during a long sync joins it', async () => {
    vi.useFakeTimers();
    let minutes = 30;
    let started = 0;
    let release!: () => void;
    const scheduler = createSyncScheduler({
      sync: () => {
        started += 1;
        return new Promise<void>((resolve) => (release = resolve));
      },
      intervalMs: () => minutes * 60_000,
      log: () => undefined,
    });
    scheduler.start();
    await vi.advanceTimersByTimeAsync(30 * 60_000);
    expect(started).toBe(1);
    minutes = 5;
    scheduler.reschedule();
    await vi.advanceTimersByTimeAsync(20 * 60_000); // four ticks while the first sync still runs
    expect(started).toBe(1);
    expect(scheduler.isSyncing()).toBe(true);
    release();
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(started).toBe(2);
    scheduler.stop();
  });

  it('does not start timers on reschedule before start, and falls back to 15 minutes on a nonsense interval', () => {
    const { intervals, timers } = fakeTimers();
    const scheduler = createSyncScheduler({
      sync: async () => undefined,
      intervalMs: () => Number.NaN,
      timers,
      log: () => undefined,
    });
    scheduler.reschedule();
    expect(intervals).toHaveLength(0);
    scheduler.start();
    expect(intervals[0]!.ms).toBe(15 * 60_000);
  });
});
