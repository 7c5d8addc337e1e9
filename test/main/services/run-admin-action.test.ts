import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import {
  createAdminActionsClient,
  previewAdminAction,
  runAdminAction,
  type RunActionDeps,
} from '../../../main/services/actions/run-admin-action';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';

let sandbox: RunningSandbox;
let db: MirrorDb;
let dir: string;
let deps: RunActionDeps;

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 1 });
  dir = mkdtempSync(join(tmpdir(), 'clade-actions-'));
  db = openMirror(join(dir, 'mirror.sqlite'));
  await syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url }), {
    requestsPerMinute: null,
    historyDays: 1,
  });
  deps = {
    db,
    client: async () => createAdminActionsClient({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }),
    now: () => Date.now(),
    via: 'cli',
  };
}, 60_000);
afterAll(async () => {
  db.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The sandbox's own answer, read over HTTP like any API client (not through our adapter). */
async function apiGet(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sandbox.url}/v1/organizations/${path}`, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T;
const lastLocalAction = () => searchAuditEvents(db, 'source:local type:admin.action', { limit: 1 }).events[0]!;

describe('admin actions against the sandbox', () => {
  it('disables a key: the sandbox has it inactive, the mirror at once, and the trail records before → after', async () => {
    const key = one<{ id: string; name: string }>(
      "SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1",
    );
    const outcome = await runAdminAction(deps, { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' });
    expect(outcome).toMatchObject({ ok: true });
    expect(outcome.description).toContain(`Disable key '${key.name}' in `);
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('inactive');
    expect(one<{ status: string }>('SELECT status FROM api_keys WHERE id = ?', key.id).status).toBe('inactive');
    const event = lastLocalAction();
    expect(event.source).toBe('local');
    expect(event.summary).toContain(`Disabled key '${key.name}'`);
    expect(event.before).toMatchObject({ id: key.id, status: 'active' });
    expect(event.after).toMatchObject({ status: 'inactive', outcome: 'succeeded' });
    expect(event.keyId).toBe(key.id);

    const back = await runAdminAction(deps, { kind: 'apikey.set-status', keyId: key.id, status: 'active' });
    expect(back.ok).toBe(true);
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('active');
  });

  it('renames a key and archives one (an archived key then refuses any change, recorded as a failure)', async () => {
    const key = one<{ id: string; name: string }>(
      "SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id DESC LIMIT 1",
    );
    expect((await runAdminAction(deps, { kind: 'apikey.rename', keyId: key.id, name: 'renamed-by-test' })).ok).toBe(
      true,
    );
    expect((await apiGet(`api_keys/${key.id}`)).body.name).toBe('renamed-by-test');
    expect(one<{ name: string }>('SELECT name FROM api_keys WHERE id = ?', key.id).name).toBe('renamed-by-test');

    const preview = previewAdminAction(db, { kind: 'apikey.set-status', keyId: key.id, status: 'archived' });
    expect(preview).toMatchObject({ irreversible: true, confirmText: 'renamed-by-test', problems: [] });
    expect((await runAdminAction(deps, { kind: 'apikey.set-status', keyId: key.id, status: 'archived' })).ok).toBe(
      true,
    );
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('archived');

    const again = await runAdminAction(deps, { kind: 'apikey.set-status', keyId: key.id, status: 'active' });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!again.ok) expect(again.error.message).toMatch(/archived/);
    expect(lastLocalAction().after).toMatchObject({ outcome: 'failed' });
  });

  it('invites a member, then deletes the pending invite', async () => {
    const created = await runAdminAction(deps, {
      kind: 'invite.create',
      email: 'new.person@example.com',
      role: 'developer',
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const inviteId = String(created.after.id);
    expect((await apiGet(`invites/${inviteId}`)).body).toMatchObject({
      email: 'new.person@example.com',
      role: 'developer',
      status: 'pending',
    });
    expect(one<{ n: number }>('SELECT count(*) AS n FROM invites WHERE id = ?', inviteId).n).toBe(1);

    expect((await runAdminAction(deps, { kind: 'invite.delete', inviteId })).ok).toBe(true);
    expect((await apiGet(`invites/${inviteId}`)).body.status).toBe('deleted');
    expect(one<{ n: number }>('SELECT count(*) AS n FROM invites WHERE id = ?', inviteId).n).toBe(0);
  });

  it('refuses to invite an admin before sending, with the reason, and records the refusal', async () => {
    const before = await apiGet('invites?limit=1000');
    const outcome = await runAdminAction(deps, { kind: 'invite.create', email: 'boss@example.com', role: 'admin' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid' } });
    if (!outcome.ok) expect(outcome.error.message).toContain('The admin role cannot be invited through the Admin API');
    expect((await apiGet('invites?limit=1000')).body.data).toEqual(before.body.data);
    const event = lastLocalAction();
    expect(event.summary).toMatch(/^Failed: Invite boss@example.com as admin/);
    expect(event.after).toMatchObject({ outcome: 'failed', error: { code: 'invalid' } });
  });

  it("the API's own role refusal (a member the mirror does not know) is a clear message and a recorded failure", async () => {
    const admin = one<{ id: string }>("SELECT id FROM users WHERE role = 'admin' LIMIT 1");
    db.prepare('DELETE FROM workspace_members WHERE user_id = ?').run(admin.id);
    db.prepare('DELETE FROM users WHERE id = ?').run(admin.id); // the mirror no longer knows they are an admin
    const outcome = await runAdminAction(deps, { kind: 'user.remove', userId: admin.id });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.error.message).toMatch(
        /^The Admin API refused this action: Cannot remove a user with the admin role/,
      );
    expect((await apiGet(`users/${admin.id}`)).status).toBe(200);
    expect(lastLocalAction().after).toMatchObject({ outcome: 'failed' });
  });

  it('a 404 says the target may have changed since the last sync', async () => {
    const outcome = await runAdminAction(deps, { kind: 'apikey.rename', keyId: 'apikey_doesnotexist', name: 'x' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not_found' } });
    if (!outcome.ok) expect(outcome.error.message).toMatch(/sync and try again/);
  });

  it("changes a member's org role, adds them to a workspace, changes and removes that membership, then removes them", async () => {
    const user = one<{ id: string; role: string }>(
      "SELECT id, role FROM users WHERE role IN ('user','developer') ORDER BY id LIMIT 1",
    );
    const target = user.role === 'user' ? 'developer' : 'user';
    expect((await runAdminAction(deps, { kind: 'user.set-role', userId: user.id, role: target })).ok).toBe(true);
    expect((await apiGet(`users/${user.id}`)).body.role).toBe(target);
    expect(one<{ role: string }>('SELECT role FROM users WHERE id = ?', user.id).role).toBe(target);

    const ws = one<{ id: string }>(
      'SELECT id FROM workspaces WHERE archived_at_ms IS NULL AND id NOT IN (SELECT workspace_id FROM workspace_members WHERE user_id = ?) ORDER BY id LIMIT 1',
      user.id,
    );
    const add = await runAdminAction(deps, {
      kind: 'workspace-member.add',
      workspaceId: ws.id,
      userId: user.id,
      role: 'workspace_developer',
    });
    expect(add.ok).toBe(true);
    expect((await apiGet(`workspaces/${ws.id}/members/${user.id}`)).body.workspace_role).toBe('workspace_developer');
    const setRole = await runAdminAction(deps, {
      kind: 'workspace-member.set-role',
      workspaceId: ws.id,
      userId: user.id,
      role: 'workspace_billing',
    });
    expect(setRole.ok).toBe(true);
    expect(lastLocalAction().before).toMatchObject({ workspaceRole: 'workspace_developer' });
    expect(
      one<{ workspace_role: string }>(
        'SELECT workspace_role FROM workspace_members WHERE workspace_id = ? AND user_id = ?',
        ws.id,
        user.id,
      ).workspace_role,
    ).toBe('workspace_billing');
    expect(
      (await runAdminAction(deps, { kind: 'workspace-member.remove', workspaceId: ws.id, userId: user.id })).ok,
    ).toBe(true);
    expect((await apiGet(`workspaces/${ws.id}/members/${user.id}`)).status).toBe(404);

    expect((await runAdminAction(deps, { kind: 'user.remove', userId: user.id })).ok).toBe(true);
    expect((await apiGet(`users/${user.id}`)).status).toBe(404);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM users WHERE id = ?', user.id).n).toBe(0);
  });

  it('without a credential nothing is sent and the failure is recorded', async () => {
    const key = one<{ id: string }>("SELECT id FROM api_keys WHERE status = 'active' LIMIT 1");
    const outcome = await runAdminAction(
      { ...deps, client: async () => null },
      { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' },
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'no_credential' } });
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('active');
  });

  it('never writes the admin key into the trail', () => {
    const all = searchAuditEvents(db, 'source:local', { limit: 200 }).events;
    expect(all.length).toBeGreaterThan(5);
    expect(JSON.stringify(all)).not.toContain(sandbox.adminKey);
  });
});

describe('an answer lost on the way (no SDK retries; the target is read back)', () => {
  const controlFaults = async (rules: unknown[]) => {
    await fetch(`${sandbox.controlUrl}/faults`, {
      method: rules.length ? 'POST' : 'DELETE',
      headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
      body: rules.length ? JSON.stringify({ rules }) : undefined,
    });
  };
  const posts = async (path: string) => {
    const res = await fetch(`${sandbox.controlUrl}/requests`, {
      headers: { authorization: `Bearer ${sandbox.controlToken}` },
    });
    const log = ((await res.json()) as { requests: Array<{ method: string; path: string }> }).requests;
    return log.filter((r) => r.method === 'POST' && r.path === path).length;
  };
  const defaultClient = {
    client: async () => createAdminActionsClient({ apiKey: sandbox.adminKey, baseURL: sandbox.url }),
  };

  it('the API created the invite but the connection dropped: sent once, confirmed by reading back, reported done', async () => {
    await controlFaults([{ route: '/v1/organizations/invites', method: 'POST', reset: 'after-apply', times: 1 }]);
    try {
      const before = await posts('/v1/organizations/invites');
      const outcome = await runAdminAction(
        { ...deps, ...defaultClient },
        { kind: 'invite.create', email: 'lost.answer@example.com', role: 'user' },
      );
      expect(outcome).toMatchObject({ ok: true });
      if (!outcome.ok) return;
      expect(outcome.summary).toMatch(/reading it back confirmed the change/);
      expect(await posts('/v1/organizations/invites')).toBe(before + 1); // never sent twice
      const listed = (await apiGet('invites?limit=1000')).body.data as Array<{ email: string; status: string }>;
      expect(listed.filter((i) => i.email === 'lost.answer@example.com' && i.status === 'pending')).toHaveLength(1);
      expect(lastLocalAction().after).toMatchObject({ outcome: 'succeeded' });
    } finally {
      await controlFaults([]);
    }
  });

  it('the connection dropped before the API acted: a failure, and the key is unchanged', async () => {
    const key = one<{ id: string }>("SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1");
    await controlFaults([
      { route: `/v1/organizations/api_keys/${key.id}`, method: 'POST', reset: 'headers', times: 1 },
    ]);
    try {
      const before = await posts(`/v1/organizations/api_keys/${key.id}`);
      const outcome = await runAdminAction(
        { ...deps, ...defaultClient },
        { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' },
      );
      expect(outcome).toMatchObject({ ok: false, error: { code: 'network' } });
      expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('active');
      expect(await posts(`/v1/organizations/api_keys/${key.id}`)).toBe(before + 1);
    } finally {
      await controlFaults([]);
    }
  });

  it('a 403 api_key_requester_unconfirmed says the same request is safe to send again', async () => {
    const key = one<{ id: string }>("SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1");
    await controlFaults([
      {
        route: `/v1/organizations/api_keys/${key.id}`,
        method: 'POST',
        status: 403,
        errorCode: 'api_key_requester_unconfirmed',
        times: 1,
      },
    ]);
    try {
      const outcome = await runAdminAction(deps, { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'requester_unconfirmed' } });
      if (outcome.ok) return;
      expect(outcome.error.message).toMatch(/safe to send the same action again/);
    } finally {
      await controlFaults([]);
    }
  });
});
