/**
 * How each mirrored resource's API object becomes a flat row (column name → scalar), and which columns are its key.
 * Rows are what the store upserts and what diffs compare, so a field belongs here only if a change in it matters.
 */
import type {
  ApiEffectiveSpend,
  ApiInvite,
  ApiKey,
  ApiRateLimit,
  ApiSpendLimit,
  ApiUser,
  ApiWorkspace,
  ApiWorkspaceMember,
  ApiWorkspaceRateLimit,
} from '../api-types';
import { centsToNanocents } from '../money';
import { parseApiTime, parseApiTimeOrNull } from '../time';
import type { ListRoutes } from '../ports';

export type Scalar = string | number | bigint | null;
export type Row = Record<string, Scalar>;

/** Resources stored as latest state + first/last seen, diffed into journal events. */
export type EntityResource =
  | 'users'
  | 'invites'
  | 'workspaces'
  | 'workspace_members'
  | 'api_keys'
  | 'rate_limits'
  | 'workspace_rate_limits'
  | 'spend_limits'
  | 'spend_limits_effective';

export interface EntitySpec<R extends EntityResource> {
  resource: R;
  keyColumns: readonly string[];
  /** false for running figures (spend to date) whose every change would only be noise in the journal. */
  journaled?: boolean;
  toRow(item: ListRoutes[R]['item']): Row;
}

const json = (v: unknown): string => JSON.stringify(v ?? null);
/** Tags with their keys in order: the same tags listed in another order are not a change. */
const sortedTagsJson = (tags: Record<string, string> | null | undefined): string =>
  JSON.stringify(Object.fromEntries(Object.entries(tags ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));

export const ENTITY_SPECS: { [R in EntityResource]: EntitySpec<R> } = {
  users: {
    resource: 'users',
    keyColumns: ['id'],
    toRow: (u: ApiUser) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      added_at_ms: parseApiTime(u.added_at),
    }),
  },
  invites: {
    resource: 'invites',
    keyColumns: ['id'],
    toRow: (i: ApiInvite) => ({
      id: i.id,
      email: i.email,
      role: i.role,
      status: i.status,
      invited_at_ms: parseApiTime(i.invited_at),
      expires_at_ms: parseApiTime(i.expires_at),
      accepted_at_ms: parseApiTimeOrNull(i.accepted_at),
      rbac_group_ids_json: json(i.rbac_group_ids ?? []),
    }),
  },
  workspaces: {
    resource: 'workspaces',
    keyColumns: ['id'],
    toRow: (w: ApiWorkspace) => ({
      id: w.id,
      name: w.name,
      created_at_ms: parseApiTime(w.created_at),
      archived_at_ms: parseApiTimeOrNull(w.archived_at),
      display_color: w.display_color ?? null,
      tags_json: sortedTagsJson(w.tags),
    }),
  },
  workspace_members: {
    resource: 'workspace_members',
    keyColumns: ['workspace_id', 'user_id'],
    toRow: (m: ApiWorkspaceMember) => ({
      workspace_id: m.workspace_id,
      user_id: m.user_id,
      workspace_role: m.workspace_role,
    }),
  },
  api_keys: { resource: 'api_keys', keyColumns: ['id'], toRow: apiKeyRow },
  rate_limits: { resource: 'rate_limits', keyColumns: ['id'], toRow: rateLimitRow },
  workspace_rate_limits: {
    resource: 'workspace_rate_limits',
    keyColumns: ['workspace_id', 'rate_limit_id'],
    toRow: (r: ApiWorkspaceRateLimit) => ({
      workspace_id: r.workspace_id,
      rate_limit_id: r.rate_limit_id,
      group_type: r.group?.type ?? null,
      display_name: r.group?.display_name ?? null,
      models_json: json(r.models ?? null),
      limits_json: json(r.limits),
    }),
  },
  spend_limits: { resource: 'spend_limits', keyColumns: ['id'], toRow: spendLimitRow },
  spend_limits_effective: {
    resource: 'spend_limits_effective',
    keyColumns: ['actor_type', 'actor_id', 'period'],
    journaled: false,
    toRow: effectiveSpendRow,
  },
};

