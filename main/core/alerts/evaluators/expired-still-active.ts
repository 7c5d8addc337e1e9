/** Keys past `expires_at` that the mirror still lists as active: the API and our view disagree, or a service
 * is about to break on a key everyone believes works. */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { formatLocalDateTime } from '../../time';
import { activeKeys, hasExpired, keyCondition, keyWhere } from './key-helpers';

export function evaluateExpiredStillActive(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const timeZone = rules.quietHours.timeZone;
  return activeKeys(inputs)
    .filter((key) => hasExpired(key, nowMs))
    .map((key) =>
      keyCondition(key, {
        id: `key-expired-active:${key.id}`,
        rule: 'key-expired-active',
        severity: 'warning',
        title: `Key "${key.name}" has expired but is still marked active`,
        body:
          `The key ${keyWhere(inputs, key)} expired ${formatLocalDateTime(key.expiresAtMs ?? nowMs, timeZone)} (${timeZone}). ` +
          'Requests with it fail; archive it once its users have a replacement.',
      }),
    );
}
