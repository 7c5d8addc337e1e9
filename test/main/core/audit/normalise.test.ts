import { describe, expect, it } from 'vitest';
import { normaliseActor, normaliseComplianceActivity } from '../../../../main/core/audit/normalise-compliance';
import { fromStoredJournalEvent, normaliseJournalEvent } from '../../../../main/core/audit/normalise-journal';
import { exportAction, normaliseLocalAction } from '../../../../main/core/audit/normalise-local';

// Shapes from admin-api.md §5 (Compliance Activity Feed).
const keyCreated = {
  id: 'activity_01ABC',
  created_at: '2026-11-20T09:14:03Z',
  organization_id: 'org_01',
  organization_uuid: '3c9a…',
  type: 'platform_api_key_created',
  actor: {
    type: 'user_actor',
    email_address: 'ada@example.com',
    user_id: 'user_01',
    ip_address: '203.0.113.5',
    user_agent: 'Mozilla/5.0',
  },
  api_key_id: 'apikey_01',
};

describe('normaliseActor', () => {
  it.each([
    [keyCreated.actor, { kind: 'user', id: 'user_01', email: 'ada@example.com' }],
    [
      { type: 'api_actor', api_key_id: 'apikey_02' },
      { kind: 'api', id: 'apikey_02' },
    ],
    [
      { type: 'admin_api_key_actor', admin_api_key_id: 'apikey_adm', ip_address: '1.2.3.4', user_agent: 'curl' },
      { kind: 'admin_api_key', id: 'apikey_adm' },
    ],
    [
      { type: 'service_account_actor', service_account_id: 'svac_1' },
      { kind: 'service_account', id: 'svac_1' },
    ],
    [
      { type: 'unauthenticated_user_actor', email_address: 'x@example.com' },
      { kind: 'unauthenticated_user', email: 'x@example.com' },
    ],
    [{ type: 'anthropic_actor' }, { kind: 'anthropic' }],
    [
      { type: 'scim_directory_sync_actor', directory_id: 'dir_1' },
      { kind: 'scim_directory_sync', id: 'dir_1' },
    ],
  ])('%j → %j', (actor, expected) => {
    expect(normaliseActor(actor)).toEqual(expected);
  });
  it('a missing actor is null', () => expect(normaliseActor(null)).toBeNull());
});

