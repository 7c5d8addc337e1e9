import type { AuditActor, AuditEventDraft, AuditTarget, JsonValue } from './event';

/**
 * The admin's own actions in the app (source `local`): key connected or removed, admin actions sent to the API,
 * exports, settings changes, retention purges. Never a secret: callers describe the action, not the key.
 */
export const PURGE_EVENT_TYPE = 'retention.purged';
export const EXPORT_EVENT_TYPE = 'export.created';
export const HEAD_RESET_EVENT_TYPE = 'audit.head-reset';

export type LocalActionType =
  | 'key.connected'
  | 'key.replaced'
  | 'key.removed'
  | 'admin.action'
  | 'settings.changed'
  | 'alerts.snoozed'
  | 'alerts.unsnoozed'
  | 'audit.reviewed'
  | typeof EXPORT_EVENT_TYPE
  | typeof PURGE_EVENT_TYPE
  | typeof HEAD_RESET_EVENT_TYPE;

export interface LocalAuditAction {
  type: LocalActionType;
  atMs: number;
  summary: string;
  /** Default: the local admin (this app's user). */
  actor?: AuditActor | null;
  workspaceId?: string | null;
  keyId?: string | null;
  targets?: AuditTarget[];
  before?: JsonValue | null;
  after?: JsonValue | null;
}

export const LOCAL_ADMIN_ACTOR: AuditActor = { kind: 'local_admin', name: 'this app' };

export function normaliseLocalAction(action: LocalAuditAction): AuditEventDraft {
  return {
    atMs: action.atMs,
    source: 'local',
    type: action.type,
    externalId: null,
    actor: action.actor === undefined ? LOCAL_ADMIN_ACTOR : action.actor,
    workspaceId: action.workspaceId ?? null,
    keyId: action.keyId ?? null,
    targets: action.targets ?? [],
    summary: action.summary,
    before: action.before ?? null,
    after: action.after ?? null,
    raw: null,
  };
}

/**
 * What may be said about an admin key in the trail: its kind and last four characters (`sk-ant-admin01-…AbCd`),
 * the way the Console shows a key's hint. Never more; a string that is not key-shaped gives null.
 */
export function adminKeyHint(key: string): string | null {
  const trimmed = key.trim();
  const match = /^sk-ant-([a-z]+[0-9]*)-[A-Za-z0-9_-]{12,}$/.exec(trimmed);
  return match ? `sk-ant-${match[1]}-…${trimmed.slice(-4)}` : null;
}

/**
 * "Connected an admin key for Acme" (or "Replaced", when the profile already had one) — the org and at most the
 * key's hint, never the key.
 */
export function keyConnectedAction(input: {
  atMs: number;
  orgId?: string | null;
  orgName: string;
  profileId: string;
  replaced?: boolean;
  keyHint?: string | null;
  via?: 'cli' | 'window';
}): LocalAuditAction {
  const verb = input.replaced ? 'Replaced the admin key' : 'Connected an admin key';
  const after: { [key: string]: JsonValue } = { orgName: input.orgName, profileId: input.profileId };
  if (input.orgId) after.orgId = input.orgId;
  if (input.keyHint) after.keyHint = input.keyHint;
  if (input.via) after.via = input.via;
  return {
    type: input.replaced ? 'key.replaced' : 'key.connected',
    atMs: input.atMs,
    summary: `${verb} for organization “${input.orgName}” (profile ${input.profileId})${input.keyHint ? `: ${input.keyHint}` : ''}`,
    targets: [{ type: 'organization', ...(input.orgId ? { id: input.orgId } : {}), name: input.orgName }],
    after,
  };
}

export function keyRemovedAction(input: { atMs: number; profileId: string; via?: 'cli' | 'window' }): LocalAuditAction {
  return {
    type: 'key.removed',
    atMs: input.atMs,
    summary: `Removed the stored admin key of profile ${input.profileId}`,
    after: { profileId: input.profileId, ...(input.via ? { via: input.via } : {}) },
  };
}

export function settingsChangedAction(input: {
  atMs: number;
  setting: string;
  before: JsonValue;
  after: JsonValue;
}): LocalAuditAction {
  return {
    type: 'settings.changed',
    atMs: input.atMs,
    summary: `Changed setting ${input.setting}`,
    targets: [{ type: 'setting', id: input.setting }],
    before: { [input.setting]: input.before },
    after: { [input.setting]: input.after },
  };
}

/** An action sent to the Admin API from the app (rename a key, archive a workspace, …). */
export function adminAction(input: {
  atMs: number;
  summary: string;
  targets: AuditTarget[];
  workspaceId?: string | null;
  keyId?: string | null;
  before?: JsonValue | null;
  after?: JsonValue | null;
}): LocalAuditAction {
  return { type: 'admin.action', ...input };
}

export function exportAction(input: {
  atMs: number;
  query: string;
  format: string;
  count: number;
  file: string;
}): LocalAuditAction {
  const shown = input.query.trim() === '' ? 'all events' : `query “${input.query}”`;
  return {
    type: EXPORT_EVENT_TYPE,
    atMs: input.atMs,
    summary: `Exported ${input.count} audit events (${shown}) as ${input.format.toUpperCase()} to ${input.file}`,
    after: { query: input.query, format: input.format, count: input.count, file: input.file },
  };
}

/** An access review report written to a file (`review` or the window's Export review): the period, never the content. */
export function reviewExportAction(input: {
  atMs: number;
  from: string;
  to: string;
  format: string;
  file: string;
}): LocalAuditAction {
  return {
    type: EXPORT_EVENT_TYPE,
    atMs: input.atMs,
    summary: `Exported the access review for ${input.from} to ${input.to} as ${input.format.toUpperCase()} to ${input.file}`,
    after: { report: 'access-review', from: input.from, to: input.to, format: input.format, file: input.file },
  };
}

export function purgeAction(input: {
  atMs: number;
  cutoffMs: number;
  removedCount: number;
  throughId: number;
  throughHash: string;
}): LocalAuditAction {
  return {
    type: PURGE_EVENT_TYPE,
    atMs: input.atMs,
    summary: `Retention purge removed ${input.removedCount} audit events recorded before ${isoOrMs(input.cutoffMs)} (up to event ${input.throughId})`,
    after: {
      cutoffMs: input.cutoffMs,
      removedCount: input.removedCount,
      throughId: input.throughId,
      throughHash: input.throughHash,
    },
  };
}

function isoOrMs(ms: number): string {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? `${ms} ms` : date.toISOString();
}

/** The admin re-established the external head (restored a backup without it, say): visible in the trail for good. */
export function headResetAction(input: {
  atMs: number;
  reason: string;
  previous: JsonValue;
  count: number;
  hash: string;
}): LocalAuditAction {
  return {
    type: HEAD_RESET_EVENT_TYPE,
    atMs: input.atMs,
    summary: `Re-established the audit trail's external head at ${input.count} events (reason: ${input.reason})`,
    before: { head: input.previous },
    after: { count: input.count, hash: input.hash, reason: input.reason },
  };
}
