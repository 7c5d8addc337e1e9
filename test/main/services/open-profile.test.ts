import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  openWindowData,
  syncIntervalMs,
  type WindowDataOptions,
  type WindowData,
} from '../../../main/services/open-profile';
import { mirrorFile, ensureMirrorFile } from '../../../main/adapters/data-dir';
import { openMirror } from '../../../main/db/open';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { startSandbox } from '../../../main/sandbox/index';
import type { SyncProgress } from '../../../preload/contract';
import { readSealSwitch } from '../../../main/db/audit/seal-switch';
import { verifyAuditChain } from '../../../main/db/audit/verify';
import { createMemorySecretStore } from '../../helpers/keyring';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(
  options: Partial<WindowDataOptions>,
  dataDir = mkdtempSync(join(tmpdir(), 'clade-window-data-')),
): Promise<WindowData> {
  const data = await openWindowData({
    dataDir,
    profileId: 'default',
    readStoredKey: async () => null,
    log: vi.fn(),
    ...options,
  });
  cleanups.push(async () => {
    await data.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return data;
}

describe('openWindowData', () => {
  it('serves the synced demo org when no key is stored', async () => {
    const data = await open({});
    expect(data.mode).toBe('demo');
    expect(data.profileId).toBe('demo');
    const tree = readOrgTree(data.db);
    expect(tree?.workspaces.length).toBeGreaterThanOrEqual(3);
    expect(tree?.syncedAtMs).not.toBeNull();
  });

  it("syncs the profile's own mirror in the background when a key is stored, reporting progress", async () => {
    const sandbox = await startSandbox({ seed: 7 });
    cleanups.push(() => sandbox.close());
    const progress: SyncProgress[] = [];
    const data = await open({
      readStoredKey: async (id) => (id === 'default' ? sandbox.adminKey : null),
      baseURL: sandbox.url,
      requestsPerMinute: null,
      onProgress: (p) => progress.push(p),
    });
    expect(data.mode).toBe('live');
    expect(data.profileId).toBe('default');
    await data.ready;
    expect(readOrgTree(data.db)?.workspaces.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)?.phase).toBe('done');
  });

  it("syncs again on demand (the scheduler's syncNow) and picks up a change made in the org since", async () => {
    const sandbox = await startSandbox({ seed: 8, freezeClock: true, seededEvents: false });
    cleanups.push(() => sandbox.close());
    const progress: SyncProgress[] = [];
    // The key as the app keeps it: in the keychain, read from there (no reader of its own, as main/index.ts).
    const secrets = createMemorySecretStore({ default: sandbox.adminKey });
    const data = await open({
      readStoredKey: undefined,
      baseURL: sandbox.url,
      requestsPerMinute: null,
      onProgress: (p) => progress.push(p),
      secrets,
    });
    expect(data.mode).toBe('live');
    await data.ready;
    const key = data.db.prepare(`SELECT id FROM api_keys WHERE status = 'active' ORDER BY id LIMIT 1`).get() as {
      id: string;
    };
    const res = await fetch(`${sandbox.controlUrl}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ events: [{ type: 'key_deactivated', api_key_id: key.id }] }),
    });
    expect(res.ok).toBe(true);
    progress.length = 0;
    await data.syncNow();
    expect(progress[0]?.phase).toBe('running');
    expect(progress.at(-1)?.phase).toBe('done');
    expect(data.db.prepare('SELECT status FROM api_keys WHERE id = ?').get(key.id)).toEqual({ status: 'inactive' });
    // The trail the sync wrote (journal catch-up, compliance feed) is keyed with the seal bound at open (#19).
    expect(secrets.items.has('default.audit-seal')).toBe(true);
    expect(readSealSwitch(data.db)).toMatchObject({ keyedFromId: expect.any(Number), store: 'keychain' });
    expect(verifyAuditChain(data.db)).toMatchObject({
      ok: true,
      seal: { keyedFromId: expect.any(Number), store: 'keychain' },
    });
  });

  it('keeps the live window usable when the first sync fails (bad key): logged, reported as failed', async () => {
    const sandbox = await startSandbox({ seed: 7 });
    cleanups.push(() => sandbox.close());
    const log = vi.fn();
    const progress: SyncProgress[] = [];
    const data = await open({
      readStoredKey: async () => 'sk-ant-admin01-TESTnotAKnownKey0000000000',
      baseURL: sandbox.url,
      requestsPerMinute: null,
      log,
      onProgress: (p) => progress.push(p),
    });
    await data.ready;
    expect(progress.at(-1)?.phase).toBe('failed');
    expect(readOrgTree(data.db)).toBeNull();
  });

  it('falls back to the demo org, and logs, when the keychain cannot be read', async () => {
    const log = vi.fn();
    const data = await open({
      readStoredKey: async () => {
        throw new Error('keychain locked');
      },
      log,
    });
    expect(data.mode).toBe('demo');
    expect(log).toHaveBeenCalledWith(expect.stringContaining('keychain'), expect.any(Error));
  });

  it("backfills the profile's sync.historyDays setting, not the engine's 90-day default", async () => {
    const sandbox = await startSandbox({ seed: 7 });
    cleanups.push(() => sandbox.close());
    const dataDir = mkdtempSync(join(tmpdir(), 'clade-window-data-'));
    const prepared = openMirror(ensureMirrorFile(dataDir, 'default'));
    writeProfileSetting(prepared, 'sync.historyDays', 30, Date.now());
    prepared.close();
    const data = await open(
      { readStoredKey: async () => sandbox.adminKey, baseURL: sandbox.url, requestsPerMinute: null },
      dataDir,
    );
    await data.ready;
    const DAY = 86_400_000;
    const costFrom = () => new SqliteMirrorStore(data.db).reportCoverage('cost_daily')?.fromMs ?? Number.NaN;
    expect(costFrom()).toBeGreaterThanOrEqual(Date.now() - 31 * DAY);
    expect(costFrom()).toBeLessThanOrEqual(Date.now() - 29 * DAY);
    expect(mirrorFile(dataDir, 'default')).toBe(data.db.name);
  });

  it("gives the scheduler the open profile's sync interval, and 15 minutes while nothing is open", async () => {
    const data = await open({});
    expect(syncIntervalMs(null)).toBe(15 * 60_000);
    expect(syncIntervalMs(data.db)).toBe(15 * 60_000);
    writeProfileSetting(data.db, 'sync.intervalMinutes', 30, Date.now());
    expect(syncIntervalMs(data.db)).toBe(30 * 60_000);
  });
});
