/**
 * The whole evaluation: (mirror snapshot, rules, instant) → conditions, most severe first. Pure and
 * deterministic, so the app's alert cycle, `clade-admin check --now …` and the tests all agree.
 */
import type { AlertRules } from './rules';
import type { AlertInputs, Condition, RuleId, Severity } from './types';
import { evaluateDormantKeys } from './evaluators/dormant-keys';
import { evaluateExpiredStillActive } from './evaluators/expired-still-active';
import { evaluateForecast } from './evaluators/forecast';
import { evaluateKeyExpiry } from './evaluators/key-expiry';
import { evaluateKeyRotation } from './evaluators/key-rotation';
import { evaluateNewPrivilegedMembers } from './evaluators/new-privileged-members';
import { evaluateOrphanedKeys } from './evaluators/orphaned-keys';
import { evaluatePendingInvites } from './evaluators/pending-invites';
import { evaluateProductionKeyChanges } from './evaluators/production-key-changes';
import { evaluateSpendAnomaly } from './evaluators/spend-anomaly';
import { evaluateSpendThresholds } from './evaluators/spend-thresholds';
import { evaluateSyncHealth } from './evaluators/sync-health';

export type Evaluator = (inputs: AlertInputs, rules: AlertRules, nowMs: number) => Condition[];

export const evaluators: Readonly<Record<RuleId, Evaluator>> = {
  'spend-threshold': evaluateSpendThresholds,
  'spend-forecast': evaluateForecast,
  'spend-anomaly': evaluateSpendAnomaly,
  'key-expiry': evaluateKeyExpiry,
  'key-expired-active': evaluateExpiredStillActive,
  'key-rotation': evaluateKeyRotation,
  'key-dormant': evaluateDormantKeys,
  'key-orphaned': evaluateOrphanedKeys,
  'new-privileged-member': evaluateNewPrivilegedMembers,
  'pending-invite': evaluatePendingInvites,
  'production-key-change': evaluateProductionKeyChanges,
  'sync-health': evaluateSyncHealth,
};

export const severityRank: Readonly<Record<Severity, number>> = { critical: 2, warning: 1, info: 0 };

export function evaluateAlerts(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const conditions: Condition[] = [];
  for (const [rule, evaluate] of Object.entries(evaluators) as Array<[RuleId, Evaluator]>) {
    if (rules.disabledRules.includes(rule)) continue;
    conditions.push(...evaluate(inputs, rules, nowMs));
  }
  return conditions.sort(
    (a, b) => severityRank[b.severity] - severityRank[a.severity] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
