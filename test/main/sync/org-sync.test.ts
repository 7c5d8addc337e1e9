import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { readMirrorStatus } from '../../../main/db/repos/status-repo';
import { getJson, listAll, tempMirrorFile } from './sandbox-helpers';

type Obj = Record<string, unknown>;
/** SQLite's ORDER BY compares bytes; so must the expectation. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: Obj, b: Obj): number => cmp(String(a.id), String(b.id));
const ms = (s: unknown): number | null => (s == null ? null : Date.parse(String(s)));

describe('sync of the org resources against the sandbox demo org', () => {
  let sandbox: RunningSandbox;
  let db: MirrorDb;
  let mirror: ReturnType<typeof tempMirrorFile>;

  beforeEach(async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 7,
      port: 0,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-19T16:05:00Z'),
    });
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
  });
  afterEach(async () => {
    db.close();
    mirror.cleanup();
    await sandbox.close();
  });

  async function sync(full = false) {
    const api = createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 });
    return syncMirror(db, api, {
      full,
      requestsPerMinute: null,
      clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
    });
  }

  it('mirrors exactly what the sandbox lists: org, users, workspaces, members and keys', async () => {
    const summary = await sync(true);
    expect(summary.status, JSON.stringify(summary.problems)).toBe('ok');
    expect(summary.requests).toBeGreaterThan(0);

    const me = await getJson<Obj>(sandbox, '/v1/organizations/me');
    expect(db.prepare('SELECT id, name FROM organization').all()).toEqual([{ id: me.id, name: me.name }]);

    const users = await listAll(sandbox, '/v1/organizations/users');
    const storedUsers = db.prepare('SELECT id, email, name, role, added_at_ms FROM users ORDER BY id').all();
    expect(storedUsers).toEqual(
      users
        .map((u) => ({ id: u.id, email: u.email, name: u.name, role: u.role, added_at_ms: ms(u.added_at) }))
        .sort(byId),
    );

    const workspaces = await listAll(sandbox, '/v1/organizations/workspaces', {
      include_archived: 'true',
      include_default: 'true',
    });
    const nonDefault = new Set(
      (await listAll(sandbox, '/v1/organizations/workspaces', { include_archived: 'true' })).map((w) => w.id),
    );
    const storedWs = db.prepare('SELECT id, name, archived_at_ms, is_default FROM workspaces ORDER BY id').all();
    expect(storedWs).toEqual(
      workspaces
        .map((w) => ({
          id: w.id,
          name: w.name,
          archived_at_ms: ms(w.archived_at),
          is_default: nonDefault.has(w.id) ? 0 : 1,
        }))
        .sort(byId),
    );
    expect(storedWs.filter((w) => (w as Obj).is_default === 1)).toHaveLength(1);

    const expectedMembers: Obj[] = [];
    // Archived workspaces still list their members; the mirror holds them too.
    for (const w of workspaces) {
      for (const m of await listAll(sandbox, `/v1/organizations/workspaces/${String(w.id)}/members`)) {
        expectedMembers.push({ workspace_id: m.workspace_id, user_id: m.user_id, workspace_role: m.workspace_role });
      }
    }
    const key = (m: Obj) => `${String(m.workspace_id)}/${String(m.user_id)}`;
    expect(
      db
        .prepare('SELECT workspace_id, user_id, workspace_role FROM workspace_members')
        .all()
        .sort((a, b) => cmp(key(a as Obj), key(b as Obj))),
    ).toEqual(expectedMembers.sort((a, b) => cmp(key(a), key(b))));

    const keys = await listAll(sandbox, '/v1/organizations/api_keys');
    const storedKeys = db
      .prepare(
        'SELECT id, name, status, created_at_ms, expires_at_ms, partial_key_hint, scope_type, scope_workspace_id, principal_type, created_by_id FROM api_keys ORDER BY id',
      )
      .all();
    expect(storedKeys).toEqual(
      keys
        .map((k) => {
          const scope = k.scope as Obj | null;
          return {
            id: k.id,
            name: k.name,
            status: k.status,
            created_at_ms: ms(k.created_at),
            expires_at_ms: ms(k.expires_at),
            partial_key_hint: k.partial_key_hint ?? null,
            scope_type: scope?.type ?? null,
            scope_workspace_id: scope?.workspace_id ?? null,
            principal_type: (k.principal as Obj | null)?.type ?? null,
            created_by_id: (k.created_by as Obj | null)?.id ?? null,
          };
        })
        .sort(byId),
    );
  });

  it('builds the org tree with the member and key counts the sandbox serves', async () => {
    await sync(true);
    const tree = readOrgTree(db);
    expect(tree).not.toBeNull();
    const keys = await listAll(sandbox, '/v1/organizations/api_keys');
    const active = await listAll(sandbox, '/v1/organizations/workspaces', { include_default: 'true' });
    expect(tree!.workspaces.filter((w) => !w.isDefault).length).toBeGreaterThanOrEqual(3);
    for (const w of active) {
      const node = tree!.workspaces.find((n) => n.id === w.id);
      const members = await listAll(sandbox, `/v1/organizations/workspaces/${String(w.id)}/members`);
      const wsKeys = keys.filter((k) => (k.scope as Obj | null)?.workspace_id === w.id);
      if (!node) {
        // Only an empty default workspace may be left out.
        expect(members.length + wsKeys.length).toBe(0);
        continue;
      }
      expect(node.members.map((m) => m.userId).sort()).toEqual(members.map((m) => String(m.user_id)).sort());
      expect(node.keys.map((k) => k.id).sort()).toEqual(wsKeys.map((k) => String(k.id)).sort());
      for (const m of node.members) expect(m.email).toMatch(/@/);
    }
    const treeKeyCount =
      tree!.workspaces.reduce((n, w) => n + w.keys.length, 0) + (tree!.organizationKeys?.length ?? 0);
    expect(treeKeyCount).toBe(keys.length);
    expect(tree!.syncedAtMs).not.toBeNull();
  });

  it('reports status: org, sync time and per-resource counts', async () => {
    expect(readMirrorStatus(db).org).toBeNull();
    await sync(true);
    const status = readMirrorStatus(db);
    expect(status.org?.id).toBe(sandbox.model.org.id);
    expect(status.syncedAtMs).not.toBeNull();
    expect(status.counts.users).toBe((await listAll(sandbox, '/v1/organizations/users')).length);
    expect(status.resources.find((r) => r.resource === 'api_keys')?.lastSyncedAtMs).not.toBeNull();
  });

  it('an idle sync after a full one writes no journal event and sends few requests', async () => {
    await sync(true);
    const second = await sync(false);
    expect(second.status).toBe('ok');
    expect(second.events).toBe(0);
    expect(second.requests).toBeLessThanOrEqual(15);
    expect(db.prepare('SELECT count(*) AS n FROM journal_events').get()).toEqual({ n: 0 });
  });
});
