/**
 * The alert centre's rule settings: the stored rules as form text, and a save that converts the text,
 * validates the whole rules object with the alert core's parseAlertRules (the window is never trusted), answers
 * every refusal next to its field, stores, and records each changed setting in the audit trail the way
 * `clade-admin config set` does (one `settings.changed` per dotted key).
 */
import type Database from 'better-sqlite3';
import type { AlertRulesForm, AlertRulesState } from '../../../preload/contract';
import { alertRuleKeys, getAlertRule, parseAlertRules, type AlertRules } from '../../core/alerts/index';
import { recordSettingChanged } from '../audit/index';
import { loadAlertRules, saveAlertRules } from '../alerts/index';

type Errors = Record<string, string>;

export function rulesToForm(rules: AlertRules): AlertRulesForm {
  return {
    orgMonthlyUsd: rules.budgets.orgMonthlyUsd ?? '',
    workspaceBudgets: Object.entries(rules.budgets.workspaceMonthlyUsd).map(([workspaceId, usd]) => ({
      workspaceId,
      usd,
    })),
    thresholdsPct: rules.spend.thresholdsPct.join(', '),
    useApiSpendLimits: rules.spend.useApiSpendLimits,
    forecastEnabled: rules.forecast.enabled && !rules.disabledRules.includes('spend-forecast'),
    anomalyEnabled: !rules.disabledRules.includes('spend-anomaly'),
    expiryDays: rules.keys.expiryDays.join(', '),
    rotationDays: String(rules.keys.rotationDays),
    dormantDays: String(rules.keys.dormantDays),
    quietHoursEnabled: rules.quietHours.enabled,
    quietStart: rules.quietHours.start,
    quietEnd: rules.quietHours.end,
    timeZone: rules.quietHours.timeZone,
    digestEnabled: rules.digest.enabled,
    digestAt: rules.digest.at,
  };
}

export function readRulesState(db: Database.Database, systemTimeZone: string): AlertRulesState {
  const workspaces = db.prepare(`SELECT id, name, archived_at_ms FROM workspaces ORDER BY name, id`).all() as Array<{
    id: string;
    name: string;
    archived_at_ms: number | null;
  }>;
  return {
    form: rulesToForm(loadAlertRules(db, systemTimeZone)),
    workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, archived: w.archived_at_ms !== null })),
    systemTimeZone,
  };
}

const WHOLE = /^\d+$/;

function wholeNumber(text: string, field: string, errors: Errors): number {
  const trimmed = text.trim();
  if (!WHOLE.test(trimmed)) {
    errors[field] = 'must be a whole number';
    return 0;
  }
  return Number(trimmed);
}

function wholeNumbers(text: string, field: string, errors: Errors): number[] {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0 || items.some((item) => !WHOLE.test(item))) {
    errors[field] = 'must be whole numbers separated by commas, e.g. "50, 80, 95, 100"';
    return [];
  }
  return items.map(Number);
}

function withRule(
  disabled: AlertRules['disabledRules'],
  rule: AlertRules['disabledRules'][number],
  enabled: boolean,
): AlertRules['disabledRules'] {
  const others = disabled.filter((id) => id !== rule);
  return enabled ? others : [...others, rule];
}

/** The form applied over the current rules (fields the form does not show keep their values). */
function applyForm(current: AlertRules, form: AlertRulesForm, errors: Errors): unknown {
  const budgets: Record<string, string> = {};
  for (const { workspaceId, usd } of form.workspaceBudgets) {
    if (workspaceId in budgets) errors[`workspaceBudgets.${workspaceId}`] = 'has two budgets; keep one';
    budgets[workspaceId] = usd.trim();
  }
  const org = form.orgMonthlyUsd.trim();
  return {
    ...current,
    disabledRules: withRule(
      withRule(current.disabledRules, 'spend-anomaly', form.anomalyEnabled),
      'spend-forecast',
      true,
    ),
    budgets: { orgMonthlyUsd: org === '' ? null : org, workspaceMonthlyUsd: budgets },
    spend: {
      thresholdsPct: wholeNumbers(form.thresholdsPct, 'thresholdsPct', errors),
      useApiSpendLimits: form.useApiSpendLimits,
    },
    forecast: { ...current.forecast, enabled: form.forecastEnabled },
    keys: {
      expiryDays: wholeNumbers(form.expiryDays, 'expiryDays', errors),
      rotationDays: wholeNumber(form.rotationDays, 'rotationDays', errors),
      dormantDays: wholeNumber(form.dormantDays, 'dormantDays', errors),
    },
    quietHours: {
      enabled: form.quietHoursEnabled,
      start: form.quietStart.trim(),
      end: form.quietEnd.trim(),
      timeZone: form.timeZone.trim(),
    },
    digest: { enabled: form.digestEnabled, at: form.digestAt.trim() },
  };
}

