import { canonicalise } from './canonical-json';
import type { AuditActor, AuditEventDraft, AuditTarget, JsonValue } from './event';

/**
 * Compliance API activity feed → audit events (admin-api.md §5). Only metadata is kept: the feed carries no
 * content for the admin types we show, and we never fetch any.
 */
export interface ComplianceActivity {
  id: string;
  created_at: string;
  type: string;
  actor?: ComplianceActor | null;
  organization_id?: string | null;
  organization_uuid?: string | null;
  [field: string]: unknown;
}

export interface ComplianceActor {
  type: string;
  [field: string]: unknown;
}

/** Fields that identify the activity itself rather than what it touched. */
const ENVELOPE_FIELDS = new Set(['id', 'created_at', 'type', 'actor', 'organization_id', 'organization_uuid']);

/** The id field of each documented actor type; unknown types fall back to the first `*_id` string. */
const ACTOR_ID_FIELDS = [
  'user_id',
  'api_key_id',
  'admin_api_key_id',
  'service_account_id',
  'scim_directory_id',
  'federation_rule_id',
  'id',
];

export function normaliseActor(actor: ComplianceActor | null | undefined): AuditActor | null {
  if (!actor || typeof actor.type !== 'string') return null;
  const out: AuditActor = { kind: actor.type.replace(/_actor$/, '') };
  const idField =
    ACTOR_ID_FIELDS.find((field) => typeof actor[field] === 'string') ??
    Object.keys(actor).find((field) => field.endsWith('_id') && typeof actor[field] === 'string');
  if (idField) out.id = actor[idField] as string;
  const email = actor.email_address ?? actor.email;
  if (typeof email === 'string') out.email = email;
  const name = actor.name ?? actor.display_name;
  if (typeof name === 'string') out.name = name;
  return out;
}

/** `api_key_id` → api_key, `deleted_user_id` → user, `invited_email` → invite (named by e-mail). */
export function activityTargets(activity: ComplianceActivity): AuditTarget[] {
  const targets: AuditTarget[] = [];
  for (const [field, value] of Object.entries(activity)) {
    if (ENVELOPE_FIELDS.has(field) || typeof value !== 'string') continue;
    if (field.endsWith('_id')) {
      const type = field.slice(0, -3).replace(/^(deleted|invited|added|removed)_/, '');
      const target: AuditTarget = { type, id: value };
      if (type === 'user' && typeof activity.deleted_user_email === 'string') target.name = activity.deleted_user_email;
      targets.push(target);
    }
  }
  if (typeof activity.invited_email === 'string') targets.push({ type: 'invite', name: activity.invited_email });
  return targets;
}

export function normaliseComplianceActivity(activity: ComplianceActivity): AuditEventDraft {
  const atMs = Date.parse(activity.created_at);
  if (Number.isNaN(atMs)) throw new Error(`compliance activity ${activity.id} has no valid created_at`);
  const actor = normaliseActor(activity.actor);
  const workspaceId = typeof activity.workspace_id === 'string' ? activity.workspace_id : null;
  const keyId = typeof activity.api_key_id === 'string' ? activity.api_key_id : null;
  const targets = activityTargets(activity);
  return {
    atMs,
    source: 'compliance',
    type: activity.type,
    externalId: activity.id,
    actor,
    workspaceId,
    keyId,
    targets,
    summary: `${actorLabel(actor)} ${describeActivity(activity)}`,
    before: null,
    after: activityChange(activity),
    raw: withoutContent(canonicalise(activity)),
  };
}

/**
 * Field names that would carry what people wrote rather than what they did. The admin activity types have none;
 * should a future type carry one, the trail keeps the fact and drops the words.
 */
const CONTENT_FIELDS =
  /^(content|contents|prompt|completion|message|messages|text|body|input|output|attachment_content)$/i;

export function withoutContent(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(withoutContent);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value))
    out[key] = CONTENT_FIELDS.test(key) ? '[content not stored]' : withoutContent(member);
  return out;
}

