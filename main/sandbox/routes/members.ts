// Workspace members (admin-api.md §3.5): list, get. Writes in members-write.ts.
import { notFound } from '../errors';
import { paginatePage } from '../pagination';
import { workspaceMembers } from '../model/members';
import { cursorResolver, findWorkspace } from '../model/store';
import type { RouteDef } from '../router';
import { memberObject } from './serialize';

export const memberReadRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/workspaces/:workspace_id/members',
    handler: ({ state, params, query }) => {
      const ws = findWorkspace(state.model, params.workspace_id!);
      const users = cursorResolver(state.model, 'users');
      const members = cursorResolver(state.model, `members:${ws.id}`);
      return paginatePage(query, {
        items: workspaceMembers(state.model, ws),
        keyOf: (m) => ({ rank: -m.addedAtMs, id: m.userId }),
        // default-workspace membership is ordered like the user list
        resolveCursor: ws.isDefault ? users : members,
        serialize: (m) => memberObject(m),
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/workspaces/:workspace_id/members/:user_id',
    handler: ({ state, params }) => {
      const ws = findWorkspace(state.model, params.workspace_id!);
      const member = workspaceMembers(state.model, ws).find((m) => m.userId === params.user_id);
      if (!member) throw notFound(`User ${params.user_id} is not a member of workspace ${ws.id}.`);
      return memberObject(member);
    },
  },
];
