/**
 * The first sync's progress as the window and the tray get it: resources done of planned (the compliance feed
 * counted as one more step), the usable resources as they finish, pages and rows of the one under way, and a
 * time left that exists once something finished. The tracker itself with a fake clock, then a live profile's real
 * first sync against the sandbox.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createRunProgressTracker } from '../../../main/core/sync/run-progress';
import { RESOURCE_POLICIES } from '../../../main/core/sync/resources';
import { openWindowData } from '../../../main/services/open-profile';
import { startSandbox } from '../../../main/sandbox/index';
import { SyncProgressDto, type SyncProgress } from '../../../preload/contract';

const summary = (resource: string, status: 'ok' | 'unavailable' | 'error' = 'ok') => ({
  resource,
  status,
  pages: 1,
  rows: 1,
  events: 0,
  detail: null,
});

describe('the run progress tracker', () => {
  it('counts resources, lists the usable ones, and estimates the time left from the finished ones', () => {
    let now = 0;
    const run = createRunProgressTracker(() => now);
    expect(run.plan(['organization', 'users', 'invites', 'usage_daily'])).toMatchObject({
      resourcesDone: 0,
      resourcesTotal: 4,
      etaMs: null,
    });
    now = 1_000;
    expect(run.page({ resource: 'organization', page: 1, rows: 1 }).etaMs).toBeNull(); // nothing finished yet
    run.resourceDone(summary('organization'));
    now = 2_000;
    run.resourceDone(summary('users'));
    // Two done in 2 s: 1 s each, two to go.
    expect(run.current()).toMatchObject({ resourcesDone: 2, usable: ['organization', 'users'], etaMs: 2_000 });
    run.resourceDone(summary('invites', 'unavailable')); // done, but nothing to show
    now = 3_000;
    // The report under way has the engine's own estimate: 30 s for it, nothing after it.
    expect(run.page({ resource: 'usage_daily', page: 2, rows: 480, etaMs: 30_000 })).toMatchObject({
      resourcesDone: 3,
      usable: ['organization', 'users'],
      resource: 'usage_daily',
      page: 2,
      rows: 480,
      etaMs: 30_000,
    });
    expect(run.resourceDone(summary('usage_daily'))).toMatchObject({ resourcesDone: 4, etaMs: 0 });
  });
});

describe("a live profile's first sync", () => {
  it('reports done of planned, usable resources and an estimate on the progress push', async () => {
    const sandbox = await startSandbox({ seed: 11 });
    const dataDir = mkdtempSync(join(tmpdir(), 'clade-first-sync-'));
    const progress: SyncProgress[] = [];
    const data = await openWindowData({
      dataDir,
      profileId: 'default',
      readStoredKey: async () => sandbox.adminKey,
      baseURL: sandbox.url,
      requestsPerMinute: null,
      onProgress: (p) => progress.push(SyncProgressDto.parse(p)), // what the push channel accepts
      log: vi.fn(),
    });
    try {
      await data.ready;
      const running = progress.filter((p) => p.phase === 'running' && p.resourcesTotal !== undefined);
      // Every resource of a first sync, plus the compliance feed.
      expect(running[0]?.resourcesTotal).toBe(RESOURCE_POLICIES.length + 1);
      expect(running.every((p) => p.first === true)).toBe(true);
      const done = running.map((p) => p.resourcesDone ?? 0);
      expect(done).toEqual([...done].sort((a, b) => a - b));
      expect(done.at(-1)).toBe(RESOURCE_POLICIES.length + 1);
      const usersDone = running.find((p) => p.usable?.includes('users'));
      expect(usersDone?.usable?.slice(0, 2)).toEqual(['organization', 'users']);
      expect(running.some((p) => p.resource === 'usage_hourly' && p.page > 0 && p.rows > 0)).toBe(true);
      expect(running.some((p) => typeof p.etaMs === 'number')).toBe(true);
      expect(progress.at(-1)).toMatchObject({ phase: 'done' });
      // The next sync is not a first one: the window keeps its views and the header's line.
      progress.length = 0;
      await data.syncNow();
      expect(
        progress.filter((p) => p.phase === 'running' && p.resourcesTotal !== undefined).every((p) => p.first === false),
      ).toBe(true);
    } finally {
      await data.close();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