describe('normaliseComplianceActivity', () => {
  it('keeps time, actor, key, targets and the raw activity, with a readable summary', () => {
    const draft = normaliseComplianceActivity(keyCreated);
    expect(draft).toMatchObject({
      atMs: Date.parse('2026-11-20T09:14:03Z'),
      source: 'compliance',
      type: 'platform_api_key_created',
      externalId: 'activity_01ABC',
      actor: { kind: 'user', id: 'user_01', email: 'ada@example.com' },
      keyId: 'apikey_01',
      workspaceId: null,
      targets: [{ type: 'api_key', id: 'apikey_01' }],
      summary: 'ada@example.com created API key apikey_01',
    });
    expect(draft.raw).toMatchObject({ id: 'activity_01ABC', api_key_id: 'apikey_01' });
  });

  it('member and rate-limit activities name the workspace and carry the new value', () => {
    const member = normaliseComplianceActivity({
      id: 'activity_02',
      created_at: '2026-11-20T10:00:00Z',
      type: 'platform_workspace_member_added',
      actor: { type: 'admin_api_key_actor', admin_api_key_id: 'apikey_adm' },
      workspace_id: 'wrkspc_01',
      user_id: 'user_07',
    });
    expect(member.workspaceId).toBe('wrkspc_01');
    expect(member.targets).toEqual([
      { type: 'workspace', id: 'wrkspc_01' },
      { type: 'user', id: 'user_07' },
    ]);
    expect(member.summary).toBe('admin api key apikey_adm added user user_07 to workspace wrkspc_01');
    const limit = normaliseComplianceActivity({
      id: 'activity_03',
      created_at: '2026-11-20T10:00:00Z',
      type: 'platform_workspace_rate_limit_updated',
      actor: null,
      workspace_id: 'wrkspc_01',
      model_group: 'claude-sonnet',
      limiter_type: 'requests_per_minute',
      value: 500,
    });
    expect(limit.after).toEqual({ limiter_type: 'requests_per_minute', model_group: 'claude-sonnet', value: 500 });
    expect(limit.summary).toBe('Someone set requests_per_minute for claude-sonnet in workspace wrkspc_01 to 500');
  });

  it('invites and deleted users are named by e-mail', () => {
    const invite = normaliseComplianceActivity({
      id: 'activity_04',
      created_at: '2026-11-20T10:00:00Z',
      type: 'org_user_invite_sent',
      actor: { type: 'user_actor', email_address: 'ada@example.com', user_id: 'user_01' },
      invited_email: 'new@example.com',
      invited_role: 'developer',
    });
    expect(invite.targets).toEqual([{ type: 'invite', name: 'new@example.com' }]);
    expect(invite.summary).toBe('ada@example.com invited new@example.com as developer');
    const deleted = normaliseComplianceActivity({
      id: 'activity_05',
      created_at: '2026-11-20T10:00:00Z',
      type: 'org_user_deleted',
      actor: null,
      deleted_user_id: 'user_09',
      deleted_user_email: 'gone@example.com',
    });
    expect(deleted.targets).toEqual([{ type: 'user', id: 'user_09', name: 'gone@example.com' }]);
  });

  it('never keeps content: a field that would carry what someone wrote is dropped from the raw activity', () => {
    const draft = normaliseComplianceActivity({
      id: 'a9',
      created_at: '2026-11-20T10:00:00Z',
      type: 'claude_chat_created',
      actor: null,
      chat_id: 'chat_1',
      content: 'the secret plan',
      nested: { prompt: 'hello', kept: 'x' },
    });
    expect(JSON.stringify(draft)).not.toMatch(/secret plan|hello/);
    expect(draft.raw).toMatchObject({ chat_id: 'chat_1', nested: { kept: 'x' } });
  });

  it('an unknown type still reads as words with its targets', () => {
    const draft = normaliseComplianceActivity({
      id: 'a',
      created_at: '2026-11-20T10:00:00Z',
      type: 'claude_project_created',
      actor: null,
      project_id: 'proj_1',
    });
    expect(draft.summary).toBe('Someone claude project created (proj_1)');
  });
});

