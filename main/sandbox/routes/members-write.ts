// Workspace members: add (role may not be workspace_billing), update (any role), remove (admin-api.md §3.5).
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest, notFound } from '../errors';
import { addMember, removeMember, updateMember } from '../model/actions';
import { findUser, findWorkspace } from '../model/store';
import { WORKSPACE_ROLES, type WorkspaceRec, type WorkspaceRole } from '../model/types';
import type { RequestContext, RouteDef } from '../router';
import { apiActor } from '../state';
import { memberObject } from './serialize';

const role = z.enum(WORKSPACE_ROLES as [WorkspaceRole, ...WorkspaceRole[]]);

function writableWorkspace(ctx: RequestContext): WorkspaceRec {
  const ws = findWorkspace(ctx.state.model, ctx.params.workspace_id!);
  if (ws.isDefault) throw badRequest('Membership of the default workspace is implicit and cannot be changed.');
  if (ws.archivedAtMs !== null) throw badRequest('Archived workspaces cannot be modified.');
  return ws;
}

function assertNotOrgAdmin(ctx: RequestContext, userId: string): void {
  const user = findUser(ctx.state.model, userId);
  if (user.role === 'admin' || user.role === 'owner' || user.role === 'primary_owner') {
    throw badRequest(
      `Organization ${user.role}s are workspace admins in every workspace; their membership cannot be changed.`,
    );
  }
}

const actionCtx = (ctx: RequestContext) => ({
  state: ctx.state,
  actor: apiActor(ctx.state, ctx.headers['user-agent']),
  atMs: ctx.state.clock.nowMs(),
});

export const memberWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/organizations/workspaces/:workspace_id/members',
    handler: (ctx) => {
      const req = parseBody(z.object({ user_id: z.string(), workspace_role: role }), ctx.body);
      if (req.workspace_role === 'workspace_billing')
        throw badRequest("workspace_role: 'workspace_billing' cannot be assigned when adding a member");
      const ws = writableWorkspace(ctx);
      const user = findUser(ctx.state.model, req.user_id);
      if (ctx.state.model.members.get(ws.id)?.has(user.id))
        throw badRequest(`User ${user.id} is already a member of this workspace.`);
      addMember(actionCtx(ctx), ws, user, req.workspace_role);
      return memberObject({ userId: user.id, workspaceId: ws.id, role: req.workspace_role });
    },
  },
  {
    method: 'POST',
    path: '/v1/organizations/workspaces/:workspace_id/members/:user_id',
    handler: (ctx) => {
      const req = parseBody(z.object({ workspace_role: role }), ctx.body);
      const ws = writableWorkspace(ctx);
      const userId = ctx.params.user_id!;
      if (!ctx.state.model.members.get(ws.id)?.has(userId))
        throw notFound(`User ${userId} is not a member of workspace ${ws.id}.`);
      assertNotOrgAdmin(ctx, userId);
      updateMember(actionCtx(ctx), ws, userId, req.workspace_role);
      return memberObject({ userId, workspaceId: ws.id, role: req.workspace_role });
    },
  },
  {
    method: 'DELETE',
    path: '/v1/organizations/workspaces/:workspace_id/members/:user_id',
    handler: (ctx) => {
      const ws = writableWorkspace(ctx);
      const userId = ctx.params.user_id!;
      if (!ctx.state.model.members.get(ws.id)?.has(userId))
        throw notFound(`User ${userId} is not a member of workspace ${ws.id}.`);
      assertNotOrgAdmin(ctx, userId);
      removeMember(actionCtx(ctx), ws, userId);
      return { type: 'workspace_member_deleted', user_id: userId, workspace_id: ws.id };
    },
  },
];