/**
 * Both key shapes (admin-api.md §3.6): the current `scope`/`principal`/`created_by`, and the legacy top-level
 * `workspace_id` (null = default workspace). `workspace_id` is the effective workspace: from the scope when
 * present, else the legacy field; null for the default workspace (legacy) or an organization-scoped key.
 */
function apiKeyRow(k: ApiKey): Row {
  const scopeWorkspaceId = k.scope?.type === 'workspace' ? k.scope.workspace_id : null;
  const hasLegacy = k.workspace_id !== undefined;
  const principalId =
    k.principal == null
      ? null
      : k.principal.type === 'user_actor'
        ? k.principal.user_id
        : k.principal.service_account_id;
  return {
    id: k.id,
    name: k.name,
    status: k.status,
    created_at_ms: parseApiTime(k.created_at),
    expires_at_ms: parseApiTimeOrNull(k.expires_at),
    partial_key_hint: k.partial_key_hint ?? null,
    created_by_id: k.created_by?.id ?? null,
    created_by_type: k.created_by?.type ?? null,
    principal_type: k.principal?.type ?? null,
    principal_id: principalId,
    scope_type: k.scope?.type ?? null,
    scope_workspace_id: scopeWorkspaceId,
    legacy_workspace_id: k.workspace_id ?? null,
    has_legacy_workspace_id: hasLegacy ? 1 : 0,
    workspace_id: k.scope ? scopeWorkspaceId : (k.workspace_id ?? null),
  };
}

/** Current entries carry an id; older ones only a group_type (+ models), which then make the key. */
function rateLimitRow(r: ApiRateLimit): Row {
  const groupType = r.group?.type ?? r.group_type ?? null;
  const id = r.id ?? r.group?.id ?? `${groupType ?? 'unknown'}:${(r.models ?? []).join(',')}`;
  return {
    id,
    group_id: r.group?.id ?? null,
    group_type: groupType,
    display_name: r.group?.display_name ?? null,
    models_json: json(r.models ?? null),
    limits_json: json(r.limits),
  };
}

/** Spend-limit `amount` is a string of minor units (cents for USD): "50000" = $500.00. */
function spendLimitRow(s: ApiSpendLimit): Row {
  const scope = s.scope;
  return {
    id: s.id,
    amount_nanocents: s.amount == null ? null : centsToNanocents(s.amount),
    currency: s.currency,
    period: s.period,
    is_enabled: s.is_enabled ? 1 : 0,
    scope_type: scope.type,
    scope_workspace_id: typeof scope['workspace_id'] === 'string' ? scope['workspace_id'] : null,
    scope_user_id: typeof scope['user_id'] === 'string' ? scope['user_id'] : null,
    scope_json: json(scope),
    created_at_ms: parseApiTime(s.created_at),
    updated_at_ms: parseApiTime(s.updated_at),
  };
}

function effectiveSpendRow(e: ApiEffectiveSpend): Row {
  const actor = e.actor;
  return {
    actor_type: actor.type,
    actor_id: actor.type === 'user_actor' ? actor.user_id : actor.scoped_api_key_id,
    actor_name: actor.type === 'user_actor' ? (actor.name ?? null) : null,
    actor_email: actor.type === 'user_actor' ? (actor.email_address ?? null) : null,
    period: e.period,
    amount_nanocents: e.amount == null ? null : centsToNanocents(e.amount),
    currency: e.currency,
    period_to_date_spend_nanocents: centsToNanocents(e.period_to_date_spend),
    scope_json: json(e.scope ?? null),
    source_json: json(e.source ?? null),
    spend_limit_id: e.spend_limit_id ?? null,
  };
}

export function rowKey(spec: { keyColumns: readonly string[] }, row: Row): string {
  return spec.keyColumns.map((c) => String(row[c])).join('/');
}
