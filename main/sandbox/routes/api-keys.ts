// API keys (admin-api.md §3.6): list (status, workspace_id, created_by_user_id), get. Update in api-keys-write.ts.
import { paginatePage } from '../pagination';
import { cursorResolver, findApiKey, keyStatus } from '../model/store';
import type { ApiKeyRec } from '../model/types';
import type { RouteDef } from '../router';
import type { SandboxState } from '../state';
import { apiKeyObject } from './serialize';

export function serializeKey(state: SandboxState, key: ApiKeyRec): unknown {
  return apiKeyObject(key, state.clock.nowMs(), state.keyShape, state.model.defaultWorkspaceId);
}

export const apiKeyReadRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/api_keys',
    handler: ({ state, query }) => {
      const status = query.oneOf('status', ['active', 'inactive', 'archived', 'expired'] as const);
      const workspaceId = query.string('workspace_id');
      const createdBy = query.string('created_by_user_id');
      const now = state.clock.nowMs();
      const items = [...state.model.apiKeys.values()].filter(
        (k) =>
          (status === undefined || keyStatus(k, now) === status) &&
          (workspaceId === undefined || (k.scopeType === 'workspace' && k.workspaceId === workspaceId)) &&
          (createdBy === undefined || (k.createdBy?.type === 'user' && k.createdBy.id === createdBy)),
      );
      return paginatePage(query, {
        items,
        keyOf: (k) => ({ rank: -k.createdAtMs, id: k.id }),
        resolveCursor: cursorResolver(state.model, 'api_keys'),
        serialize: (k) => serializeKey(state, k),
      });
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/api_keys/:api_key_id',
    handler: ({ state, params }) => serializeKey(state, findApiKey(state.model, params.api_key_id!)),
  },
];
