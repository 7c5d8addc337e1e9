// Membership views. The default workspace has no explicit member list: every org member is implicitly in it
// (admins as workspace_admin, billing as workspace_billing, everyone else workspace_user — admin-api.md §3.4/§3.9).
import type { MemberRec, OrgModel, WorkspaceRec, WorkspaceRole } from './types';
import { activeUsers } from './store';

export function implicitRole(orgRole: string): WorkspaceRole {
  if (orgRole === 'admin' || orgRole === 'owner' || orgRole === 'primary_owner') return 'workspace_admin';
  if (orgRole === 'billing') return 'workspace_billing';
  return 'workspace_user';
}

export function workspaceMembers(model: OrgModel, ws: WorkspaceRec): MemberRec[] {
  if (ws.isDefault) {
    return activeUsers(model).map((u) => ({
      workspaceId: ws.id,
      userId: u.id,
      role: implicitRole(u.role),
      addedAtMs: u.addedAtMs,
    }));
  }
  const explicit = model.members.get(ws.id);
  if (!explicit) return [];
  return [...explicit.values()].filter((m) => model.users.get(m.userId)?.removedAtMs === null);
}