/** The changed values an activity carries (`updates`, or a rate limit's new value), for the detail pane. */
function activityChange(activity: ComplianceActivity): JsonValue | null {
  if (activity.updates !== undefined) return canonicalise({ updates: activity.updates });
  if (activity.value !== undefined) {
    return canonicalise({
      model_group: activity.model_group,
      limiter_type: activity.limiter_type,
      value: activity.value,
    });
  }
  return null;
}

export function actorLabel(actor: AuditActor | null): string {
  if (!actor) return 'Someone';
  if (actor.email) return actor.email;
  if (actor.name) return actor.name;
  const kind = actor.kind.replace(/_/g, ' ');
  return actor.id ? `${kind} ${actor.id}` : kind;
}

/** Human text for the admin-relevant types; anything else reads as its type in words plus its targets. */
function describeActivity(a: ComplianceActivity): string {
  const s = (field: string): string =>
    typeof a[field] === 'string' || typeof a[field] === 'number' ? String(a[field]) : '?';
  switch (a.type) {
    case 'platform_api_key_created':
      return `created API key ${s('api_key_id')}`;
    case 'platform_api_key_updated':
      return `updated API key ${s('api_key_id')}${fieldsOf(a.updates)}`;
    case 'platform_workspace_created':
      return `created workspace ${s('workspace_id')}`;
    case 'platform_workspace_archived':
      return `archived workspace ${s('workspace_id')}`;
    case 'platform_workspace_updated':
      return `updated workspace ${s('workspace_id')}${fieldsOf(a.updates)}`;
    case 'platform_workspace_member_added':
      return `added user ${s('user_id')} to workspace ${s('workspace_id')}`;
    case 'platform_workspace_member_removed':
      return `removed user ${s('user_id')} from workspace ${s('workspace_id')}`;
    case 'platform_workspace_member_updated':
      return `changed the role of user ${s('user_id')} in workspace ${s('workspace_id')}${fieldsOf(a.updates)}`;
    case 'platform_workspace_rate_limit_updated':
      return `set ${s('limiter_type')} for ${s('model_group')} in workspace ${s('workspace_id')} to ${s('value')}`;
    case 'platform_workspace_rate_limit_deleted':
      return `removed the ${s('limiter_type')} limit for ${s('model_group')} in workspace ${s('workspace_id')}`;
    case 'platform_usage_report_messages_viewed':
      return 'viewed the usage report';
    case 'platform_cost_report_viewed':
      return 'viewed the cost report';
    case 'org_user_invite_sent':
      return `invited ${s('invited_email')} as ${s('invited_role')}`;
    case 'org_user_invite_deleted':
      return `deleted invite ${s('invite_id')}`;
    case 'org_user_invite_accepted':
      return `accepted invite ${s('invite_id')}`;
    case 'org_user_deleted':
      return `removed user ${typeof a.deleted_user_email === 'string' ? a.deleted_user_email : s('deleted_user_id')} from the organization`;
    case 'admin_api_key_created':
      return `created admin key ${s('admin_api_key_id')}`;
    case 'admin_api_key_updated':
      return `updated admin key ${s('admin_api_key_id')}`;
    case 'admin_api_key_deleted':
      return `deleted admin key ${s('admin_api_key_id')}`;
    case 'compliance_api_accessed':
      return 'accessed the Compliance API';
    default: {
      const ids = activityTargets(a)
        .map((t) => t.id ?? t.name)
        .filter(Boolean);
      return `${a.type.replace(/_/g, ' ')}${ids.length ? ` (${ids.join(', ')})` : ''}`;
    }
  }
}

function fieldsOf(updates: unknown): string {
  if (typeof updates !== 'object' || updates === null) return '';
  const keys = Array.isArray(updates)
    ? updates.map((u) => (typeof u === 'object' && u && 'field' in u ? String(u.field) : '')).filter(Boolean)
    : Object.keys(updates);
  return keys.length ? `: ${keys.join(', ')}` : '';
}
