/** `clade-admin check` exit codes, for cron and monitoring scripts. */
import type { EvaluationHealth } from './evaluators/sync-health';
import type { Condition } from './types';

export type CheckExitCode = 0 | 1 | 2 | 3;

/**
 * 3 when the mirror cannot be trusted (no data, data too old, credential invalid): then "no alerts" means
 * nothing, so it outranks everything; else 2 for any critical condition, 1 for any warning, 0 otherwise
 * (info conditions such as a dormant key do not fail a check).
 */
export function checkExitCode(
  conditions: readonly Condition[],
  health: Pick<EvaluationHealth, 'problems'>,
): CheckExitCode {
  if (health.problems.length > 0) return 3;
  if (conditions.some((condition) => condition.severity === 'critical')) return 2;
  if (conditions.some((condition) => condition.severity === 'warning')) return 1;
  return 0;
}