/** parseAlertRules' "path: message" lines → form fields. */
const FIELD_OF_PATH: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^budgets\.orgMonthlyUsd$/, () => 'orgMonthlyUsd'],
  [/^budgets\.workspaceMonthlyUsd\.(.+)$/, (m) => `workspaceBudgets.${m[1]}`],
  [/^spend\.thresholdsPct(\.\d+)?$/, () => 'thresholdsPct'],
  [/^keys\.expiryDays(\.\d+)?$/, () => 'expiryDays'],
  [/^keys\.rotationDays$/, () => 'rotationDays'],
  [/^keys\.dormantDays$/, () => 'dormantDays'],
  [/^quietHours\.start$/, () => 'quietStart'],
  [/^quietHours\.end$/, () => 'quietEnd'],
  [/^quietHours\.timeZone$/, () => 'timeZone'],
  [/^digest\.at$/, () => 'digestAt'],
];

export function fieldErrorsOf(message: string): Errors {
  const errors: Errors = {};
  for (const line of message.split('\n')) {
    const at = line.indexOf(': ');
    const path = at < 0 ? '' : line.slice(0, at);
    const text = at < 0 ? line : line.slice(at + 2);
    const field = FIELD_OF_PATH.map(([pattern, name]) => {
      const match = pattern.exec(path);
      return match ? name(match) : null;
    }).find((name) => name !== null);
    const key = field ?? 'form';
    errors[key] ??= text;
  }
  return errors;
}

export type SaveRulesResult = { saved: true; changedKeys: string[] } | { saved: false; errors: Errors };

/** Converts, validates, stores and records; nothing is stored when any field is refused. */
export function saveRulesForm(
  db: Database.Database,
  form: AlertRulesForm,
  nowMs: number,
  systemTimeZone: string,
): SaveRulesResult {
  const outcome = db
    .transaction((): SaveRulesResult & { before?: AlertRules; after?: AlertRules } => {
      const current = loadAlertRules(db, systemTimeZone);
      const errors: Errors = {};
      const candidate = applyForm(current, form, errors);
      const parsed = parseAlertRules(candidate);
      if (!parsed.ok) Object.assign(errors, { ...fieldErrorsOf(parsed.message), ...errors });
      if (Object.keys(errors).length > 0 || !parsed.ok) return { saved: false, errors };
      saveAlertRules(db, parsed.rules, systemTimeZone, nowMs);
      return { saved: true, changedKeys: [], before: current, after: parsed.rules };
    })
    .immediate();
  if (!outcome.saved || !outcome.before || !outcome.after)
    return outcome.saved ? { saved: true, changedKeys: [] } : { saved: false, errors: outcome.errors };
  const changedKeys = recordChanges(db, outcome.before, outcome.after, nowMs);
  return { saved: true, changedKeys };
}

function recordChanges(db: Database.Database, before: AlertRules, after: AlertRules, nowMs: number): string[] {
  const keys = new Set(
    [...alertRuleKeys(before), ...alertRuleKeys(after)].filter((key) => !key.endsWith('<workspace id>')),
  );
  const changed: string[] = [];
  for (const key of keys) {
    const was = getAlertRule(before, key);
    const now = getAlertRule(after, key);
    const recorded = recordSettingChanged(db, key, was.ok ? was.value : null, now.ok ? now.value : null, nowMs);
    if (recorded !== null) changed.push(key);
  }
  return changed;
}