describe('normaliseJournalEvent', () => {
  it('a created key names its creator from created_by and its workspace from the scope', () => {
    const draft = normaliseJournalEvent({
      resource: 'api_keys',
      change: 'created',
      id: 'apikey_01',
      atMs: 1000,
      before: null,
      after: {
        id: 'apikey_01',
        name: 'deploy',
        created_by: { id: 'user_01', type: 'user' },
        scope: { type: 'workspace', workspace_id: 'wrkspc_01' },
      },
    });
    expect(draft).toMatchObject({
      source: 'journal',
      type: 'api_key.created',
      actor: { kind: 'user', id: 'user_01' },
      keyId: 'apikey_01',
      workspaceId: 'wrkspc_01',
      targets: [{ type: 'api_key', id: 'apikey_01', name: 'deploy' }],
      summary: 'API key “deploy” (apikey_01) appeared',
      externalId: 'api_key:apikey_01:created:1000',
    });
  });

  it('a change lists each changed field before → after', () => {
    const draft = normaliseJournalEvent({
      resource: 'user',
      change: 'changed',
      id: 'user_01',
      name: 'Ada',
      atMs: 1,
      before: { role: 'developer', name: 'Ada' },
      after: { role: 'admin', name: 'Ada' },
    });
    expect(draft.summary).toBe('User “Ada” (user_01) changed: role: developer → admin');
  });

  it('a member’s composite key names its workspace and user', () => {
    const draft = normaliseJournalEvent(
      fromStoredJournalEvent({
        id: 9,
        atMs: 5,
        resource: 'workspace_members',
        entityKey: 'wrkspc_01/user_07',
        kind: 'changed',
        detail: { workspace_role: { before: 'workspace_user', after: 'workspace_admin' } },
      }),
    );
    expect(draft).toMatchObject({
      type: 'workspace_member.changed',
      workspaceId: 'wrkspc_01',
      targets: [
        { type: 'workspace_member', id: 'wrkspc_01/user_07' },
        { type: 'workspace', id: 'wrkspc_01' },
        { type: 'user', id: 'user_07' },
      ],
      summary: 'user_07’s role in workspace wrkspc_01 changed: workspace_user → workspace_admin',
    });
  });

  it('a member’s summary uses the names the mirror gave, its targets keep the ids', () => {
    const added = normaliseJournalEvent(
      fromStoredJournalEvent(
        {
          id: 10,
          atMs: 5,
          resource: 'workspace_members',
          entityKey: 'wrkspc_01/user_07',
          kind: 'created',
          // The mirror's row of an API member object (admin-api.md §3.5).
          detail: { workspace_id: 'wrkspc_01', user_id: 'user_07', workspace_role: 'workspace_developer' },
        },
        { workspaceId: 'wrkspc_01', workspaceName: 'Production', userName: 'Ada Lovelace' },
      ),
    );
    expect(added.summary).toBe('Ada Lovelace added to workspace Production as workspace_developer');
    expect(added.summary).not.toContain('wrkspc_01');
    expect(added.targets).toEqual([
      { type: 'workspace_member', id: 'wrkspc_01/user_07', name: 'Ada Lovelace in Production' },
      { type: 'workspace', id: 'wrkspc_01', name: 'Production' },
      { type: 'user', id: 'user_07', name: 'Ada Lovelace' },
    ]);
    expect(added.after).toMatchObject({ user_id: 'user_07', workspace_id: 'wrkspc_01' });

    const removed = normaliseJournalEvent(
      fromStoredJournalEvent(
        {
          id: 11,
          atMs: 6,
          resource: 'workspace_members',
          entityKey: 'wrkspc_01/user_07',
          kind: 'removed',
          detail: { workspace_id: 'wrkspc_01', user_id: 'user_07', workspace_role: 'workspace_admin' },
        },
        { workspaceId: 'wrkspc_01', workspaceName: 'Production', userName: 'Ada Lovelace' },
      ),
    );
    expect(removed.summary).toBe('Ada Lovelace removed from workspace Production (was workspace_admin)');
  });

  it('adapts the sync engine’s stored journal rows (changed rows carry {field: {before, after}})', () => {
    const event = fromStoredJournalEvent(
      {
        id: 7,
        atMs: 5,
        resource: 'api_keys',
        entityKey: 'apikey_01',
        kind: 'changed',
        detail: { status: { before: 'active', after: 'inactive' } },
      },
      { name: 'deploy', workspaceId: 'wrkspc_01' },
    );
    const draft = normaliseJournalEvent(event);
    expect(draft).toMatchObject({
      externalId: 'journal:7',
      workspaceId: 'wrkspc_01',
      before: { status: 'active' },
      after: { status: 'inactive' },
    });
    expect(draft.summary).toBe('API key “deploy” (apikey_01) changed: status: active → inactive');
  });
});

describe('local actions', () => {
  it('default to the local admin as actor and carry what the export asked for', () => {
    const draft = normaliseLocalAction(
      exportAction({ atMs: 1, query: 'type:x', format: 'csv', count: 3, file: 'a.csv' }),
    );
    expect(draft).toMatchObject({
      source: 'local',
      type: 'export.created',
      actor: { kind: 'local_admin' },
      after: { query: 'type:x', count: 3 },
    });
  });
});
