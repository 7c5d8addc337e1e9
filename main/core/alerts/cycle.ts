/**
 * One alert cycle, the way both the app and `clade-admin check` run it: evaluate, judge health, reconcile
 * episodes. Recording only — the app's notifier shows `reconciliation.toNotify` and then calls `markNotified`;
 * the CLI persists `reconciliation.episodes` as they are.
 */
import type { AlertRules } from './rules';
import type { AlertInputs, Condition } from './types';
import { evaluateAlerts } from './evaluate';
import { assessHealth, type EvaluationHealth } from './evaluators/sync-health';
import { checkExitCode, type CheckExitCode } from './exit-code';
import { reconcileEpisodes, type Episode, type EpisodePrefs, type Reconciliation } from './episodes';
import { pruneSnoozes, type Snooze } from './snooze';

/** Episode preferences from the rules (quiet hours) and the stored snoozes (expired ones dropped). */
export function episodePrefs(rules: AlertRules, snoozes: readonly Snooze[], nowMs: number): EpisodePrefs {
  return { quietHours: rules.quietHours, snoozes: pruneSnoozes(snoozes, nowMs) };
}

export interface AlertCycle {
  conditions: Condition[];
  health: EvaluationHealth;
  exitCode: CheckExitCode;
  reconciliation: Reconciliation;
}

export function runAlertCycle(
  inputs: AlertInputs,
  rules: AlertRules,
  stored: readonly Episode[],
  snoozes: readonly Snooze[],
  nowMs: number,
): AlertCycle {
  const conditions = evaluateAlerts(inputs, rules, nowMs);
  const health = assessHealth(inputs, rules, nowMs);
  return {
    conditions,
    health,
    exitCode: checkExitCode(conditions, health),
    reconciliation: reconcileEpisodes(stored, conditions, nowMs, episodePrefs(rules, snoozes, nowMs)),
  };
}
