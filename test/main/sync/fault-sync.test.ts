import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type FaultRule, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror } from '../../../main/db/open';
import { syncMirror, type SyncProgress } from '../../../main/services/sync/sync-mirror';
import { readMirrorStatus } from '../../../main/db/repos/status-repo';
import { tempMirrorFile } from './sandbox-helpers';
import { snapshotMirror } from './mirror-snapshot';

const HISTORY_DAYS = 5;

describe('sync under sandbox faults', () => {
  let sandbox: RunningSandbox;
  const reference = tempMirrorFile();
  let want: Record<string, unknown[]>;
  let baselineRequests: number;

  async function syncInto(file: string, opts: { full?: boolean; onProgress?: (p: SyncProgress) => void } = {}) {
    const db = openMirror(file);
    try {
      return await syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 2 }), {
        clock: { now: () => sandbox.clock.nowMs(), sleep: async () => undefined },
        full: opts.full ?? true,
        historyDays: HISTORY_DAYS,
        requestsPerMinute: null,
        maxAttempts: 4,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
    } finally {
      db.close();
    }
  }

  beforeAll(async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 9,
      port: 0,
      freezeClock: true,
      seededEvents: false,
      now: new Date('2026-11-12T08:15:00Z'),
    });
    const summary = await syncInto(reference.file);
    expect(summary.status).toBe('ok');
    baselineRequests = summary.requests;
    want = snapshotMirror(reference.file);
  });
  afterAll(async () => {
    reference.cleanup();
    await sandbox.close();
  });

  const transient: Array<[string, FaultRule[]]> = [
    [
      '429 with retry-after (seconds)',
      [{ route: '/v1/organizations/users*', every: 1, times: 1, status: 429, retryAfterSeconds: 1 }],
    ],
    [
      '429 with retry-after-ms',
      [{ route: '/v1/organizations/api_keys*', every: 1, times: 2, status: 429, retryAfterMs: 150 }],
    ],
    ['429 with no retry header', [{ route: '/v1/organizations/cost_report*', every: 1, times: 1, status: 429 }]],
    [
      'a burst of 5xx (500, 503, 529)',
      [
        { route: '/v1/organizations/workspaces*', every: 2, times: 3, status: 500 },
        { route: '/v1/organizations/usage_report/messages*', every: 3, times: 2, status: 503 },
        { route: '/v1/organizations/usage_report/claude_code*', every: 2, times: 2, status: 529 },
      ],
    ],
    [
      'connection resets inside the headers',
      [{ route: '/v1/organizations/workspaces/*/members*', every: 2, times: 3, reset: 'headers' }],
    ],
    [
      'connection resets inside the body',
      [{ route: '/v1/organizations/usage_report/messages*', every: 2, times: 2, reset: 'body' }],
    ],
    [
      'truncated bodies',
      [
        { route: '/v1/organizations/users*', every: 1, times: 1, body: 'truncated' },
        { route: '/v1/organizations/cost_report*', every: 2, times: 1, body: 'truncated' },
      ],
    ],
    ['malformed bodies', [{ route: '/v1/organizations/api_keys*', every: 1, times: 1, body: 'malformed' }]],
  ];

  for (const [name, rules] of transient) {
    it(`${name}: the sync finishes and the mirror is exactly the fault-free one`, async () => {
      const mirror = tempMirrorFile();
      try {
        sandbox.faults.set(rules);
        const summary = await syncInto(mirror.file);
        const fired = sandbox.faults.list().reduce((n, r) => n + r.fired, 0);
        sandbox.faults.set([]);
        expect(fired).toBeGreaterThan(0);
        expect(summary.status, JSON.stringify(summary.problems)).toBe('ok');
        expect(summary.requests).toBeGreaterThan(baselineRequests);
        expect(snapshotMirror(mirror.file)).toEqual(want);
      } finally {
        sandbox.faults.set([]);
        mirror.cleanup();
      }
    });
  }

  it('a persistent 5xx on an optional report stops that report with a clear problem, keeping what was stored', async () => {
    const mirror = tempMirrorFile();
    try {
      expect((await syncInto(mirror.file)).status).toBe('ok');
      sandbox.faults.set([{ route: '/v1/organizations/cost_report*', status: 500 }]);
      const summary = await syncInto(mirror.file);
      sandbox.faults.set([]);
      expect(summary.status).toBe('partial');
      expect(summary.resources.find((r) => r.resource === 'cost_daily')).toMatchObject({ status: 'error' });
      expect(
        summary.problems.some(
          (p) => p.resource === 'cost_daily' && p.status === 500 && p.endpoint.includes('cost_report'),
        ),
      ).toBe(true);
      expect(snapshotMirror(mirror.file)).toEqual(want);
    } finally {
      sandbox.faults.set([]);
      mirror.cleanup();
    }
  });

  it('a key revoked mid-sync stops the sync as credential_invalid and damages nothing stored', async () => {
    const mirror = tempMirrorFile();
    const state = sandbox.state;
    const keys = new Set(state.auth.adminKeys);
    try {
      expect((await syncInto(mirror.file)).status).toBe('ok');
      const summary = await syncInto(mirror.file, {
        onProgress: (p) => {
          if (p.resource === 'workspaces' && state.auth.adminKeys.size > 0) {
            for (const k of state.auth.adminKeys) state.auth.revokedKeys.add(k);
            state.auth.adminKeys.clear();
          }
        },
      });
      expect(summary.status).toBe('credential_invalid');
      expect(summary.detail).toMatch(/refused/);
      expect(snapshotMirror(mirror.file)).toEqual(want);
      const db = openMirror(mirror.file, { readonly: true });
      expect(readMirrorStatus(db).credential?.status).toBe('invalid');
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      db.close();
    } finally {
      state.auth.adminKeys = keys;
      for (const k of keys) state.auth.revokedKeys.delete(k);
      mirror.cleanup();
    }
  });
});
