/**
 * Whether the mirror can be trusted: credential rejected (401 on a core route), never synced, or data older
 * than `staleAfterHours`. `assessHealth` is the same judgement for `check`'s exit code 3.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition, Severity } from '../types';
import { HOUR_MS } from '../calendar';
import { inDuration } from './shared';

export type HealthProblem = 'credential-invalid' | 'no-data' | 'data-too-old';

export interface EvaluationHealth {
  /** Empty when the mirror is fit to evaluate. */
  problems: HealthProblem[];
  lastSuccessAtMs: number | null;
}

export function assessHealth(inputs: Pick<AlertInputs, 'sync'>, rules: AlertRules, nowMs: number): EvaluationHealth {
  const { lastSuccessAtMs, credentialInvalid } = inputs.sync;
  const problems: HealthProblem[] = [];
  if (credentialInvalid) problems.push('credential-invalid');
  if (lastSuccessAtMs === null) problems.push('no-data');
  else if (nowMs - lastSuccessAtMs > rules.sync.staleAfterHours * HOUR_MS) problems.push('data-too-old');
  return { problems, lastSuccessAtMs };
}

function ago(lastSuccessAtMs: number, nowMs: number): string {
  return inDuration(nowMs - lastSuccessAtMs).replace(/^in /, '') + ' ago';
}

const texts: Record<HealthProblem, { severity: Severity; title: string; body: (inputs: AlertInputs, nowMs: number) => string }> = {
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
  'data-too-old': {
    severity: 'warning',
    title: 'Data is out of date',
    body: (inputs, nowMs) =>
      `The last successful sync of ${inputs.org.name} was ${ago(inputs.sync.lastSuccessAtMs ?? nowMs, nowMs)}. Alerts reflect that moment.`,
  },
};

export function evaluateSyncHealth(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  return assessHealth(inputs, rules, nowMs).problems.map((problem) => ({
    id: `sync:${problem}`,
    rule: 'sync-health' as const,
    severity: texts[problem].severity,
    targetKind: 'sync' as const,
    targetId: 'sync',
    targetName: inputs.org.name,
    title: texts[problem].title,
    body: texts[problem].body(inputs, nowMs),
    view: { view: 'sync' as const },
  }));
}
