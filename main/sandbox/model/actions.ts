// Org changes, shared by Admin API writes and scripted/seeded events. Each applies to the model and records the
// compliance activity the real feed would show (admin-api.md §5). Validation of API rules lives in the routes.
import type { SandboxState } from '../state';
import { recordActivity, type ActivityActor } from './activities';
import { addMemberRecord } from './generate-org';
import { makeId, makeKeyHint } from './ids';
import { rngFor } from './prng';
import { registerCursor } from './store';
import { randomTraffic } from './traffic';
import type { ApiKeyRec, InviteRec, OrgRole, UserRec, WorkspaceRec, WorkspaceRole } from './types';

export interface ActionCtx {
  state: SandboxState;
  actor: ActivityActor;
  atMs: number;
}

function record(ctx: ActionCtx, type: string, fields: Record<string, unknown>): void {
  recordActivity(ctx.state.model, ctx.state.activity, ctx.atMs, type, ctx.actor, fields);
}

function nextRng(ctx: ActionCtx, label: string) {
  return rngFor(ctx.state.model.seed, label, ctx.atMs, ctx.state.model.cursorKeys.size);
}

export function changeUserRole(ctx: ActionCtx, user: UserRec, role: OrgRole): void {
  const previous = user.role;
  user.role = role;
  record(ctx, 'org_user_role_updated', { user_id: user.id, updates: { role: { previous, current: role } } });
}

export function removeUser(ctx: ActionCtx, user: UserRec): void {
  user.removedAtMs = ctx.atMs;
  for (const members of ctx.state.model.members.values()) members.delete(user.id);
  record(ctx, 'org_user_deleted', { deleted_user_id: user.id, deleted_user_email: user.email });
}

export function createInvite(ctx: ActionCtx, email: string, role: OrgRole, rbacGroupIds: string[] = []): InviteRec {
  const invite: InviteRec = {
    id: makeId('invite', nextRng(ctx, 'invite')),
    email,
    role,
    invitedAtMs: ctx.atMs,
    status: 'pending',
    acceptedAtMs: null,
    rbacGroupIds,
  };
  ctx.state.model.invites.set(invite.id, invite);
  registerCursor(ctx.state.model, 'invites', invite.id, invite.invitedAtMs);
  record(ctx, 'org_user_invite_sent', { invite_id: invite.id, invited_email: email, invited_role: role });
  return invite;
}

export function deleteInvite(ctx: ActionCtx, invite: InviteRec): void {
  invite.status = 'deleted';
  record(ctx, 'org_user_invite_deleted', { invite_id: invite.id });
}

/** The invitee joins: the invite is accepted and a user appears. */
export function acceptInvite(ctx: ActionCtx, invite: InviteRec): UserRec {
  invite.status = 'accepted';
  invite.acceptedAtMs = ctx.atMs;
  const local = invite.email.split('@')[0] ?? 'new.user';
  const name = local
    .split(/[._-]/)
    .map((p) => p.charAt(0).toUpperCase() + p.slice(1))
    .join(' ');
  const user: UserRec = {
    id: makeId('user', nextRng(ctx, 'user')),
    email: invite.email,
    name,
    role: invite.role,
    addedAtMs: ctx.atMs,
    removedAtMs: null,
  };
  ctx.state.model.users.set(user.id, user);
  registerCursor(ctx.state.model, 'users', user.id, user.addedAtMs);
  record(ctx, 'org_user_invite_accepted', { invite_id: invite.id, user_id: user.id });
  return user;
}

export function createWorkspace(
  ctx: ActionCtx,
  ws: Omit<WorkspaceRec, 'id' | 'createdAtMs' | 'compartmentId'>,
): WorkspaceRec {
  const rng = nextRng(ctx, 'workspace');
  const rec: WorkspaceRec = {
    ...ws,
    id: makeId('wrkspc', rng),
    createdAtMs: ctx.atMs,
    compartmentId: makeId('cmpt', rng),
  };
  ctx.state.model.workspaces.set(rec.id, rec);
  ctx.state.model.members.set(rec.id, new Map());
  registerCursor(ctx.state.model, 'workspaces', rec.id, rec.createdAtMs);
  record(ctx, 'platform_workspace_created', { workspace_id: rec.id });
  return rec;
}

export function updateWorkspace(ctx: ActionCtx, ws: WorkspaceRec, updates: Record<string, unknown>): void {
  record(ctx, 'platform_workspace_updated', { workspace_id: ws.id, updates });
}

