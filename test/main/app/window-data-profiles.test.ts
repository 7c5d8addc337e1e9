import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { openWindowData, syncIntervalMs, type WindowData } from '../../../main/app/window-data';
import { createWindowAccounts, initialProfileId } from '../../../main/app/window-vault';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox } from '../../../main/sandbox/index';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** main/index.ts's profile wiring without Electron: one active profile id, data reopened on a switch. */
describe('switching the window between profiles', () => {
  it('shows the demo for a profile without a key, the live mirror of one with a key, and remembers the choice', async () => {
    const sandbox = await startSandbox({ seed: 11 });
    cleanups.push(() => sandbox.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'clade-switch-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stored = new Map<string, string>([['acme', sandbox.adminKey]]);
    const secrets = { get: async (id: string) => stored.get(id) ?? null, set: async (id: string, key: string) => void stored.set(id, key), delete: async (id: string) => stored.delete(id) };

    let profileId = initialProfileId(dataDir, {});
    let data: WindowData | null = null;
    cleanups.push(async () => data?.close());
    const openData = async () => {
      await data?.close();
      data = await openWindowData({ dataDir, profileId, readStoredKey: (id) => secrets.get(id), baseURL: sandbox.url, requestsPerMinute: null, log: vi.fn() });
    };
    const rearm = vi.fn();
    const { profiles } = createWindowAccounts({
      dataDir,
      secrets,
      verify: async () => ({ orgId: 'org_x', orgName: 'X' }),
      active: () => profileId,
      activate: async (id) => {
        profileId = id;
        await openData();
        rearm(syncIntervalMs(data?.db));
      },
    });

    await openData();
    expect(profileId).toBe('default');
    expect(data!.mode).toBe('demo');
    writeProfileSetting(data!.db, 'sync.intervalMinutes', 60, Date.now());

    const acme = await profiles.add('Acme');
    expect(acme).toBe('acme');
    await profiles.switchTo('acme');
    expect(data!.mode).toBe('live');
    expect(data!.db.name).toBe(mirrorFile(dataDir, 'acme'));
    expect(rearm).toHaveBeenLastCalledWith(15 * 60_000); // acme's own interval, not the demo's 60
    await data!.ready;
    expect(initialProfileId(dataDir, {})).toBe('acme');

    const listed = await profiles.list();
    expect(listed.map((p) => [p.id, p.active, p.keyStored])).toEqual([
      ['demo', false, false],
      ['acme', true, true],
      ['default', false, false], // registered when the window left it, so it stays in the list
    ]);

    await profiles.switchTo('default');
    expect(data!.mode).toBe('demo');
    expect(rearm).toHaveBeenLastCalledWith(60 * 60_000);
  }, 60_000);
});
