/**
 * Active keys whose `expires_at` is near: one condition for the smallest warning window reached (14, 7, 1 days
 * by default), so each window is its own episode. Durations are exact (ms), independent of time zones; the
 * expiry instant is written in the admin's zone, since "midnight UTC" is the afternoon before in California.
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition, Severity } from '../types';
import { formatLocalDateTime } from '../../time';
import { activeKeys, expiryWindowDays, keyCondition, keyWhere } from './key-helpers';
import { inDuration } from './shared';

function severityOf(windowDays: number): Severity {
  if (windowDays <= 1) return 'critical';
  return windowDays <= 7 ? 'warning' : 'info';
}

export function evaluateKeyExpiry(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const timeZone = rules.quietHours.timeZone;
  const conditions: Condition[] = [];
  for (const key of activeKeys(inputs)) {
    const window = expiryWindowDays(key, rules, nowMs);
    if (window === null || key.expiresAtMs === null) continue;
    const left = key.expiresAtMs - nowMs;
    conditions.push(
      keyCondition(key, {
        id: `key-expiry:${key.id}:${window}d`,
        rule: 'key-expiry',
        severity: severityOf(window),
        title: `Key "${key.name}" expires ${inDuration(left)}`,
        body:
          `The key ${keyWhere(inputs, key)} expires ${formatLocalDateTime(key.expiresAtMs, timeZone)} (${timeZone}). ` +
          'Create a replacement in the Console and move its users before then.',
      }),
    );
  }
  return conditions;
}
