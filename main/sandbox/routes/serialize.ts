// Internal records → API objects, exactly the documented shapes (admin-api.md §3).
import { INVITE_TTL_MS, inviteStatus, keyStatus } from '../model/store';
import type { ApiKeyRec, InviteRec, MemberRec, UserRec, WorkspaceRec } from '../model/types';
import type { KeyShape } from '../state';

export const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

export function userObject(u: UserRec): unknown {
  return { id: u.id, added_at: iso(u.addedAtMs), email: u.email, name: u.name, role: u.role, type: 'user' };
}

export function workspaceObject(w: WorkspaceRec): unknown {
  return {
    id: w.id,
    name: w.name,
    type: 'workspace',
    created_at: iso(w.createdAtMs),
    archived_at: isoOrNull(w.archivedAtMs),
    display_color: w.displayColor,
    tags: { ...w.tags },
    data_residency: {
      workspace_geo: 'us',
      allowed_inference_geos: Array.isArray(w.allowedInferenceGeos)
        ? [...w.allowedInferenceGeos]
        : w.allowedInferenceGeos,
      default_inference_geo: w.defaultInferenceGeo,
    },
    compartment_id: w.compartmentId,
    external_key_id: w.externalKeyId,
    user_profile_id: w.userProfileId,
  };
}

export function memberObject(m: Pick<MemberRec, 'userId' | 'workspaceId' | 'role'>): unknown {
  return { type: 'workspace_member', user_id: m.userId, workspace_id: m.workspaceId, workspace_role: m.role };
}

export function apiKeyObject(k: ApiKeyRec, nowMs: number, shape: KeyShape, defaultWorkspaceId: string): unknown {
  const common = {
    id: k.id,
    type: 'api_key',
    name: k.name,
    status: keyStatus(k, nowMs),
    created_at: iso(k.createdAtMs),
    expires_at: isoOrNull(k.expiresAtMs),
    partial_key_hint: k.partialKeyHint,
    created_by: k.createdBy ? { ...k.createdBy } : null,
  };
  // legacy: null = default workspace (and, necessarily, org-scoped keys)
  const legacyWorkspaceId =
    k.scopeType === 'organization' || k.workspaceId === defaultWorkspaceId ? null : k.workspaceId;
  if (shape === 'legacy') return { ...common, workspace_id: legacyWorkspaceId };
  const modern = {
    ...common,
    principal: k.principal ? { ...k.principal } : null,
    scope:
      k.scopeType === 'organization' ? { type: 'organization' } : { type: 'workspace', workspace_id: k.workspaceId },
  };
  return shape === 'both' ? { ...modern, workspace_id: legacyWorkspaceId } : modern;
}

export function inviteObject(i: InviteRec, nowMs: number): unknown {
  return {
    id: i.id,
    type: 'invite',
    email: i.email,
    role: i.role,
    status: inviteStatus(i, nowMs),
    invited_at: iso(i.invitedAtMs),
    expires_at: iso(i.invitedAtMs + INVITE_TTL_MS),
    accepted_at: isoOrNull(i.acceptedAtMs),
    rbac_group_ids: [...i.rbacGroupIds],
  };
}
