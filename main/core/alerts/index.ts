/** Public surface of the alert core: what the mirror, the tray, the notifier and the CLI import. */
export type * from './types';
export { RULE_IDS } from './types';
export type { AlertRules, RulesResult } from './rules';
export { defaultAlertRules, alertRulesSchema, parseAlertRules } from './rules';
export { getAlertRule, setAlertRule, alertRuleKeys } from './rule-settings';
export { evaluateAlerts, evaluators, severityRank, type Evaluator } from './evaluate';
export { evaluateSpendThresholds, monthToDateNanocents } from './evaluators/spend-thresholds';
export {
  forecastOrgMonth,
  forecastWorkspaceMonths,
  describeForecastCap,
  type OrgForecast,
  type ForecastCap,
} from './evaluators/org-forecast';
export {
  evaluateForecast,
  projectMonth,
  weekdayAwareRates,
  type MonthProjection,
  type DailyRates,
} from './evaluators/forecast';
export { evaluateSpendAnomaly } from './evaluators/spend-anomaly';
export { evaluateKeyExpiry } from './evaluators/key-expiry';
export { evaluateExpiredStillActive } from './evaluators/expired-still-active';
export { evaluateKeyRotation } from './evaluators/key-rotation';
export { evaluateDormantKeys } from './evaluators/dormant-keys';
export { evaluateOrphanedKeys } from './evaluators/orphaned-keys';
export { evaluateNewPrivilegedMembers } from './evaluators/new-privileged-members';
export { evaluatePendingInvites } from './evaluators/pending-invites';
export { evaluateProductionKeyChanges } from './evaluators/production-key-changes';
export {
  evaluateSyncHealth,
  assessHealth,
  describeSpendProblems,
  type EvaluationHealth,
  type HealthProblem,
  type SpendSourceProblem,
} from './evaluators/sync-health';
export { spendTargets, dailyCostFor, type SpendTarget } from './evaluators/spend-targets';
export { productionWorkspaceKeys } from './evaluators/production';
export { workspaceKey } from './evaluators/shared';
export { isOrphaned } from './evaluators/key-helpers';
export { judgeKey, type KeyFacts, type KeyJudgement, type KeyVerdict } from './key-judgement';
export { checkExitCode, type CheckExitCode } from './exit-code';
export type { Episode, EpisodePrefs, HoldReason, Reconciliation } from './episodes';
export { reconcileEpisodes, markNotified, openEpisodes, isOpen, pruneClosedEpisodes } from './episodes';
export type { QuietHours } from './quiet-hours';
export { isWithinQuietHours, quietHoursEndMs } from './quiet-hours';
export type { Snooze } from './snooze';
export { addSnooze, removeSnooze, pruneSnoozes, activeSnoozeFor, snoozeCovers } from './snooze';
export type { Digest } from './digest';
export { buildDigest, isDigestDue, planDigest, digestLocalDay } from './digest';
export { usdToNanocents, formatUsd, percentFloor } from './money';
export { runAlertCycle, episodePrefs, type AlertCycle } from './cycle';
export { summarizeMonthSpend, type MonthSpendSummary, type WorkspaceSpend } from './spend-summary';
