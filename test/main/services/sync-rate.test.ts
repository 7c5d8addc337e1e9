/**
 * The sync's request rate against a sandbox, read from the sandbox's own request log: a burst of 30 goes at once,
 * then the rate holds, whether it comes from the run (`sync --rate`) or from the profile's sync.requestsPerMinute.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { syncProfile, unnamedRunRate } from '../../../main/services/sync/sync-profile';

let sandbox: RunningSandbox;
let dir: string;
beforeAll(async () => {
  // Small report pages (a per-page result cap), so a short sync still makes well over a burst of requests.
  sandbox = await startSandbox({ seed: 5, maxPageResults: 250 });
  dir = mkdtempSync(join(tmpdir(), 'clade-sync-rate-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function requestTimes(): Promise<number[]> {
  const res = await fetch(`${sandbox.url}/_control/requests`, {
    headers: { authorization: `Bearer ${sandbox.controlToken}` },
  });
  const body = (await res.json()) as { requests: Array<{ atMs: number; path: string }> };
  return body.requests.map((r) => r.atMs).sort((a, b) => a - b);
}

async function clearLog(): Promise<void> {
  await fetch(`${sandbox.url}/_control/requests`, {
    method: 'DELETE',
    headers: { authorization: `Bearer ${sandbox.controlToken}` },
  });
}

/**
 * A token bucket's promise: between any two requests, at most the burst plus what the rate allows in the time
 * between them (+1 for the request at each edge). Answers the worst excess over that (≤ 0 when kept).
 */
function worstExcess(times: number[], perMinute: number, burst = 30): number {
  let worst = -Infinity;
  for (let i = 0; i < times.length; i++) {
    for (let j = i; j < times.length; j++) {
      const allowed = burst + 1 + ((times[j]! - times[i]!) * perMinute) / 60_000;
      worst = Math.max(worst, j - i + 1 - allowed);
    }
  }
  return worst;
}

async function firstSync(name: string, requestsPerMinute?: number, setting?: number) {
  const db = openMirror(join(dir, `${name}.sqlite`));
  if (setting !== undefined) writeProfileSetting(db, 'sync.requestsPerMinute', setting, Date.now());
  await clearLog();
  const summary = await syncProfile(
    db,
    { apiKey: sandbox.adminKey, baseURL: sandbox.url },
    {
      historyDays: 4,
      alerts: false,
      compliance: false,
      ...(requestsPerMinute !== undefined ? { requestsPerMinute } : {}),
    },
  );
  db.close();
  expect(summary.status).toBe('ok');
  return requestTimes();
}

describe('sync request rate', () => {
  it('a run that names no rate: the real API gets the profile setting, a loopback sandbox none', () => {
    expect(unnamedRunRate({ apiKey: 'k', baseURL: 'https://api.anthropic.com' })).toBeUndefined();
    expect(unnamedRunRate({ apiKey: 'k', baseURL: sandbox.url })).toBeNull();
  });

  it('the API client reports every 429 (retries included) to the budget, which slows down from the second', async () => {
    const limited = await startSandbox({
      seed: 5,
      faults: [{ route: '/v1/organizations/users*', status: 429, retryAfterSeconds: 0, times: 2 }],
    });
    try {
      let reported = 0;
      const api = createAdminApi({
        apiKey: limited.adminKey,
        baseURL: limited.url,
        onRateLimited: () => (reported += 1),
      });
      for await (const page of api.list('users', {}, null)) expect(page.items.length).toBeGreaterThan(0);
      expect(reported).toBe(2);
    } finally {
      await limited.close();
    }
  });

  it('a run rate (sync --rate 600): the first 30 requests at once, then at most 10 a second', async () => {
    const times = await firstSync('run-rate', 600);
    expect(times.length).toBeGreaterThan(40);
    expect(times[29]! - times[0]!).toBeLessThan(1500); // the burst did not wait
    expect(worstExcess(times, 600)).toBeLessThanOrEqual(0);
    // and the rate did bind: the run took at least what 600 a minute allows after the burst
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual((times.length - 31) * 100 - 50);
  }, 30_000);

  it("the profile's sync.requestsPerMinute when the run names none (300: one per 200 ms after the burst)", async () => {
    const times = await firstSync('setting-rate', undefined, 300);
    expect(times.length).toBeGreaterThan(40);
    expect(worstExcess(times, 300)).toBeLessThanOrEqual(0);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual((times.length - 31) * 200 - 50);
  }, 30_000);
});
