/** Active keys older than the rotation policy (90 days by default). */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { activeKeys, isRotationDue, keyCondition, keyWhere } from './key-helpers';
import { plural, wholeDaysBetween } from './shared';

export function evaluateKeyRotation(inputs: AlertInputs, rules: AlertRules, nowMs: number): Condition[] {
  return activeKeys(inputs)
    .filter((key) => isRotationDue(key, rules, nowMs))
    .map((key) =>
      keyCondition(key, {
        id: `key-rotation:${key.id}`,
        rule: 'key-rotation',
        severity: 'info',
        title: `Key "${key.name}" is ${plural(wholeDaysBetween(key.createdAtMs, nowMs), 'day')} old`,
        body:
          `The key ${keyWhere(inputs, key)} is older than your ${rules.keys.rotationDays}-day rotation policy. ` +
          'Create a replacement in the Console, switch its users over, then archive this one.',
      }),
    );
}
