import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminActionsClient } from '../../../main/services/actions/run-admin-action';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { actionsHandlers } from '../../../main/ipc/domains/actions';
import { HandlerError } from '../../../main/ipc/handler-error';
import { registerWindowIpc } from '../../../main/ipc/register-window-ipc';
import { createElectronDouble, fakeFrame } from '../../helpers/electron-double';
import { sampleInfo, unusedVault } from './fixtures';

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
      { action: { kind: 'apikey.set-status', keyId: key.id, status: 'inactive' } },
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
      { action: { kind: 'invite.create', email: 'x@example.com', role: 'admin' } },
      ctx('run'),
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'invalid' } });
  });

  it('refuses malformed ids as bad-request, and runs nothing without an admin-actions source', async () => {
    await expect(
      handlers()['clade:actions/run'](
        { action: { kind: 'user.set-role', userId: 'apikey_1', role: 'user' } },
        ctx('run'),
      ),
    ).rejects.toBeInstanceOf(HandlerError);
    const none = actionsHandlers({ mirror: () => demo.db, now: () => Date.now() });
    await expect(
      none['clade:actions/run']({ action: { kind: 'user.set-role', userId: 'user_1', role: 'user' } }, ctx('run')),
    ).rejects.toThrow(/not available/);
  });
});

/**
 * #19: an irreversible action needs the confirmation main issued with its preview. Called as a renderer would,
 * through ipcMain and the gateway, from our own trusted page: skipping the dialog is refused before anything is sent.
 */
describe('clade:actions/run of an irreversible action, through the gateway', () => {
  const appFileUrl = 'file:///app/out/renderer/index.html';
  let nowMs = Date.now();
  let clientsBuilt = 0;
  const electron = createElectronDouble();
  registerWindowIpc({
    ipcMain: electron.ipcMain,
    log: () => undefined,
    pages: { appFileUrl },
    handlers: {
      appInfo: () => sampleInfo,
      mirror: () => demo.db,
      now: () => nowMs,
      vault: unusedVault,
      onKeyChanged: async () => undefined,
      adminActions: async () => {
        clientsBuilt += 1;
        return createAdminActionsClient({ apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url, maxRetries: 0 });
      },
    },
  });
  const call = (channel: string, payload: unknown) =>
    electron.ipcMain.invoke(channel, { frame: fakeFrame(appFileUrl) }, payload) as Promise<{
      ok: boolean;
      value?: { confirmToken: string | null; confirmText: string | null; ok?: boolean };
      error?: { code: string; message: string };
    }>;
  const archive = (keyId: string) => ({ kind: 'apikey.set-status', keyId, status: 'archived' });
  const preview = async (action: unknown) => (await call('clade:actions/preview', action)).value!;
  const statusOf = (id: string) =>
    (demo.db.prepare('SELECT status FROM api_keys WHERE id = ?').get(id) as { status: string }).status;
  const activeKeys = () =>
    demo.db.prepare("SELECT id, name FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 2").all() as Array<{
      id: string;
      name: string;
    }>;

  it('refuses a run without, or with a forged, stale, spent or borrowed confirmation; sends nothing then', async () => {
    const [key, other] = activeKeys();
    const built = clientsBuilt;
    const refusals: Array<{ confirmation?: unknown; why: RegExp }> = [
      { why: /needs the confirmation of its preview/ },
      { confirmation: { token: 'forged-token', typed: key!.name }, why: /unknown or was already used/ },
    ];
    const { confirmToken: wrongName } = await preview(archive(key!.id));
    refusals.push({ confirmation: { token: wrongName, typed: `${key!.name}x` }, why: /does not match/ });
    // A token for another key does not archive this one.
    const { confirmToken: borrowed } = await preview(archive(other!.id));
    refusals.push({ confirmation: { token: borrowed, typed: key!.name }, why: /another action/ });
    const { confirmToken: stale } = await preview(archive(key!.id));
    for (const { confirmation, why } of refusals) {
      const answer = await call('clade:actions/run', { action: archive(key!.id), confirmation });
      expect(answer).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(why) } });
    }
    nowMs += 60_001;
    expect(
      await call('clade:actions/run', { action: archive(key!.id), confirmation: { token: stale, typed: key!.name } }),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/expired/) } });
    // Removing a member is irreversible too.
    expect(await call('clade:actions/run', { action: { kind: 'user.remove', userId: 'user_01x' } })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(statusOf(key!.id)).toBe('active');
    // Refused before a client (and so the key) was even fetched.
    expect(clientsBuilt).toBe(built);
  });

  it("archives with the preview's token and the typed name, once: the same token cannot be used again", async () => {
    const [key] = activeKeys();
    const { confirmToken, confirmText } = await preview(archive(key!.id));
    expect(confirmText).toBe(key!.name);
    const run = { action: archive(key!.id), confirmation: { token: confirmToken, typed: ` ${key!.name} ` } };
    expect(await call('clade:actions/run', run)).toMatchObject({ ok: true, value: { ok: true } });
    expect(statusOf(key!.id)).toBe('archived');
    expect(await call('clade:actions/run', run)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });

  it('issues no token for a reversible action, which runs without one', async () => {
    const [key] = activeKeys();
    expect((await preview({ kind: 'apikey.set-status', keyId: key!.id, status: 'inactive' })).confirmToken).toBeNull();
  });
});
