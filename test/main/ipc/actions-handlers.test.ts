import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminActionsClient } from '../../../main/services/actions/run-admin-action';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { actionsHandlers } from '../../../main/ipc/domains/actions';
import { HandlerError } from '../../../main/ipc/handler-error';

let demo: DemoOrg;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clade-ipc-actions-'));
  demo = await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite') });
}, 60_000);
afterAll(async () => {
  await demo.close();
  rmSync(dir, { recursive: true, force: true });
});

const handlers = () =>
  actionsHandlers({
    mirror: () => demo.db,
    now: () => Date.now(),
    adminActions: async () =>
      createAdminActionsClient({ apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url, maxRetries: 0 }),
  });
const ctx = (action: 'preview' | 'run') => ({ channel: `clade:actions/${action}` as const, via: 'ipc' as const });
const activeKey = () =>
  demo.db.prepare("SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1").get() as {
    id: string;
    name: string;
  };

describe('clade:actions/* on the demo org', () => {
  it('preview names the key and asks for its name before archiving', async () => {
    const key = activeKey();
    const preview = await handlers()['clade:actions/preview'](
      { kind: 'apikey.set-status', keyId: key.id, status: 'archived' },
      ctx('preview'),
    );
    expect(preview).toMatchObject({
      irreversible: true,
      confirmText: key.name,
      problems: [],
      before: { status: 'active' },
    });
    expect(preview.description).toMatch(new RegExp(`^Archive key '${key.name}' in .+ \\(irreversible\\)$`));
  });

  it('run disables the key in the sandbox and the mirror, recorded via the window; the answer carries no key', async () => {
    const key = activeKey();
    const outcome = await handlers()['clade:actions/run'](
      { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' },
      ctx('run'),
    );
    expect(outcome).toMatchObject({ ok: true, after: { status: 'inactive' } });
    expect((demo.db.prepare('SELECT status FROM api_keys WHERE id = ?').get(key.id) as { status: string }).status).toBe(
      'inactive',
    );
    const [event] = searchAuditEvents(demo.db, 'source:local type:admin.action', { limit: 1 }).events;
    expect(event).toMatchObject({ keyId: key.id, after: { via: 'window', outcome: 'succeeded' } });
    expect(JSON.stringify(outcome)).not.toContain(demo.sandbox.adminKey);
  });

  it('a role-rule refusal is an answer (ok: false) with the reason, not a thrown error', async () => {
    const outcome = await handlers()['clade:actions/run'](
      { kind: 'invite.create', email: 'x@example.com', role: 'admin' },
      ctx('run'),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses malformed ids as bad-request, and runs nothing without an admin-actions source', async () => {
    await expect(
      handlers()['clade:actions/run']({ kind: 'user.remove', userId: 'apikey_1' }, ctx('run')),
    ).rejects.toBeInstanceOf(HandlerError);
    const none = actionsHandlers({ mirror: () => demo.db, now: () => Date.now() });
    await expect(none['clade:actions/run']({ kind: 'user.remove', userId: 'user_1' }, ctx('run'))).rejects.toThrow(
      /not available/,
    );
  });
});
