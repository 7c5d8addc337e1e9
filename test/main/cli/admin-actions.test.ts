import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { openMirror } from '../../../main/db/open';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { runBuiltCli } from '../../helpers/built-cli';

let sandbox: RunningSandbox;
let root: string;
const PROFILE = 'acme';

const cli = (args: string[]) =>
  runBuiltCli(['--data-dir', join(root, 'data'), '--profile', PROFILE, '--base-url', sandbox.url, ...args], {
    ANTHROPIC_ADMIN_KEY: sandbox.adminKey,
  });

function mirror<T>(read: (db: ReturnType<typeof openMirror>) => T): T {
  const db = openMirror(mirrorFile(join(root, 'data'), PROFILE));
  try {
    return read(db);
  } finally {
    db.close();
  }
}
async function apiGet(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${sandbox.url}/v1/organizations/${path}`, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
const localActions = () =>
  mirror((db) => searchAuditEvents(db, 'source:local type:admin.action', { limit: 50 }).events);

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 1 });
  root = mkdtempSync(join(tmpdir(), 'clade-cli-actions-'));
  const sync = await cli(['sync', '--history', '1']);
  expect(sync.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

describe('clade-admin apikey / invite / member / workspace member (built CLI against the sandbox)', () => {
  it('without a terminal and without --yes: refused with a clear message, nothing changed, exit 2', async () => {
    const key = mirror(
      (db) => db.prepare("SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1").get() as { id: string },
    );
    const run = await cli(['apikey', 'disable', key.id]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/standard input is not a terminal\. Add --yes/);
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('active');
    expect(localActions()).toHaveLength(0);
  }, 60_000);

  it('apikey disable --yes --json: the sandbox, the mirror and the trail (source local, before → after) all show it', async () => {
    const key = mirror(
      (db) =>
        db.prepare("SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1").get() as {
          id: string;
          name: string;
        },
    );
    const run = await cli(['--json', 'apikey', 'disable', key.id, '--yes']);
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out).toMatchObject({ ok: true, before: { status: 'active' }, after: { status: 'inactive' } });
    expect(out.description).toContain(`Disable key '${key.name}'`);
    expect((await apiGet(`api_keys/${key.id}`)).body.status).toBe('inactive');
    expect(
      mirror((db) => (db.prepare('SELECT status FROM api_keys WHERE id = ?').get(key.id) as { status: string }).status),
    ).toBe('inactive');
    const [event] = localActions();
    expect(event).toMatchObject({
      source: 'local',
      type: 'admin.action',
      keyId: key.id,
      before: { status: 'active' },
      after: { status: 'inactive', via: 'cli' },
    });
    expect(run.stdout + run.stderr).not.toContain(sandbox.adminKey);
  }, 60_000);

  it('apikey rename and invite create work; inviting an admin is refused with the role rule, exit 1, recorded', async () => {
    const key = mirror(
      (db) =>
        db.prepare("SELECT id FROM api_keys WHERE status = 'active' ORDER BY id DESC LIMIT 1").get() as { id: string },
    );
    expect((await cli(['apikey', 'rename', key.id, 'renamed-from-cli', '--yes'])).code).toBe(0);
    expect((await apiGet(`api_keys/${key.id}`)).body.name).toBe('renamed-from-cli');

    const invited = await cli(['--json', 'invite', 'create', 'someone@example.com', '--role', 'user', '--yes']);
    expect(invited.code).toBe(0);
    const inviteId = JSON.parse(invited.stdout).after.id as string;
    expect((await apiGet(`invites/${inviteId}`)).body).toMatchObject({ status: 'pending', role: 'user' });

    const refused = await cli(['invite', 'create', 'boss@example.com', '--role', 'admin']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('The admin role cannot be invited through the Admin API');
    expect(localActions()[0]).toMatchObject({ after: { outcome: 'failed', error: { code: 'invalid' } } });
  }, 60_000);

  it('member role to admin is refused; member role to developer and workspace member add work', async () => {
    const user = mirror(
      (db) => db.prepare("SELECT id FROM users WHERE role = 'user' ORDER BY id LIMIT 1").get() as { id: string },
    );
    const refused = await cli(['member', 'role', user.id, 'admin', '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/admin role cannot be given through the Admin API/);
    expect((await apiGet(`users/${user.id}`)).body.role).toBe('user');

    expect((await cli(['member', 'role', user.id, 'developer', '--yes'])).code).toBe(0);
    expect((await apiGet(`users/${user.id}`)).body.role).toBe('developer');
    const ws = mirror(
      (db) =>
        db
          .prepare(
            'SELECT id FROM workspaces WHERE archived_at_ms IS NULL AND id NOT IN (SELECT workspace_id FROM workspace_members WHERE user_id = ?) LIMIT 1',
          )
          .get(user.id) as { id: string },
    );
    expect((await cli(['workspace', 'member', 'add', ws.id, user.id, '--role', 'workspace_user', '--yes'])).code).toBe(
      0,
    );
    expect((await apiGet(`workspaces/${ws.id}/members/${user.id}`)).body.workspace_role).toBe('workspace_user');
  }, 60_000);

  it('bad input is a usage error (exit 2) before anything is read or sent', async () => {
    const run = await cli(['apikey', 'disable', 'not-a-key-id', '--yes']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/keyId: expected an id starting with apikey_/);
  });
});
