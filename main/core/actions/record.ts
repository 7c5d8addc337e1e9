/**
 * The trail entry for an action, success or failure (source `local`, type `admin.action`): the sentence, the
 * targets, before → after, and for a failure the API's reason. Never a key: an action names API keys by id and
 * name only, and the admin key is not part of any action.
 */
import type { AuditTarget, JsonValue } from '../audit/event';
import { adminAction, type LocalAuditAction } from '../audit/normalise-local';
import { describeAction, describeDone } from './describe';
import type { ActionContext, AdminAction } from './types';

export interface ActionFailure {
  code: string;
  message: string;
}

export function beforeState(action: AdminAction, context: ActionContext): { [key: string]: JsonValue } | null {
  if (action.kind.startsWith('apikey.'))
    return context.key ? { id: context.key.id, name: context.key.name, status: context.key.status } : null;
  if (action.kind.startsWith('invite.')) return context.invite ? { ...context.invite } : null;
  if (action.kind.startsWith('user.'))
    return context.user ? { id: context.user.id, email: context.user.email, role: context.user.role } : null;
  if (action.kind === 'workspace-member.add') return null;
  return context.member
    ? { workspaceId: context.member.workspaceId, userId: context.member.userId, workspaceRole: context.member.role }
    : null;
}

export function actionTargets(action: AdminAction, context: ActionContext): AuditTarget[] {
  const targets: AuditTarget[] = [];
  if ('keyId' in action)
    targets.push({ type: 'api_key', id: action.keyId, ...(context.key ? { name: context.key.name } : {}) });
  if ('userId' in action)
    targets.push({ type: 'user', id: action.userId, ...(context.user ? { name: context.user.email } : {}) });
  if ('inviteId' in action)
    targets.push({ type: 'invite', id: action.inviteId, ...(context.invite ? { name: context.invite.email } : {}) });
  if (action.kind === 'invite.create') targets.push({ type: 'invite', name: action.email });
  if ('workspaceId' in action)
    targets.push({
      type: 'workspace',
      id: action.workspaceId,
      ...(context.workspace ? { name: context.workspace.name } : {}),
    });
  return targets;
}

export function succeededRecord(input: {
  atMs: number;
  action: AdminAction;
  context: ActionContext;
  after: { [key: string]: JsonValue };
  via: 'cli' | 'window';
}): LocalAuditAction {
  return adminAction({
    atMs: input.atMs,
    summary: describeDone(input.action, input.context),
    targets: actionTargets(input.action, input.context),
    workspaceId: workspaceOf(input.action, input.context),
    keyId: 'keyId' in input.action ? input.action.keyId : null,
    before: beforeState(input.action, input.context),
    after: { ...input.after, action: input.action.kind, outcome: 'succeeded', via: input.via },
  });
}

export function failedRecord(input: {
  atMs: number;
  action: AdminAction;
  context: ActionContext;
  failure: ActionFailure;
  via: 'cli' | 'window';
}): LocalAuditAction {
  return adminAction({
    atMs: input.atMs,
    summary: `Failed: ${describeAction(input.action, input.context)}: ${input.failure.message}`,
    targets: actionTargets(input.action, input.context),
    workspaceId: workspaceOf(input.action, input.context),
    keyId: 'keyId' in input.action ? input.action.keyId : null,
    before: beforeState(input.action, input.context),
    after: {
      action: input.action.kind,
      outcome: 'failed',
      error: { code: input.failure.code, message: input.failure.message },
      via: input.via,
    },
  });
}

function workspaceOf(action: AdminAction, context: ActionContext): string | null {
  if ('workspaceId' in action) return action.workspaceId;
  return context.key?.workspaceId ?? null;
}
