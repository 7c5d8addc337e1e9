/**
 * A journal event the Compliance feed already records is left out of the trail (each change once): only
 * with a stored activity of a compatible type for the same target inside the diff window; differences the feed has
 * no activity for (expiry), activities outside the window and feed lag keep the journal event; the mark moves past
 * skipped rows, so re-runs append neither copy again.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { feedCoverageOf } from '../../../../main/core/audit/feed-coverage';
import type { ComplianceActivity } from '../../../../main/core/audit/normalise-compliance';
import type { StoredJournalEventLike } from '../../../../main/core/audit/normalise-journal';
import { appendComplianceActivitiesToAudit } from '../../../../main/db/audit/append';
import { catchUpJournalIntoAudit } from '../../../../main/db/audit/journal-catch-up';
import { FEED_MATCH_MARGIN_MS, feedActivityMatcher } from '../../../../main/db/audit/journal-feed-match';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { migrate } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';

const T0 = Date.parse('2026-11-20T12:00:00Z');
const HOUR = 3_600_000;
const opts = { now: () => T0 + 2 * HOUR, headPath: null };

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  migrate(db, MIGRATIONS);
  // Two syncs: the previous one at T0, the one that found the differences at T0 + 1 h (finished 2 min later).
  db.prepare(
    `INSERT INTO sync_runs (id, started_at_ms, finished_at_ms, full, status) VALUES (1, ?, ?, 1, 'ok'), (2, ?, ?, 1, 'ok')`,
  ).run(T0, T0 + 60_000, T0 + HOUR, T0 + HOUR + 120_000);
});

function activity(id: string, atMs: number, type: string, fields: Record<string, unknown>): ComplianceActivity {
  return {
    id,
    created_at: new Date(atMs).toISOString(),
    type,
    organization_id: 'org_1',
    organization_uuid: null,
    actor: {
      type: 'user_actor',
      user_id: 'user_admin',
      email_address: 'admin@example.com',
      ip_address: null,
      user_agent: null,
    },
    ...fields,
  };
}

function row(
  id: number,
  resource: string,
  entityKey: string,
  kind: StoredJournalEventLike['kind'],
  detail: Record<string, unknown>,
): StoredJournalEventLike {
  return { id, atMs: T0 + HOUR, resource, entityKey, kind, detail };
}

const change = (before: unknown, after: unknown) => ({ before, after });

function catchUp(rows: StoredJournalEventLike[], matcher = feedActivityMatcher(db, opts.now)) {
  return catchUpJournalIntoAudit(db, (after) => rows.filter((r) => r.id > after), undefined, opts, matcher);
}

const journalTypes = () =>
  db
    .prepare(
      `SELECT type || ' ' || coalesce(key_id, workspace_id, '') FROM audit_events WHERE source = 'journal' ORDER BY id`,
    )
    .pluck()
    .all();

describe('feed coverage of journal events', () => {
  it('leaves out what a stored activity records and keeps what the feed does not record', () => {
    appendComplianceActivitiesToAudit(
      db,
      [
        activity('activity_1', T0 + 10 * 60_000, 'platform_api_key_updated', {
          api_key_id: 'apikey_a',
          updates: { name: { previous: 'a', current: 'b' } },
        }),
        activity('activity_2', T0 + 20 * 60_000, 'org_user_role_updated', {
          user_id: 'user_x',
          updates: { role: { previous: 'user', current: 'developer' } },
        }),
        activity('activity_3', T0 + 30 * 60_000, 'org_user_invite_sent', {
          invited_email: 'New@Example.com',
          invited_role: 'user',
        }),
        activity('activity_4', T0 + 40 * 60_000, 'platform_workspace_member_removed', {
          workspace_id: 'wrkspc_1',
          user_id: 'user_x',
        }),
      ],
      opts,
    );
    const rows = [
      row(1, 'api_keys', 'apikey_a', 'changed', { name: change('a', 'b') }),
      row(2, 'users', 'user_x', 'changed', { role: change('user', 'developer') }),
      row(3, 'invites', 'invite_n', 'created', {
        id: 'invite_n',
        email: 'new@example.com',
        role: 'user',
        status: 'pending',
      }),
      row(4, 'workspace_members', 'wrkspc_1/user_x', 'removed', {
        workspace_id: 'wrkspc_1',
        user_id: 'user_x',
        workspace_role: 'workspace_user',
      }),
      // Not recorded by the feed: a key expiring, a key whose rename has no activity for it.
      row(5, 'api_keys', 'apikey_e', 'changed', { status: change('active', 'expired') }),
      row(6, 'api_keys', 'apikey_z', 'changed', { name: change('z', 'zz') }),
      // Same key as activity_1, but a field the activity does not name changed too: kept.
      row(7, 'api_keys', 'apikey_a', 'changed', { name: change('a', 'b'), expires_at_ms: change(null, T0) }),
    ];
    expect(catchUp(rows)).toEqual({ appended: 3, skipped: 4, mark: 7 });
    expect(journalTypes()).toEqual([
      'api_key.changed apikey_e',
      'api_key.changed apikey_z',
      'api_key.changed apikey_a',
    ]);
    // A re-run appends neither copy again.
    expect(catchUp(rows)).toEqual({ appended: 0, skipped: 0, mark: 7 });
    expect(verifyAuditChain(db, { headPath: null }).ok).toBe(true);
  });

  it('an activity outside the diff window (before the previous sync, beyond the margin) does not cover the change', () => {
    appendComplianceActivitiesToAudit(
      db,
      [
        activity('activity_old', T0 - FEED_MATCH_MARGIN_MS - 1, 'platform_api_key_updated', {
          api_key_id: 'apikey_a',
          updates: { name: {} },
        }),
        activity('activity_edge', T0 - FEED_MATCH_MARGIN_MS + 1, 'platform_workspace_archived', {
          workspace_id: 'wrkspc_2',
        }),
      ],
      opts,
    );
    const rows = [
      row(1, 'api_keys', 'apikey_a', 'changed', { name: change('a', 'b') }),
      row(2, 'workspaces', 'wrkspc_2', 'changed', { archived_at_ms: change(null, T0) }),
    ];
    expect(catchUp(rows)).toMatchObject({ appended: 1, skipped: 1 });
    expect(journalTypes()).toEqual(['api_key.changed apikey_a']);
  });

  it('feed lag: a covered change whose activity is not stored yet stays a journal event, and the late activity adds the feed copy', () => {
    const rows = [row(1, 'workspaces', 'wrkspc_new', 'created', { id: 'wrkspc_new', name: 'New' })];
    expect(catchUp(rows)).toMatchObject({ appended: 1, skipped: 0 });
    appendComplianceActivitiesToAudit(
      db,
      [activity('activity_late', T0 + 30 * 60_000, 'platform_workspace_created', { workspace_id: 'wrkspc_new' })],
      opts,
    );
    expect(catchUp(rows)).toMatchObject({ appended: 0, skipped: 0 });
    expect(db.prepare(`SELECT source FROM audit_events ORDER BY id`).pluck().all()).toEqual(['journal', 'compliance']);
  });

  it('without a matcher (feed refused or failed in this sync) every journal event is kept', () => {
    appendComplianceActivitiesToAudit(
      db,
      [activity('activity_1', T0 + 60_000, 'platform_api_key_created', { api_key_id: 'apikey_n' })],
      opts,
    );
    expect(catchUpJournalIntoAudit(db, () => [], undefined, opts)).toEqual({ appended: 0, skipped: 0, mark: 0 });
    const rows = [row(1, 'api_keys', 'apikey_n', 'created', { id: 'apikey_n', name: 'n', status: 'active' })];
    expect(
      catchUpJournalIntoAudit(db, (after) => rows.filter((r) => r.id > after), undefined, opts, null),
    ).toMatchObject({ appended: 1, skipped: 0 });
  });

  it('says which kinds the feed covers', () => {
    const covered = (r: StoredJournalEventLike) => feedCoverageOf(r)?.types ?? null;
    expect(covered(row(1, 'api_keys', 'k', 'created', {}))).toEqual(['platform_api_key_created']);
    expect(covered(row(1, 'api_keys', 'k', 'removed', {}))).toBeNull();
    expect(covered(row(1, 'users', 'u', 'removed', {}))).toEqual(['org_user_deleted']);
    expect(covered(row(1, 'users', 'u', 'changed', { name: change('a', 'b') }))).toBeNull();
    expect(covered(row(1, 'invites', 'i', 'removed', {}))).toEqual(['org_user_invite_deleted']);
    expect(covered(row(1, 'invites', 'i', 'changed', { status: change('pending', 'expired') }))).toBeNull();
    expect(
      covered(
        row(1, 'invites', 'i', 'changed', { status: change('pending', 'accepted'), accepted_at_ms: change(null, 1) }),
      ),
    ).toEqual(['org_user_invite_accepted']);
    expect(covered(row(1, 'workspaces', 'w', 'created', {}))).toEqual(['platform_workspace_created']);
    expect(covered(row(1, 'workspace_members', 'w/u', 'created', {}))).toEqual(['platform_workspace_member_added']);
    expect(covered(row(1, 'workspace_members', 'w/u', 'changed', { workspace_role: change('a', 'b') }))).toEqual([
      'platform_workspace_member_updated',
    ]);
    expect(covered(row(1, 'spend_limits', 's', 'changed', { amount: change(1, 2) }))).toBeNull();
  });
});
