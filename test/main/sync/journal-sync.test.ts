import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { JournalRepo } from '../../../main/db/repos/journal-repo';
import { tempMirrorFile } from './sandbox-helpers';

const HOUR = 3_600_000;

async function control(sandbox: RunningSandbox, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

describe('journal events from diffs against the sandbox', () => {
  let sandbox: RunningSandbox;
  let db: MirrorDb;
  let mirror: ReturnType<typeof tempMirrorFile>;
  const sync = (full: boolean) =>
    syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }), {
      clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
      full,
      historyDays: 7,
      requestsPerMinute: null,
    });

  beforeEach(async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 4,
      port: 0,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-10T10:00:00Z'),
    });
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
  });
  afterEach(async () => {
    db.close();
    mirror.cleanup();
    await sandbox.close();
  });

  it('after the clock advances and scripted events apply, sync --full writes exactly those journal events', async () => {
    expect((await sync(true)).status).toBe('ok');
    const journal = new JournalRepo(db);
    expect(journal.count()).toBe(0);

    const users = db
      .prepare(`SELECT id, role FROM users WHERE role NOT IN ('admin', 'developer') ORDER BY id`)
      .all() as Array<{ id: string; role: string }>;
    const promoted = users[0]!;
    const removed = users[1]!;
    const keys = db
      .prepare(
        `SELECT id, name, status, workspace_id FROM api_keys WHERE status = 'active' AND workspace_id IS NOT NULL ORDER BY id`,
      )
      .all() as Array<{ id: string; name: string; workspace_id: string }>;
    const renamed = keys[0]!;
    const deactivated = keys[1]!;
    const workspace = (
      db
        .prepare(`SELECT id FROM workspaces WHERE is_default = 0 AND archived_at_ms IS NULL ORDER BY id LIMIT 1`)
        .get() as { id: string }
    ).id;
    const removedMemberships = (
      db.prepare(`SELECT workspace_id FROM workspace_members WHERE user_id = ? ORDER BY 1`).all(removed.id) as Array<{
        workspace_id: string;
      }>
    ).map((m) => `${m.workspace_id}/${removed.id}`);

    expect(removedMemberships.length).toBeGreaterThan(0);
    await control(sandbox, '/clock', { advanceMs: HOUR });
    const applied = (
      await control(sandbox, '/events', {
        events: [
          { type: 'role_changed', user_id: promoted.id, role: 'developer' },
          { type: 'user_removed', user_id: removed.id },
          { type: 'key_renamed', api_key_id: renamed.id, name: 'renamed-by-test' },
          { type: 'key_deactivated', api_key_id: deactivated.id },
          { type: 'key_created', workspace_id: workspace, name: 'fresh-key' },
          { type: 'user_invited', email: 'new.person@example.com', role: 'developer' },
        ],
      })
    ).applied as Array<Record<string, string>>;
    const newKeyId = applied.find((a) => a.type === 'key_created')!.api_key_id!;
    const inviteId = applied.find((a) => a.type === 'user_invited')!.invite_id!;

    const summary = await sync(true);
    expect(summary.status).toBe('ok');
    const events = journal.listAfter();
    const got = events.map((e) => `${e.kind} ${e.resource} ${e.entityKey}`).sort();
    expect(got).toEqual(
      [
        `changed users ${promoted.id}`,
        `removed users ${removed.id}`,
        `changed api_keys ${renamed.id}`,
        `changed api_keys ${deactivated.id}`,
        `created api_keys ${newKeyId}`,
        `created invites ${inviteId}`,
        ...removedMemberships.map((k) => `removed workspace_members ${k}`),
      ].sort(),
    );
    expect(summary.events).toBe(events.length);
    const byKey = new Map(events.map((e) => [`${e.kind} ${e.entityKey}`, e]));
    expect(byKey.get(`changed ${promoted.id}`)!.detail).toEqual({
      role: { before: promoted.role, after: 'developer' },
    });
    expect(byKey.get(`changed ${renamed.id}`)!.detail).toEqual({
      name: { before: renamed.name, after: 'renamed-by-test' },
    });
    expect(byKey.get(`changed ${deactivated.id}`)!.detail).toEqual({ status: { before: 'active', after: 'inactive' } });
    expect(byKey.get(`created ${newKeyId}`)!.detail).toMatchObject({
      id: newKeyId,
      name: 'fresh-key',
      workspace_id: workspace,
    });
    for (const e of events) expect(e.atMs).toBe(sandbox.clock.nowMs());

    // And nothing more on the next idle sync.
    await sync(false);
    expect(journal.count()).toBe(events.length);
  });
});
