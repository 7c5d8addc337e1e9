import type { StoredJournalEventLike } from './normalise-journal';
import { singularResource } from './normalise-journal';

/**
 * Which journal events the Compliance activity feed already records, so each change appears in the trail once.
 * When the feed is read, a change shows up twice: as the feed's activity (with its actor) and as the
 * journal's snapshot difference (without one). The feed's copy is the better one, so a journal event the feed
 * covers is left out of the trail, and only when a stored feed activity actually matches it:
 *
 * - same target (key id, user id, invite id or e-mail, workspace id, workspace + user for a member), and
 * - a compatible kind: the activity type that records exactly this difference (below), and for an update only when
 *   every changed field is one that activity records (a key renamed and expired in the same window keeps its
 *   journal event: the expiry is in no activity), and
 * - the activity's time inside the journal event's diff window (see journal-feed-match.ts).
 *
 * Everything else stays a journal event: differences the feed has no activity for (a key or invite expiring, a key
 * archived with its workspace, members dropped with a removed user, spend limits, org rate limits), and covered
 * differences whose activity is not (yet) in the trail (feed lag): losing a change is worse than showing it twice.
 */
export interface FeedCoverage {
  /** Activity types that can record this difference (admin-api.md §5, plus the sandbox's `org_user_role_updated`). */
  types: readonly string[];
  /** Whether one activity (its raw fields) records this very difference. */
  matches(activity: Record<string, unknown>): boolean;
}

/** The difference a journal row describes, or null when the feed has no activity that records it. */
export function feedCoverageOf(
  row: Pick<StoredJournalEventLike, 'resource' | 'entityKey' | 'kind' | 'detail'>,
): FeedCoverage | null {
  const resource = singularResource(row.resource);
  const id = row.entityKey;
  const fields = row.kind === 'changed' ? Object.keys(row.detail) : [];
  const after = (field: string): unknown => (row.detail[field] as { after?: unknown } | undefined)?.after;
  const only = (...allowed: string[]): boolean => fields.length > 0 && fields.every((f) => allowed.includes(f));
  const is = (field: string, value: string) => (a: Record<string, unknown>) => a[field] === value;

  switch (resource) {
    case 'api_key':
      if (row.kind === 'created') return cover(['platform_api_key_created'], is('api_key_id', id));
      // A status of `expired` comes from the key's clock, not from anyone's action: no activity records it.
      if (row.kind === 'changed' && only('name', 'status') && after('status') !== 'expired') {
        return cover(['platform_api_key_updated'], (a) => a.api_key_id === id && recordsFields(a.updates, fields));
      }
      return null;
    case 'user':
      if (row.kind === 'created') return cover(['org_user_invite_accepted'], is('user_id', id));
      if (row.kind === 'removed')
        return cover(['org_user_deleted'], (a) => a.deleted_user_id === id || a.user_id === id);
      if (row.kind === 'changed' && only('role'))
        return cover(
          ['org_user_role_updated', 'org_user_updated'],
          (a) => a.user_id === id && recordsFields(a.updates, fields),
        );
      return null;
    case 'invite': {
      if (row.kind === 'created') {
        const email = typeof row.detail.email === 'string' ? row.detail.email.toLowerCase() : null;
        return cover(
          ['org_user_invite_sent'],
          (a) =>
            a.invite_id === id ||
            (a.invite_id === undefined && email !== null && String(a.invited_email ?? '').toLowerCase() === email),
        );
      }
      if (row.kind === 'removed') return cover(['org_user_invite_deleted'], is('invite_id', id));
      if (row.kind === 'changed' && only('status', 'accepted_at_ms') && after('status') === 'accepted')
        return cover(['org_user_invite_accepted'], is('invite_id', id));
      return null;
    }
    case 'workspace':
      if (row.kind === 'created') return cover(['platform_workspace_created'], is('workspace_id', id));
      if (row.kind === 'changed' && only('archived_at_ms') && after('archived_at_ms') != null)
        return cover(['platform_workspace_archived'], is('workspace_id', id));
      if (row.kind === 'changed' && only('name', 'display_color'))
        return cover(['platform_workspace_updated'], (a) => a.workspace_id === id && recordsFields(a.updates, fields));
      return null;
    case 'workspace_member': {
      const [workspaceId, userId] = id.split('/');
      const member = (a: Record<string, unknown>) => a.workspace_id === workspaceId && a.user_id === userId;
      if (row.kind === 'created') return cover(['platform_workspace_member_added'], member);
      if (row.kind === 'removed') return cover(['platform_workspace_member_removed'], member);
      if (only('workspace_role')) return cover(['platform_workspace_member_updated'], member);
      return null;
    }
    case 'workspace_rate_limit': {
      // The activity names the limit by its model group, the journal by the org limit's id: the same workspace,
      // and the same group name when the journal row carries it (a `changed` row carries only the limits).
      const [workspaceId] = id.split('/');
      const names = [row.detail.display_name, row.detail.group_type].filter((v): v is string => typeof v === 'string');
      return cover(
        ['platform_workspace_rate_limit_updated', 'platform_workspace_rate_limit_deleted'],
        (a) => a.workspace_id === workspaceId && (names.length === 0 || names.includes(String(a.model_group))),
      );
    }
    default:
      return null;
  }
}

function cover(types: readonly string[], matches: (activity: Record<string, unknown>) => boolean): FeedCoverage {
  return { types, matches };
}

/**
 * Whether an activity's `updates` names every changed field (`{field: {previous, current}}` or `[{field}]`). An
 * activity without a readable `updates` is taken to record the change its type names.
 */
function recordsFields(updates: unknown, fields: readonly string[]): boolean {
  if (typeof updates !== 'object' || updates === null) return true;
  const named = Array.isArray(updates)
    ? updates.map((u) =>
        typeof u === 'object' && u !== null && 'field' in u ? String((u as { field: unknown }).field) : '',
      )
    : Object.keys(updates);
  return fields.every((f) => named.includes(f));
}
