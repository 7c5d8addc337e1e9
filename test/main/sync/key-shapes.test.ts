import { describe, expect, it } from 'vitest';
import { startSandbox, type KeyShape } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import type { OrgTree } from '../../../preload/contract';
import { tempMirrorFile } from './sandbox-helpers';

async function treeFor(keyShape: KeyShape): Promise<{ tree: OrgTree; keys: Array<Record<string, unknown>> }> {
  const sandbox = await startSandbox({
    size: 'demo',
    seed: 13,
    port: 0,
    keyShape,
    freezeClock: true,
    now: new Date('2026-11-15T12:00:00Z'),
  });
  const mirror = tempMirrorFile();
  const db = openMirror(mirror.file);
  try {
    const summary = await syncMirror(
      db,
      createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }),
      {
        clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
        historyDays: 2,
        requestsPerMinute: null,
      },
    );
    expect(summary.status).toBe('ok');
    const keys = db
      .prepare(
        'SELECT id, scope_type, legacy_workspace_id, has_legacy_workspace_id, workspace_id FROM api_keys ORDER BY id',
      )
      .all() as Array<Record<string, unknown>>;
    return { tree: readOrgTree(db)!, keys };
  } finally {
    db.close();
    mirror.cleanup();
    await sandbox.close();
  }
}

const placement = (tree: OrgTree) =>
  tree.workspaces.map((w) => ({ name: w.name, isDefault: w.isDefault, keys: w.keys.map((k) => k.id).sort() }));

describe('both API-key shapes', () => {
  it('the legacy shape (top-level workspace_id, null = default) places every key where the current shape does', async () => {
    const current = await treeFor('new');
    const legacy = await treeFor('legacy');
    expect(current.keys.every((k) => k.has_legacy_workspace_id === 0 && k.scope_type !== null)).toBe(true);
    expect(legacy.keys.every((k) => k.has_legacy_workspace_id === 1 && k.scope_type === null)).toBe(true);
    expect(legacy.keys.some((k) => k.legacy_workspace_id === null)).toBe(true);
    const orgScoped = new Set(current.keys.filter((k) => k.scope_type === 'organization').map((k) => k.id));
    // Legacy has no organization scope: such keys show as default-workspace keys there; compare the rest exactly.
    const strip = (tree: OrgTree) =>
      placement(tree).map((w) => ({ ...w, keys: w.keys.filter((id) => !orgScoped.has(id)) }));
    expect(strip(legacy.tree)).toEqual(strip(current.tree));
    expect(current.tree.workspaces.find((w) => w.isDefault)).toBeDefined();
  });

  it('"both" stores the scope and the legacy field side by side', async () => {
    const both = await treeFor('both');
    expect(both.keys.every((k) => k.has_legacy_workspace_id === 1 && k.scope_type !== null)).toBe(true);
  });
});
