import { canonicalJson, canonicalise } from './canonical-json';
import type { AuditActor, AuditEventDraft, AuditTarget } from './event';
import { memberSummary, memberTargets, type MemberNames } from './journal-member-summary';

/**
 * The sync engine's change journal → audit events (every difference between two syncs). The journal knows
 * what changed, not who changed it; the one exception is a new API key, whose `created_by` names its creator.
 */
export interface JournalDiffEvent {
  /** `user`, `invite`, `workspace`, `workspace_member`, `api_key`, `rate_limit`, `spend_limit` (plural forms accepted). */
  resource: string;
  change: 'created' | 'removed' | 'changed';
  /** The resource's id (for members: whatever stable id the journal uses, e.g. `wrkspc_…/user_…`). */
  id: string;
  name?: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  /** The sync time the difference was found at. */
  atMs: number;
  /** The journal row's own id when it has one; otherwise resource, id, change and time identify the event. */
  journalId?: string | number | null;
  /** The workspace it belongs to, when before/after do not say (a `changed` event carries only changed fields). */
  workspaceId?: string | null;
  /** Names the mirror knows for the workspace and user a composite id joins (a member's summary uses them). */
  workspaceName?: string | null;
  userName?: string | null;
}

/** What the mirror can tell about a journal row's entity (db/audit/describe-from-mirror.ts). */
export interface JournalContext {
  name?: string | null;
  workspaceId?: string | null;
  workspaceName?: string | null;
  userName?: string | null;
}

/** The sync engine's stored journal row (main/core/sync/diff.ts `JournalEvent` + id and time). */
export interface StoredJournalEventLike {
  id: number;
  atMs: number;
  resource: string;
  entityKey: string;
  kind: 'created' | 'changed' | 'removed';
  /** created/removed: the whole row; changed: `{field: {before, after}}` for the fields that differ. */
  detail: Record<string, unknown>;
}

/**
 * Adapts a stored journal row. `context` fills what a `changed` row lacks (the entity's current name and
 * workspace), which the caller can read from the mirror.
 */
export function fromStoredJournalEvent(stored: StoredJournalEventLike, context: JournalContext = {}): JournalDiffEvent {
  let before: Record<string, unknown> | null = null;
  let after: Record<string, unknown> | null = null;
  if (stored.kind === 'created') after = stored.detail;
  else if (stored.kind === 'removed') before = stored.detail;
  else {
    before = {};
    after = {};
    for (const [field, change] of Object.entries(stored.detail)) {
      const pair = (change ?? {}) as { before?: unknown; after?: unknown };
      before[field] = pair.before ?? null;
      after[field] = pair.after ?? null;
    }
  }
  return {
    resource: stored.resource,
    change: stored.kind,
    id: stored.entityKey,
    name: context.name ?? null,
    before,
    after,
    atMs: stored.atMs,
    journalId: stored.id,
    workspaceId: context.workspaceId ?? null,
    workspaceName: context.workspaceName ?? null,
    userName: context.userName ?? null,
  };
}

const RESOURCE_LABELS: Record<string, string> = {
  organization: 'Organization',
  user: 'User',
  invite: 'Invite',
  workspace: 'Workspace',
  workspace_member: 'Workspace member',
  member: 'Workspace member',
  api_key: 'API key',
  rate_limit: 'Rate limit',
  workspace_rate_limit: 'Workspace rate limit',
  spend_limit: 'Spend limit',
};

/** Summaries list at most this many changed fields, then "+N more" (the detail pane shows them all). */
const MAX_FIELDS_IN_SUMMARY = 5;
const MAX_VALUE_CHARS = 60;

export function singularResource(resource: string): string {
  if (resource === 'workspace_members') return 'workspace_member';
  return resource.endsWith('s') ? resource.slice(0, -1) : resource;
}

export function normaliseJournalEvent(event: JournalDiffEvent): AuditEventDraft {
  const resource = singularResource(event.resource);
  const state = event.after ?? event.before ?? {};
  const name = event.name ?? stringField(state, 'name') ?? stringField(state, 'email') ?? null;
  const target = name ? { type: resource, id: event.id, name } : { type: resource, id: event.id };
  const member = isMember(resource) ? memberNames(event) : null;
  return {
    atMs: event.atMs,
    source: 'journal',
    type: `${resource}.${event.change}`,
    externalId:
      event.journalId != null ? `journal:${event.journalId}` : `${resource}:${event.id}:${event.change}:${event.atMs}`,
    actor: resource === 'api_key' && event.change === 'created' ? creatorOf(event.after) : null,
    workspaceId:
      resource === 'workspace'
        ? event.id
        : (event.workspaceId ?? workspaceOf(event.after) ?? workspaceOf(event.before) ?? idPart(event.id, 'wrkspc_')),
    keyId: resource === 'api_key' ? event.id : null,
    targets: member ? memberTargets(event.id, member) : [target, ...compositeTargets(event.id)],
    summary: member
      ? memberSummary(event.change, member, event.before, event.after, fieldChanges(event))
      : summarise(resource, event, name),
    before: event.before ? canonicalise(event.before) : null,
    after: event.after ? canonicalise(event.after) : null,
    raw: null,
  };
}

