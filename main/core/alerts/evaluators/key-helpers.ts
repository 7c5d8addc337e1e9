/** What the key rules share: which keys count, and the common shape of a key condition. */
import type { AlertApiKey, AlertInputs, Condition, RuleId, Severity } from '../types';
import { workspaceKey, workspaceName } from './shared';

/** Only active keys can break a service or leak; inactive, archived and expired ones are left alone. */
export function activeKeys(inputs: AlertInputs): AlertApiKey[] {
  return inputs.keys.filter((key) => key.status === 'active');
}

/** "in Production" (or "in the organization scope" for an org-scoped key without a workspace). */
export function keyWhere(inputs: AlertInputs, key: AlertApiKey): string {
  return `in ${workspaceName(inputs, workspaceKey(key.workspaceId))}`;
}

export function keyCondition(
  key: AlertApiKey,
  fields: { id: string; rule: RuleId; severity: Severity; title: string; body: string },
): Condition {
  return { ...fields, targetKind: 'key', targetId: key.id, targetName: key.name, view: { view: 'keys', id: key.id } };
}
