/**
 * What a successful action changes in the mirror, so the window shows it at once instead of after the next sync:
 * upsert the object the API returned, or delete the rows of what was removed. The next sync then finds nothing to
 * journal for it (the local action already tells the story in the trail).
 */
import type { ApiInvite, ApiKey, ApiUser, ApiWorkspaceMember } from '../api-types';
import type { AdminAction } from './types';

export type MirrorOp =
  | { op: 'upsert'; resource: 'api_keys'; item: ApiKey }
  | { op: 'upsert'; resource: 'invites'; item: ApiInvite }
  | { op: 'upsert'; resource: 'users'; item: ApiUser }
  | { op: 'upsert'; resource: 'workspace_members'; item: ApiWorkspaceMember }
  /** Deletes every row of `resource` whose `match` columns equal these values. */
  | { op: 'delete'; resource: 'invites' | 'users' | 'workspace_members'; match: Record<string, string> };

/** The API's answer to each kind, as the adapter validated it. */
export type ActionResult =
  | { kind: 'api_key'; item: ApiKey }
  | { kind: 'invite'; item: ApiInvite }
  | { kind: 'user'; item: ApiUser }
  | { kind: 'workspace_member'; item: ApiWorkspaceMember }
  | { kind: 'deleted'; id: string };

export function planMirrorUpdate(action: AdminAction, result: ActionResult): MirrorOp[] {
  switch (result.kind) {
    case 'api_key':
      return [{ op: 'upsert', resource: 'api_keys', item: result.item }];
    case 'invite':
      return [{ op: 'upsert', resource: 'invites', item: result.item }];
    case 'user':
      return [{ op: 'upsert', resource: 'users', item: result.item }];
    case 'workspace_member':
      return [{ op: 'upsert', resource: 'workspace_members', item: result.item }];
    case 'deleted':
      return deletions(action);
  }
}

function deletions(action: AdminAction): MirrorOp[] {
  switch (action.kind) {
    case 'invite.delete':
      return [{ op: 'delete', resource: 'invites', match: { id: action.inviteId } }];
    case 'user.remove':
      // A removed user leaves every workspace with them (their keys stay: keys belong to the org, §3.2).
      return [
        { op: 'delete', resource: 'workspace_members', match: { user_id: action.userId } },
        { op: 'delete', resource: 'users', match: { id: action.userId } },
      ];
    case 'workspace-member.remove':
      return [
        {
          op: 'delete',
          resource: 'workspace_members',
          match: { workspace_id: action.workspaceId, user_id: action.userId },
        },
      ];
    default:
      return [];
  }
}

/** The trail's "after" for a result: the fields that changed hands, never more than the API returned. */
export function afterState(action: AdminAction, result: ActionResult): Record<string, string | null> {
  switch (result.kind) {
    case 'api_key':
      return { id: result.item.id, name: result.item.name, status: result.item.status };
    case 'invite':
      return { id: result.item.id, email: result.item.email, role: result.item.role, status: result.item.status };
    case 'user':
      return { id: result.item.id, email: result.item.email, role: result.item.role };
    case 'workspace_member':
      return {
        workspaceId: result.item.workspace_id,
        userId: result.item.user_id,
        workspaceRole: result.item.workspace_role,
      };
    case 'deleted':
      return { id: result.id, removed: action.kind };
  }
}