function summarise(resource: string, event: JournalDiffEvent, name: string | null): string {
  const label = RESOURCE_LABELS[resource] ?? resource.replace(/_/g, ' ');
  const what = name ? `${label} “${name}” (${event.id})` : `${label} ${event.id}`;
  if (event.change === 'created') return `${what} appeared`;
  if (event.change === 'removed') return `${what} disappeared`;
  const changes = fieldChanges(event);
  return `${what} changed${changes ? `: ${changes}` : ''}`;
}

/** "field: before → after; …" for the first few changed fields, then "+N more". */
function fieldChanges(event: JournalDiffEvent): string {
  const fields = changedFields(event.before ?? {}, event.after ?? {});
  const shown = fields
    .slice(0, MAX_FIELDS_IN_SUMMARY)
    .map((f) => `${f}: ${short(event.before?.[f])} → ${short(event.after?.[f])}`);
  const more = fields.length > MAX_FIELDS_IN_SUMMARY ? `; +${fields.length - MAX_FIELDS_IN_SUMMARY} more` : '';
  return `${shown.join('; ')}${more}`;
}

function isMember(resource: string): boolean {
  return resource === 'workspace_member' || resource === 'member';
}

/** A member's ids from its composite key (`wrkspc_…/user_…`) or its row, with the names the mirror gave. */
function memberNames(event: JournalDiffEvent): MemberNames {
  const state = event.after ?? event.before ?? {};
  return {
    userId: idPart(event.id, 'user_') ?? stringField(state, 'user_id'),
    workspaceId: idPart(event.id, 'wrkspc_') ?? stringField(state, 'workspace_id') ?? event.workspaceId ?? null,
    userName: event.userName ?? null,
    workspaceName: event.workspaceName ?? null,
  };
}

/** Top-level fields whose values differ, in name order. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].sort().filter((field) => safeJson(before[field]) !== safeJson(after[field]));
}

function short(value: unknown): string {
  const text = typeof value === 'string' ? value : value === undefined ? '∅' : safeJson(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function safeJson(value: unknown): string {
  return value === undefined ? 'undefined' : canonicalJson(value);
}

/**
 * Composite keys (`wrkspc_…/user_…` for a member, `wrkspc_…/<rate limit>` for a workspace limit) also name the
 * workspace and user they join, so `workspace:` and `actor`-free searches for the user find them.
 */
function compositeTargets(id: string): AuditTarget[] {
  if (!id.includes('/')) return [];
  const out: AuditTarget[] = [];
  for (const part of id.split('/')) {
    if (part.startsWith('wrkspc_')) out.push({ type: 'workspace', id: part });
    else if (part.startsWith('user_')) out.push({ type: 'user', id: part });
  }
  return out;
}

function idPart(id: string, prefix: string): string | null {
  return id.split('/').find((part) => part.startsWith(prefix)) ?? null;
}

function stringField(state: Record<string, unknown>, field: string): string | null {
  const value = state[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** Both key shapes (admin-api.md §3.6): `scope.workspace_id` (new) or top-level `workspace_id` (old); members too. */
function workspaceOf(state: Record<string, unknown> | null): string | null {
  if (!state) return null;
  if (typeof state.workspace_id === 'string') return state.workspace_id;
  const scope = state.scope as { workspace_id?: unknown } | null | undefined;
  return scope && typeof scope.workspace_id === 'string' ? scope.workspace_id : null;
}

/** The API object's `created_by: {id, type}`, or the mirror row's flat `created_by_id` / `created_by_type`. */
function creatorOf(after: Record<string, unknown> | null): AuditActor | null {
  const nested = after?.created_by as { id?: unknown; type?: unknown } | null | undefined;
  const id = nested ? nested.id : after?.created_by_id;
  const type = nested ? nested.type : after?.created_by_type;
  if (typeof id !== 'string') return null;
  return { kind: typeof type === 'string' ? type : 'user', id };
}
