// Org and workspace rate limits (admin-api.md §3.7), PageCursor lists; workspace overrides can be updated.
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest, notFound } from '../errors';
import { setWorkspaceRateLimit } from '../model/actions';
import {
  entryForModel,
  findRateLimitEntry,
  GROUP_TYPES,
  LIMITER_TYPES,
  rateLimitCatalog,
  type RateLimitEntry,
} from '../model/rate-limit-catalog';
import { findWorkspace } from '../model/store';
import type { OrgModel, WorkspaceRec } from '../model/types';
import { paginateCursor } from '../page-cursor';
import type { RouteDef } from '../router';
import { apiActor } from '../state';

function orgEntryObject(e: RateLimitEntry): unknown {
  return {
    id: e.id,
    type: 'rate_limit',
    group: { ...e.group },
    limits: e.limits.map((l) => ({ ...l })),
    models: e.models ? [...e.models] : null,
  };
}

/** A workspace's view of one org entry; null when it has nothing to list (no overrides and not inherited). */
function workspaceEntryObject(
  model: OrgModel,
  ws: WorkspaceRec,
  e: RateLimitEntry,
  inherited: boolean,
  keepEmpty = false,
): unknown | null {
  const overrides = model.rateLimitOverrides.get(ws.id)?.get(e.id) ?? new Map<string, number>();
  const orgValue = (type: string) => e.limits.find((l) => l.type === type)?.value ?? null;
  // overrides may name limiter types the org has no limit for (org_limit null)
  const limits = [...overrides.entries()].map(([type, value]) => ({
    type,
    value,
    org_limit: orgValue(type),
    source: { type: 'workspace' },
  }));
  if (inherited) {
    for (const l of e.limits) {
      if (!overrides.has(l.type))
        limits.push({ type: l.type, value: l.value, org_limit: l.value, source: { type: 'organization' } });
    }
  }
  if (limits.length === 0 && !keepEmpty) return null;
  return {
    type: 'workspace_rate_limit',
    workspace_id: ws.id,
    rate_limit_id: e.id,
    group: { ...e.group },
    models: e.models ? [...e.models] : null,
    limits,
  };
}

export const rateLimitRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/v1/organizations/rate_limits',
    handler: ({ state, query }) => {
      const groupType = query.oneOf('group_type', GROUP_TYPES);
      const modelName = query.string('model');
      let entries = rateLimitCatalog(state.model.org.id).filter(
        (e) => groupType === undefined || e.group.type === groupType,
      );
      if (modelName !== undefined) {
        const entry = entryForModel(state.model.org.id, modelName);
        if (!entry || !entries.includes(entry)) throw notFound(`No rate limit applies to model '${modelName}'.`);
        entries = [entry];
      }
      return paginateCursor(query, entries, orgEntryObject);
    },
  },
  {
    method: 'GET',
    path: '/v1/organizations/workspaces/:workspace_id/rate_limits',
    handler: ({ state, params, query }) => {
      const ws = findWorkspace(state.model, params.workspace_id!);
      const groupType = query.oneOf('group_type', GROUP_TYPES);
      const inherited = query.bool('include_inherited', false);
      const rows = rateLimitCatalog(state.model.org.id)
        .filter((e) => groupType === undefined || e.group.type === groupType)
        .map((e) => workspaceEntryObject(state.model, ws, e, inherited))
        .filter((r) => r !== null);
      return paginateCursor(query, rows, (r) => r);
    },
  },
  {
    method: 'POST',
    path: '/v1/organizations/workspaces/:workspace_id/rate_limits/:rate_limit_id',
    handler: ({ state, params, body, headers }) => {
      const req = parseBody(
        z.object({
          limits: z
            .array(z.object({ type: z.enum(LIMITER_TYPES), value: z.number().int().positive().nullable() }))
            .min(1),
        }),
        body,
      );
      const ws = findWorkspace(state.model, params.workspace_id!);
      if (ws.isDefault) throw badRequest('The default workspace cannot carry rate limit overrides.');
      if (ws.archivedAtMs !== null) throw badRequest('Archived workspaces cannot be modified.');
      const entry = findRateLimitEntry(state.model.org.id, params.rate_limit_id!);
      if (!entry) throw notFound(`Rate limit ${params.rate_limit_id} not found.`);
      // a value above the org limit is stored, but the org limit still wins (documented)
      setWorkspaceRateLimit(
        { state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() },
        ws,
        entry,
        req.limits,
      );
      // the targeted entry, in the list's default (overrides-only) shape
      return workspaceEntryObject(state.model, ws, entry, false, true);
    },
  },
];
