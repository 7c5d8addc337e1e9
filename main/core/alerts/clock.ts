/**
 * Time for the alert core. Evaluation and episodes take `nowMs` as an argument; this port exists for callers
 * (scheduler, CLI `check --now`) that want to pass a clock around instead of a number.
 */
export interface Clock {
  /** Epoch milliseconds. */
  nowMs(): number;
}

/** A clock stuck at one instant: tests, and the CLI's `--now ISO-TIME`. */
export function fixedClock(ms: number): Clock {
  return { nowMs: () => ms };
}

/** Adapts a clock shaped like core/ports' `Clock` (`now()`), so callers need not wrap it by hand. */
export function clockFromPort(port: { now(): number }): Clock {
  return { nowMs: () => port.now() };
}
