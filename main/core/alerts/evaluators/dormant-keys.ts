/**
 * Active keys with no usage for `dormantDays`: by the last UTC day the usage report shows them, or, for a key
 * never seen in usage, by its age (a key created yesterday is new, not dormant).
 */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { activeKeys, idleDays, isDormant, keyCondition, keyWhere } from './key-helpers';
import { plural } from './shared';

export function evaluateDormantKeys(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  const conditions: Condition[] = [];
  for (const key of activeKeys(inputs)) {
    if (!isDormant(key, rules, nowMs)) continue;
    const idle = idleDays(key, nowMs);
    const since = key.lastUsedDay === null ? 'has never been used' : `was last used on ${key.lastUsedDay}`;
    conditions.push(
      keyCondition(key, {
        id: `key-dormant:${key.id}`,
        rule: 'key-dormant',
        severity: 'info',
        title: `Key "${key.name}" has not been used for ${plural(idle, 'day')}`,
        body: `The key ${keyWhere(inputs, key)} ${since}. An unused active key is risk without benefit: consider archiving it.`,
      }),
    );
  }
  return conditions;
}