export function archiveWorkspace(ctx: ActionCtx, ws: WorkspaceRec): void {
  ws.archivedAtMs = ctx.atMs;
  // keys of an archived workspace are archived with it
  for (const key of ctx.state.model.apiKeys.values()) {
    if (key.scopeType === 'workspace' && key.workspaceId === ws.id && key.status !== 'archived') {
      key.status = 'archived';
      stopTraffic(key, ctx.atMs);
    }
  }
  record(ctx, 'platform_workspace_archived', { workspace_id: ws.id });
}

export function addMember(ctx: ActionCtx, ws: WorkspaceRec, user: UserRec, role: WorkspaceRole): void {
  addMemberRecord(ctx.state.model, { workspaceId: ws.id, userId: user.id, role, addedAtMs: ctx.atMs });
  record(ctx, 'platform_workspace_member_added', { workspace_id: ws.id, user_id: user.id, workspace_role: role });
}

export function updateMember(ctx: ActionCtx, ws: WorkspaceRec, userId: string, role: WorkspaceRole): void {
  const member = ctx.state.model.members.get(ws.id)?.get(userId);
  if (!member) return;
  const previous = member.role;
  member.role = role;
  record(ctx, 'platform_workspace_member_updated', {
    workspace_id: ws.id,
    user_id: userId,
    updates: { workspace_role: { previous, current: role } },
  });
}

export function removeMember(ctx: ActionCtx, ws: WorkspaceRec, userId: string): void {
  ctx.state.model.members.get(ws.id)?.delete(userId);
  record(ctx, 'platform_workspace_member_removed', { workspace_id: ws.id, user_id: userId });
}

function stopTraffic(key: ApiKeyRec, atMs: number): void {
  key.traffic.lastTrafficMs = Math.min(key.traffic.lastTrafficMs ?? Infinity, atMs);
}

export function updateApiKey(
  ctx: ActionCtx,
  key: ApiKeyRec,
  changes: { name?: string; status?: 'active' | 'inactive' | 'archived' },
): void {
  const updates: Record<string, unknown> = {};
  if (changes.name !== undefined && changes.name !== key.name) {
    updates.name = { previous: key.name, current: changes.name };
    key.name = changes.name;
  }
  if (changes.status !== undefined && changes.status !== key.status) {
    updates.status = { previous: key.status, current: changes.status };
    key.status = changes.status;
    if (changes.status !== 'active') stopTraffic(key, ctx.atMs);
  }
  if (Object.keys(updates).length > 0) record(ctx, 'platform_api_key_updated', { api_key_id: key.id, updates });
}

export function expireApiKey(ctx: ActionCtx, key: ApiKeyRec): void {
  key.expiresAtMs = ctx.atMs;
  stopTraffic(key, ctx.atMs);
}

export function createApiKey(ctx: ActionCtx, ws: WorkspaceRec, name: string, creator: UserRec): ApiKeyRec {
  const rng = nextRng(ctx, 'api-key');
  const key: ApiKeyRec = {
    id: makeId('apikey', rng),
    name,
    status: 'active',
    createdAtMs: ctx.atMs,
    expiresAtMs: null,
    partialKeyHint: makeKeyHint(rng),
    createdBy: { id: creator.id, type: 'user' },
    principal: null,
    scopeType: 'workspace',
    workspaceId: ws.id,
    traffic: randomTraffic(rng, null),
  };
  ctx.state.model.apiKeys.set(key.id, key);
  registerCursor(ctx.state.model, 'api_keys', key.id, key.createdAtMs);
  record(ctx, 'platform_api_key_created', { api_key_id: key.id, workspace_id: ws.id });
  return key;
}

/** Sets (value) or clears (null) workspace overrides for one org rate-limit entry. */
export function setWorkspaceRateLimit(
  ctx: ActionCtx,
  ws: WorkspaceRec,
  entry: { id: string; group: { display_name?: string; type: string } },
  limits: Array<{ type: string; value: number | null }>,
): void {
  const model = ctx.state.model;
  const perWs = model.rateLimitOverrides.get(ws.id) ?? new Map<string, Map<string, number>>();
  model.rateLimitOverrides.set(ws.id, perWs);
  const overrides = perWs.get(entry.id) ?? new Map<string, number>();
  perWs.set(entry.id, overrides);
  for (const limit of limits) {
    if (limit.value === null) overrides.delete(limit.type);
    else overrides.set(limit.type, limit.value);
    record(ctx, 'platform_workspace_rate_limit_updated', {
      workspace_id: ws.id,
      model_group: entry.group.display_name ?? entry.group.type,
      limiter_type: limit.type,
      value: limit.value,
    });
  }
  if (overrides.size === 0) perWs.delete(entry.id);
}
