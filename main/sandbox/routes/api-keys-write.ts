// API keys: update name/status (admin-api.md §3.6). No create/delete endpoint exists. `expired` cannot be set;
// archived and expired keys cannot be re-activated.
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest } from '../errors';
import { updateApiKey } from '../model/actions';
import { findApiKey, keyStatus } from '../model/store';
import type { RouteDef } from '../router';
import { apiActor } from '../state';
import { serializeKey } from './api-keys';

export const apiKeyWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/organizations/api_keys/:api_key_id',
    handler: ({ state, params, body, headers }) => {
      const req = parseBody(
        z.object({
          name: z.string().trim().min(1).max(500).optional(),
          status: z.enum(['active', 'inactive', 'archived']).optional(),
        }),
        body,
      );
      const key = findApiKey(state.model, params.api_key_id!);
      const now = state.clock.nowMs();
      const current = keyStatus(key, now);
      if (req.status !== undefined && req.status !== current) {
        if (current === 'archived') throw badRequest('Archived API keys cannot be modified.');
        if (current === 'expired' && req.status === 'active')
          throw badRequest('Expired API keys cannot be re-activated.');
      } else if (current === 'archived' && req.name !== undefined) {
        throw badRequest('Archived API keys cannot be modified.');
      }
      updateApiKey({ state, actor: apiActor(state, headers['user-agent']), atMs: now }, key, req);
      return serializeKey(state, key);
    },
  },
];
