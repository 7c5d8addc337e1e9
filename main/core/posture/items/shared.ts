/** What the items share: the verdict shapes, key evidence and the common fixes. */
import type { AlertApiKey } from '../../alerts/index';
import { workspaceKey } from '../../alerts/index';
import { workspaceName } from '../../alerts/evaluators/shared';
import type { PostureEvidence, PostureFix, PostureInputs, PostureItem, PostureItemId } from '../types';

export function passed(id: PostureItemId, title: string, evidence: PostureEvidence[] = []): PostureItem {
  return { id, title, status: 'pass', evidence, fix: null };
}

export function failed(
  id: PostureItemId,
  title: string,
  evidence: PostureEvidence[],
  fix: PostureFix | null,
): PostureItem {
  return { id, title, status: 'fail', evidence, fix };
}

export function notApplicable(id: PostureItemId, title: string, why: string): PostureItem {
  return {
    id,
    title,
    status: 'not_applicable',
    evidence: [{ kind: 'setting', id: null, name: 'not applicable', detail: why }],
    fix: null,
  };
}

export function keyWorkspaceName(inputs: PostureInputs, key: Pick<AlertApiKey, 'workspaceId'>): string {
  // The mirror files legacy keys without a workspace under the default workspace's id when it knows it (db/alerts
  // read-alert-inputs.ts), so a null left over is an organization-scoped key.
  return key.workspaceId === null && inputs.defaultWorkspaceId !== null
    ? 'the organization scope'
    : workspaceName(inputs.alert, workspaceKey(key.workspaceId));
}

export function keyEvidence(
  inputs: PostureInputs,
  key: AlertApiKey,
  detail: string,
  fix: PostureFix | null = null,
): PostureEvidence {
  return { kind: 'api_key', id: key.id, name: key.name, detail: `In ${keyWorkspaceName(inputs, key)}: ${detail}`, fix };
}

/** Quote an argument for a POSIX shell, so a suggested command can be pasted as is. */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Disable (status inactive, reversible) a key through the confirmed admin action. */
export function disableKeyFix(key: AlertApiKey, why: string): PostureFix {
  return {
    label: `Disable “${key.name}” (${why})`,
    command: `clade-admin apikey disable ${key.id}`,
    action: { kind: 'admin-action', action: { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' } },
  };
}

export function activeKeysOf(inputs: PostureInputs): AlertApiKey[] {
  return inputs.alert.keys.filter((key) => key.status === 'active');
}
