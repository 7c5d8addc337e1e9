import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { syncIntervalMs } from '../../../main/services/open-profile';
import { createActiveProfileData } from '../../../main/services/active-profile';
import { createWindowAccounts, initialProfileId } from '../../../main/services/profiles';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox } from '../../../main/sandbox/index';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** main/index.ts's profile wiring without Electron: the active profile's data, reopened on a switch. */
describe('switching the window between profiles', () => {
  it('shows the demo for a profile without a key, the live mirror of one with a key, and remembers the choice', async () => {
    const sandbox = await startSandbox({ seed: 11 });
    cleanups.push(() => sandbox.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'clade-switch-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const stored = new Map<string, string>([['acme', sandbox.adminKey]]);
    const secrets = {
      get: async (id: string) => stored.get(id) ?? null,
      set: async (id: string, key: string) => void stored.set(id, key),
      delete: async (id: string) => stored.delete(id),
    };

    const active = createActiveProfileData({
      dataDir,
      profileId: initialProfileId(dataDir, {}),
      readStoredKey: (id) => secrets.get(id),
      baseURL: sandbox.url,
      requestsPerMinute: null,
      log: vi.fn(),
    });
    cleanups.push(() => active.close());
    const rearm = vi.fn();
    const { profiles } = createWindowAccounts({
      dataDir,
      secrets,
      verify: async () => ({ orgId: 'org_x', orgName: 'X' }),
      active: active.profileId,
      activate: async (id) => {
        await active.open(id);
        rearm(syncIntervalMs(active.current()?.db));
      },
    });

    await active.open();
    let data = active.current();
    expect(active.profileId()).toBe('default');
    expect(data!.mode).toBe('demo');
    writeProfileSetting(data!.db, 'sync.intervalMinutes', 60, Date.now());

    const acme = await profiles.add('Acme');
    expect(acme).toBe('acme');
    const demoDb = data!.db;
    await profiles.switchTo('acme');
    expect(demoDb.open).toBe(false); // the previous profile's mirror is closed before the next opens
    data = active.current();
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
    data = active.current();
    expect(data!.mode).toBe('demo');
    expect(rearm).toHaveBeenLastCalledWith(60 * 60_000);
  }, 60_000);
});
