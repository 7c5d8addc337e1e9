/**
 * Snoozes hold notifications for a rule, for a target, or both, until a time. "Pause alerts for 1 h" in the
 * tray is `{ rule: '*', targetId: null }`. Snoozes are persisted next to the episodes by the caller.
 */
import type { RuleId } from './types';

export interface Snooze {
  /** The rule, or '*' for every rule. */
  rule: RuleId | '*';
  /** One target (workspace/key/user/invite id), or null for every target of the rule. */
  targetId: string | null;
  untilMs: number;
}

export function snoozeCovers(snooze: Snooze, subject: { rule: RuleId; targetId: string }, nowMs: number): boolean {
  return (
    snooze.untilMs > nowMs &&
    (snooze.rule === '*' || snooze.rule === subject.rule) &&
    (snooze.targetId === null || snooze.targetId === subject.targetId)
  );
}

/** The active snooze holding this rule/target that lasts longest, if any. */
export function activeSnoozeFor(
  snoozes: readonly Snooze[],
  subject: { rule: RuleId; targetId: string },
  nowMs: number,
): Snooze | undefined {
  return snoozes.filter((snooze) => snoozeCovers(snooze, subject, nowMs)).sort((a, b) => b.untilMs - a.untilMs)[0];
}

/** Drops snoozes that have ended. */
export function pruneSnoozes(snoozes: readonly Snooze[], nowMs: number): Snooze[] {
  return snoozes.filter((snooze) => snooze.untilMs > nowMs);
}

/** Adds a snooze, replacing one with the same rule and target (so re-snoozing shortens or extends it). */
export function addSnooze(snoozes: readonly Snooze[], snooze: Snooze, nowMs: number): Snooze[] {
  const others = pruneSnoozes(snoozes, nowMs).filter(
    (existing) => existing.rule !== snooze.rule || existing.targetId !== snooze.targetId,
  );
  return snooze.untilMs > nowMs ? [...others, snooze] : others;
}

/** Ends a snooze early. */
export function removeSnooze(snoozes: readonly Snooze[], rule: Snooze['rule'], targetId: string | null): Snooze[] {
  return snoozes.filter((existing) => existing.rule !== rule || existing.targetId !== targetId);
}
