// Virtual clock: starts at `start` and runs with real time, unless tests set or advance it.

export interface SandboxClock {
  nowMs(): number;
  now(): Date;
  set(at: Date | number): void;
  advance(ms: number): void;
  /** Stop the clock running with real time (tests that need exact instants). */
  freeze(): void;
  isFrozen(): boolean;
}

export function createClock(
  start: Date = new Date(),
  frozenAtStart = false,
  realNow: () => number = Date.now,
): SandboxClock {
  let base = start.getTime();
  let realAtBase = realNow();
  let frozen = frozenAtStart;
  const nowMs = (): number => (frozen ? base : base + (realNow() - realAtBase));
  return {
    nowMs,
    now: () => new Date(nowMs()),
    set(at) {
      base = typeof at === 'number' ? at : at.getTime();
      realAtBase = realNow();
    },
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error('advance needs a non-negative number of ms');
      base = nowMs() + ms;
      realAtBase = realNow();
    },
    freeze() {
      base = nowMs();
      realAtBase = realNow();
      frozen = true;
    },
    isFrozen: () => frozen,
  };
}
