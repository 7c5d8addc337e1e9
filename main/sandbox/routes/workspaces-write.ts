// Workspaces: create, update, archive (admin-api.md §3.4). Max 100 active workspaces; archived ones don't count.
import { z } from 'zod';
import { parseBody } from '../body';
import { badRequest } from '../errors';
import { archiveWorkspace, createWorkspace, updateWorkspace } from '../model/actions';
import { findWorkspace } from '../model/store';
import type { InferenceGeo, WorkspaceRec } from '../model/types';
import type { RouteDef } from '../router';
import { apiActor } from '../state';
import { workspaceObject } from './serialize';

const MAX_ACTIVE_WORKSPACES = 100;
const geo = z.enum(['global', 'us']);
// the SDK types these as optional and nullable: null means "not given" (defaults apply)
const residency = z.object({
  workspace_geo: z.literal('us').nullish(),
  allowed_inference_geos: z.union([z.array(geo).min(1), z.literal('unrestricted')]).nullish(),
  default_inference_geo: geo.nullish(),
});
const color = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'display_color must be a hex colour like #6C5BB9');
const name = z.string().trim().min(1).max(40);

function checkTags(tags: Record<string, string | null> | undefined): void {
  for (const key of Object.keys(tags ?? {})) {
    if (key.toLowerCase().startsWith('anthropic'))
      throw badRequest(`tags: keys may not start with "anthropic" (got '${key}')`);
  }
}

function applyResidency(
  ws: Pick<WorkspaceRec, 'allowedInferenceGeos' | 'defaultInferenceGeo'>,
  r: z.infer<typeof residency>,
): void {
  if (r.allowed_inference_geos != null)
    ws.allowedInferenceGeos = r.allowed_inference_geos as InferenceGeo[] | 'unrestricted';
  if (r.default_inference_geo != null) ws.defaultInferenceGeo = r.default_inference_geo;
  const allowed = ws.allowedInferenceGeos;
  if (allowed !== 'unrestricted' && !allowed.includes(ws.defaultInferenceGeo)) {
    throw badRequest('data_residency: default_inference_geo must be one of allowed_inference_geos');
  }
}

export const workspaceWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/v1/organizations/workspaces',
    handler: ({ state, body, headers }) => {
      const req = parseBody(
        z.object({
          name,
          data_residency: residency.nullish(),
          display_color: color.nullish(),
          tags: z.record(z.string(), z.string()).nullish(),
          external_key_id: z.string().nullish(),
          user_profile_id: z.string().nullish(),
        }),
        body,
      );
      checkTags(req.tags ?? undefined);
      const active = [...state.model.workspaces.values()].filter((w) => !w.isDefault && w.archivedAtMs === null).length;
      if (active >= MAX_ACTIVE_WORKSPACES)
        throw badRequest(`Organizations can have at most ${MAX_ACTIVE_WORKSPACES} active workspaces.`);
      const draft = {
        name: req.name,
        archivedAtMs: null,
        displayColor: req.display_color ?? '#6C5BB9',
        tags: req.tags ?? {},
        allowedInferenceGeos: 'unrestricted' as const as WorkspaceRec['allowedInferenceGeos'],
        defaultInferenceGeo: 'global' as InferenceGeo,
        externalKeyId: req.external_key_id ?? null,
        userProfileId: req.user_profile_id ?? null,
        isDefault: false,
      };
      if (req.data_residency) applyResidency(draft, req.data_residency);
      const ws = createWorkspace(
        { state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() },
        draft,
      );
      return workspaceObject(ws);
    },
  },
  {
    method: 'POST',
    path: '/v1/organizations/workspaces/:workspace_id',
    handler: ({ state, params, body, headers }) => {
      const req = parseBody(
        z.object({
          name: name.optional(),
          display_color: color.optional(),
          tags: z.record(z.string(), z.string().nullable()).optional(),
          data_residency: residency.nullish(),
          external_key_id: z.string().optional(),
          user_profile_id: z.string().optional(),
        }),
        body,
      );
      const ws = findWorkspace(state.model, params.workspace_id!);
      if (ws.archivedAtMs !== null) throw badRequest('Archived workspaces cannot be modified.');
      checkTags(req.tags);
      if (req.external_key_id !== undefined && ws.externalKeyId !== null && ws.externalKeyId !== req.external_key_id) {
        throw badRequest('external_key_id can only be set once.');
      }
      if (req.user_profile_id !== undefined) {
        if (ws.isDefault) throw badRequest('The default workspace cannot carry a user profile.');
        if (ws.userProfileId !== null && ws.userProfileId !== req.user_profile_id)
          throw badRequest('user_profile_id can only be set once.');
      }
      const updates: Record<string, unknown> = {};
      if (req.name !== undefined && req.name !== ws.name) {
        updates.name = { previous: ws.name, current: req.name };
        ws.name = req.name;
      }
      if (req.display_color !== undefined) {
        updates.display_color = req.display_color;
        ws.displayColor = req.display_color;
      }
      if (req.tags !== undefined) {
        for (const [k, v] of Object.entries(req.tags)) {
          if (v === null) delete ws.tags[k];
          else ws.tags[k] = v;
        }
        updates.tags = req.tags;
      }
      if (req.data_residency) {
        applyResidency(ws, req.data_residency);
        updates.data_residency = req.data_residency;
      }
      if (req.external_key_id !== undefined) ws.externalKeyId = req.external_key_id;
      if (req.user_profile_id !== undefined) ws.userProfileId = req.user_profile_id;
      updateWorkspace({ state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() }, ws, updates);
      return workspaceObject(ws);
    },
  },
  {
    method: 'POST',
    path: '/v1/organizations/workspaces/:workspace_id/archive',
    handler: ({ state, params, headers }) => {
      const ws = findWorkspace(state.model, params.workspace_id!);
      if (ws.isDefault) throw badRequest('The default workspace cannot be archived.');
      if (ws.archivedAtMs !== null) throw badRequest('Workspace is already archived.');
      archiveWorkspace({ state, actor: apiActor(state, headers['user-agent']), atMs: state.clock.nowMs() }, ws);
      return workspaceObject(ws);
    },
  },
];
