// Small helpers over the org model: cursor registry, lookups, derived statuses.
import { ApiError } from '../errors';
import type { SortKey } from '../pagination';
import { DAY_MS } from './sizes';
import type { ApiKeyRec, InviteRec, InviteStatus, KeyStatus, OrgModel, UserRec, WorkspaceRec } from './types';

/** Lists are newest first: rank = −creation time. */
export function registerCursor(model: OrgModel, list: string, id: string, createdAtMs: number): SortKey {
  const key = { rank: -createdAtMs, id };
  model.cursorKeys.set(`${list}:${id}`, key);
  return key;
}

export function cursorResolver(model: OrgModel, list: string): (id: string) => SortKey | undefined {
  return (id) => model.cursorKeys.get(`${list}:${id}`);
}

export function keyStatus(key: ApiKeyRec, nowMs: number): KeyStatus {
  if (key.status !== 'archived' && key.expiresAtMs !== null && key.expiresAtMs <= nowMs) return 'expired';
  return key.status;
}

export const INVITE_TTL_MS = 21 * DAY_MS;

export function inviteStatus(invite: InviteRec, nowMs: number): InviteStatus {
  if (invite.status === 'pending' && invite.invitedAtMs + INVITE_TTL_MS <= nowMs) return 'expired';
  return invite.status;
}

export function activeUsers(model: OrgModel): UserRec[] {
  return [...model.users.values()].filter((u) => u.removedAtMs === null);
}

export function findUser(model: OrgModel, id: string): UserRec {
  const user = model.users.get(id);
  if (!user || user.removedAtMs !== null) throw new ApiError(404, 'not_found_error', `User ${id} not found.`);
  return user;
}

export function findWorkspace(model: OrgModel, id: string): WorkspaceRec {
  const ws = model.workspaces.get(id);
  if (!ws) throw new ApiError(404, 'not_found_error', `Workspace ${id} not found.`);
  return ws;
}

export function findApiKey(model: OrgModel, id: string): ApiKeyRec {
  const key = model.apiKeys.get(id);
  if (!key) throw new ApiError(404, 'not_found_error', `API key ${id} not found.`);
  return key;
}

export function findInvite(model: OrgModel, id: string): InviteRec {
  const invite = model.invites.get(id);
  if (!invite) throw new ApiError(404, 'not_found_error', `Invite ${id} not found.`);
  return invite;
}
