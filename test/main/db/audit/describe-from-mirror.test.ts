/**
 * A workspace member's journal row carries only ids (`wrkspc_…/user_…`); the trail names them from the mirror, and
 * keeps the ids in the event's targets.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredJournalEventLike } from '../../../../main/core/audit/normalise-journal';
import { catchUpJournalIntoAudit, searchAuditEvents } from '../../../../main/db/audit/index';
import { describeFromMirror } from '../../../../main/db/audit/describe-from-mirror';
import { openMirror, type MirrorDb } from '../../../../main/db/open';

let db: MirrorDb;
beforeEach(() => {
  db = openMirror(':memory:');
  // Mirror rows of an API user and workspace (admin-api.md §3.2, §3.4).
  db.prepare(
    `INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass)
     VALUES ('user_01Ada', 'ada@example.com', 'Ada Lovelace', 'developer', 1, 1, 1, 1)`,
  ).run();
  db.prepare(
    `INSERT INTO workspaces (id, name, created_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass)
     VALUES ('wrkspc_01Prod', 'Production', 1, 1, 1, 1)`,
  ).run();
});
afterEach(() => db.close());

const memberRow = (id: number, kind: StoredJournalEventLike['kind'], userId: string): StoredJournalEventLike => ({
  id,
  atMs: 1_800_000_000_000 + id,
  resource: 'workspace_members',
  entityKey: `wrkspc_01Prod/${userId}`,
  kind,
  detail:
    kind === 'changed'
      ? { workspace_role: { before: 'workspace_user', after: 'workspace_developer' } }
      : { workspace_id: 'wrkspc_01Prod', user_id: userId, workspace_role: 'workspace_developer' },
});

describe('journal member lines from the mirror', () => {
  it('name the user and workspace; the ids stay in the targets', () => {
    const rows = [memberRow(1, 'created', 'user_01Ada'), memberRow(2, 'changed', 'user_01Ada')];
    catchUpJournalIntoAudit(db, (after) => rows.filter((r) => r.id > after), describeFromMirror(db), {
      headPath: null,
    });
    const events = searchAuditEvents(db, 'type:workspace_member*').events;
    expect(events.map((e) => e.summary)).toEqual([
      'Ada Lovelace’s role in workspace Production changed: workspace_user → workspace_developer',
      'Ada Lovelace added to workspace Production as workspace_developer',
    ]);
    expect(events[1]!.targets).toContainEqual({ type: 'user', id: 'user_01Ada', name: 'Ada Lovelace' });
    expect(searchAuditEvents(db, 'user_01Ada').events).toHaveLength(2);
  });

  it('fall back to the id of a user the mirror no longer knows', () => {
    const rows = [memberRow(1, 'removed', 'user_01Gone')];
    catchUpJournalIntoAudit(db, (after) => rows.filter((r) => r.id > after), describeFromMirror(db), {
      headPath: null,
    });
    expect(searchAuditEvents(db, '').events[0]!.summary).toBe(
      'user_01Gone removed from workspace Production (was workspace_developer)',
    );
  });
});
