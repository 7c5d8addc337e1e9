/** Active keys created by a user who is no longer a member: keys outlive their creators (admin-api.md §3.2),
 * so nobody may know what depends on them. Keys without a user creator (service accounts, legacy) are skipped. */
import type { AlertRules } from '../rules';
import type { AlertInputs, Condition } from '../types';
import { activeKeys, isOrphaned, keyCondition, keyWhere } from './key-helpers';

export function evaluateOrphanedKeys(inputs: AlertInputs, _rules: AlertRules, _nowMs: number): Condition[] {
  const members = new Set(inputs.users.map((user) => user.id));
  return activeKeys(inputs)
    .filter((key) => isOrphaned(key, members))
    .map((key) =>
      keyCondition(key, {
        id: `key-orphaned:${key.id}`,
        rule: 'key-orphaned',
        severity: 'warning',
        title: `Key "${key.name}" belongs to someone who left`,
        body: `The key ${keyWhere(inputs, key)} was created by a user who is no longer in ${inputs.org.name}. Find its owner or archive it.`,
      }),
    );
}
