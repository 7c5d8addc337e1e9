import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import type { SyncProgress } from '../../../preload/contract';
import { SyncProgressDto } from '../../../preload/contract';

const opened: Array<{ demo: DemoOrg; dir: string }> = [];
afterEach(async () => {
  for (const { demo, dir } of opened.splice(0)) {
    await demo.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('openDemoOrg', () => {
  it('syncs the sandbox demo org into a new mirror file and reports progress in the contract shape', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-demo-'));
    const progress: SyncProgress[] = [];
    const demo = await openDemoOrg({
      mirrorFile: join(dir, 'profiles', 'demo', 'mirror.sqlite'),
      onProgress: (p) => progress.push(p),
    });
    opened.push({ demo, dir });
    // Optional routes (limits, reports) may be partial while the sandbox grows; the org's core must be there.
    expect(['ok', 'partial']).toContain(demo.summary.status);
    for (const core of ['organization', 'users', 'workspaces', 'api_keys', 'workspace_members']) {
      expect(demo.summary.resources.find((r) => r.resource === core)?.status, core).toBe('ok');
    }
    expect(demo.summary.rows).toBeGreaterThan(0);
    for (const event of progress) expect(SyncProgressDto.safeParse(event).success).toBe(true);
    expect(progress[0]?.phase).toBe('running');
    expect(progress.at(-1)).toMatchObject({ phase: 'done' });
    expect(progress.some((p) => p.resource === 'workspaces' || p.resource === 'users')).toBe(true);

    // Workspace tags as the sandbox lists them (admin-api.md §3.5 `tags`), read here over plain HTTP.
    const res = await fetch(`${demo.sandbox.url}/v1/organizations/workspaces?limit=100`, {
      headers: { 'x-api-key': demo.sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    const listed = ((await res.json()) as { data: Array<{ id: string; tags?: Record<string, string> }> }).data;
    expect(listed.some((w) => Object.keys(w.tags ?? {}).length > 0)).toBe(true);
    const stored = new Map(
      (demo.db.prepare(`SELECT id, tags_json FROM workspaces`).all() as Array<{ id: string; tags_json: string }>).map(
        (w) => [w.id, JSON.parse(w.tags_json) as unknown],
      ),
    );
    for (const workspace of listed) expect(stored.get(workspace.id), workspace.id).toEqual(workspace.tags ?? {});
  });
});
