/**
 * Whether the mirror can be trusted: credential rejected (401 on a core route), never synced, data older than
 * `staleAfterHours`, or spend that cannot be judged because a usage or cost report failed in its last sync or is
 * older than that limit. `assessHealth` is the same judgement for `check`'s exit code 3.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition, Severity, SpendSourceState } from '../types';
import { HOUR_MS } from '../../time';
import { inDuration } from './shared';

export type HealthProblem = 'credential-invalid' | 'no-data' | 'data-too-old' | 'spend-unavailable';

/** A usage or cost report that spend cannot be judged from, and why, in words. */
export interface SpendSourceProblem {
  resource: string;
  reason: string;
}

export interface EvaluationHealth {
  /** Empty when the mirror is fit to evaluate. */
  problems: HealthProblem[];
  lastSuccessAtMs: number | null;
  /** Behind 'spend-unavailable': each report that failed or is too old. */
  spend: SpendSourceProblem[];
}

export function assessHealth(inputs: Pick<AlertInputs, 'sync'>, rules: AlertRules, nowMs: number): EvaluationHealth {
  const { lastSuccessAtMs, credentialInvalid } = inputs.sync;
  const problems: HealthProblem[] = [];
  const staleMs = rules.sync.staleAfterHours * HOUR_MS;
  if (credentialInvalid) problems.push('credential-invalid');
  if (lastSuccessAtMs === null) problems.push('no-data');
  else if (nowMs - lastSuccessAtMs > staleMs) problems.push('data-too-old');
  // With nothing synced, or all of it stale, the problem above says it already; a report is named when it alone fails.
  const spend =
    lastSuccessAtMs === null
      ? []
      : spendSourceProblems(inputs.sync.spendSources ?? [], staleMs, nowMs, !problems.includes('data-too-old'));
  if (spend.length > 0) problems.push('spend-unavailable');
  return { problems, lastSuccessAtMs, spend };
}

/**
 * A report that failed in its last attempt, or (when `checkAge`) whose last complete fetch is older than the limit.
 * A report the org does not have ("not available") is no problem: there is no spend to judge there.
 */
function spendSourceProblems(
  sources: readonly SpendSourceState[],
  staleMs: number,
  nowMs: number,
  checkAge: boolean,
): SpendSourceProblem[] {
  const problems: SpendSourceProblem[] = [];
  for (const source of sources) {
    // Never asked (null): the sync that got through did not reach it, which the run's own status already tells.
    if (source.status === 'unavailable' || source.status === null) continue;
    if (source.status === 'error') {
      problems.push({
        resource: source.resource,
        reason: `failed in the last sync${source.detail ? ` (${source.detail})` : ''}`,
      });
    } else if (checkAge && source.lastCompleteAtMs !== null && nowMs - source.lastCompleteAtMs > staleMs) {
      problems.push({
        resource: source.resource,
        reason: `last synced ${ago(source.lastCompleteAtMs, nowMs)}, older than the ${staleMs / HOUR_MS} h limit (sync.staleAfterHours)`,
      });
    }
  }
  return problems;
}

/** One line for texts: "cannot evaluate spend: cost_daily failed in the last sync (…); usage_daily …". */
export function describeSpendProblems(spend: readonly SpendSourceProblem[]): string {
  return `cannot evaluate spend: ${listSpendProblems(spend)}`;
}

function listSpendProblems(spend: readonly SpendSourceProblem[]): string {
  return spend.map((p) => `${p.resource} ${p.reason}`).join('; ');
}

function ago(lastSuccessAtMs: number, nowMs: number): string {
  return inDuration(nowMs - lastSuccessAtMs).replace(/^in /, '') + ' ago';
}

const texts: Record<
  HealthProblem,
  { severity: Severity; title: string; body: (inputs: AlertInputs, nowMs: number, health: EvaluationHealth) => string }
> = {
  'credential-invalid': {
    severity: 'critical',
    title: 'The admin key was rejected',
    body: (inputs) =>
      `The Admin API refused the stored key for ${inputs.org.name}. Syncing has stopped; local data is kept. Store a new admin key to resume.`,
  },
  'no-data': {
    // info: on first launch this holds until the first sync ends; not worth a warning-level notification.
    severity: 'info',
    title: 'No data synced yet',
    body: (inputs) => `${inputs.org.name} has not been synced successfully yet, so no alert can be trusted.`,
  },
  'spend-unavailable': {
    severity: 'warning',
    title: 'Spend cannot be evaluated',
    body: (inputs, _nowMs, health) =>
      `Spend alerts for ${inputs.org.name} cannot be trusted until these reports sync: ${listSpendProblems(health.spend)}.`,
  },
  'data-too-old': {
    severity: 'warning',
    title: 'Data is out of date',
    body: (inputs, nowMs) =>
      `The last successful sync of ${inputs.org.name} was ${ago(inputs.sync.lastSuccessAtMs ?? nowMs, nowMs)}. Alerts reflect that moment.`,
  },
};

export function evaluateSyncHealth(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const health = assessHealth(inputs, rules, nowMs);
  return health.problems.map((problem) => ({
    id: `sync:${problem}`,
    rule: 'sync-health' as const,
    severity: texts[problem].severity,
    targetKind: 'sync' as const,
    targetId: 'sync',
    targetName: inputs.org.name,
    title: texts[problem].title,
    body: texts[problem].body(inputs, nowMs, health),
    view: { view: 'sync' as const },
  }));
}
