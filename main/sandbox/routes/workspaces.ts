// Workspaces (admin-api.md §3.4): list (include_archived, include_default, ids[]), get. Writes in workspaces-write.ts.
import { badRequest } from '../errors';
import { paginatePage } from '../pagination';
import { cursorResolver, findWorkspace } from '../model/store';
import type { RouteDef } from '../router';
import { workspaceObject } from './serialize';

export const workspaceReadRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/workspaces',
    handler: ({ state, query }) => {
      const includeArchived = query.bool('include_archived', false);
      const includeDefault = query.bool('include_default', false);
      const ids = query.array('ids');
      if (ids && ids.length > 100) throw badRequest('ids: List should have at most 100 items');
      const items = [...state.model.workspaces.values()].filter(
        (w) =>
          (includeArchived || w.archivedAtMs === null) &&
          (includeDefault || !w.isDefault) &&
          (!ids || ids.includes(w.id)),
      );
      return paginatePage(query, {
        items,
        keyOf: (w) => ({ rank: -w.createdAtMs, id: w.id }),
        resolveCursor: cursorResolver(state.model, 'workspaces'),
        serialize: workspaceObject,
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/workspaces/:workspace_id',
    handler: ({ state, params }) => workspaceObject(findWorkspace(state.model, params.workspace_id!)),
  },
];
