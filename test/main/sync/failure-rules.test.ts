/**
 * What a refusal means, per resource, and paging that cannot go on (scripted API, exact control over each call):
 * a 401 on core data is the key; on an optional route it is the key only when /v1/organizations/me refuses too;
 * usage and cost are core (a failure makes the sync partial, a 404 means the org has no such report); a rejected
 * cursor restarts its pass once; a cursor that does not advance stops its pass after the first repeat.
 */
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { AdminApiError } from '../../../main/core/api-error';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { readMirrorStatus } from '../../../main/db/repos/status-repo';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { apiError, FakeAdminApi } from './fake-admin-api';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T12:00:30Z');
const user = (n: number) => ({
  id: `user_${n}`,
  email: `u${n}@example.com`,
  name: `U${n}`,
  role: 'user',
  added_at: '2026-01-01T00:00:00Z',
});
const costBucket = (day: string) => ({
  starting_at: `${day}T00:00:00Z`,
  ending_at: `${day}T00:00:00Z`,
  results: [
    {
      amount: '100',
      currency: 'USD',
      workspace_id: null,
      description: null,
      cost_type: 'tokens',
      context_window: null,
      model: null,
      service_tier: null,
      token_type: null,
    },
  ],
});

describe('sync failure rules (scripted API)', () => {
  let db: Database.Database;
  let api: FakeAdminApi;
  let now: number;
  const clock = { now: () => now, sleep: async () => undefined };
  const sync = (opts: { full?: boolean; maxAttempts?: number } = {}) =>
    syncMirror(db, api, { clock, requestsPerMinute: null, historyDays: 3, lock: false, maxAttempts: 1, ...opts });
  const resource = (summary: Awaited<ReturnType<typeof sync>>, name: string) =>
    summary.resources.find((r) => r.resource === name);
  const callsOf = (what: string) => api.calls.filter((c) => c.what === what);

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    api = new FakeAdminApi();
    now = T0;
  });

  it.each([
    ['cost', 'GET /v1/organizations/cost_report'],
    ['usage_1h', 'GET /v1/organizations/usage_report/messages'],
    ['workspace_members', 'GET /v1/organizations/workspaces/wrkspc_1/members'],
  ])('a 401 on %s (core data) stops the sync as "key rejected" without asking again', async (what, endpoint) => {
    expect((await sync()).status).toBe('ok');
    const stored = () => ({
      users: db.prepare('SELECT id, email, role FROM users ORDER BY id').all(),
      cost: db.prepare('SELECT count(*) AS n FROM cost_daily').get(),
      members: db.prepare('SELECT count(*) AS n FROM workspace_members').get(),
    });
    const before = stored();
    api.fail = (c) => (c.what === what ? apiError('unauthorized', 401, endpoint) : null);
    now += 2 * HOUR;
    const meCalls = callsOf('organization').length;
    const summary = await sync({ full: true });
    expect(summary.status).toBe('credential_invalid');
    expect(summary.detail).toContain(endpoint);
    expect(callsOf('organization').length).toBe(meCalls + 1); // only the sync's own first call, no probe
    expect(readMirrorStatus(db).credential).toMatchObject({ status: 'invalid' });
    expect(stored()).toEqual(before);
  });

  it('a 401 on an optional route with /me refusing too: the key was rejected', async () => {
    let revoked = false;
    api.fail = (c) => {
      if (c.what === 'spend_limits') revoked = true;
      return revoked && (c.what === 'spend_limits' || c.what === 'organization')
        ? apiError('unauthorized', 401, `GET /v1/organizations/${c.what}`)
        : null;
    };
    const summary = await sync();
    expect(summary.status).toBe('credential_invalid');
    expect(callsOf('organization')).toHaveLength(2); // the sync's first call, then the probe after the 401
    expect(resource(summary, 'cost_daily')).toBeUndefined(); // nothing after the refusal
  });

  it('a 401 on an optional route while /me answers: that route failed (partial, listed), not "not available"', async () => {
    api.fail = (c) =>
      c.what === 'spend_limits' ? apiError('unauthorized', 401, 'GET /v1/organizations/spend_limits') : null;
    const summary = await sync();
    expect(summary.status).toBe('partial');
    expect(resource(summary, 'spend_limits')).toMatchObject({ status: 'error' });
    expect(summary.problems).toEqual([expect.objectContaining({ resource: 'spend_limits', status: 401 })]);
    expect(resource(summary, 'cost_daily')).toMatchObject({ status: 'ok' }); // the rest still synced
    expect(readMirrorStatus(db).credential?.status ?? 'valid').toBe('valid');
  });

  it('a 404 on the usage report: the org has no such report ("not available"), the sync is complete', async () => {
    api.fail = (c) =>
      c.what === 'usage_1d' ? apiError('not_found', 404, 'GET /v1/organizations/usage_report/messages') : null;
    const summary = await sync();
    expect(summary.status).toBe('ok');
    expect(resource(summary, 'usage_daily')).toMatchObject({ status: 'unavailable' });
  });

  it('a 403 on the cost report is a failure of core data (partial), and the reports after it still sync', async () => {
    api.fail = (c) => (c.what === 'cost' ? apiError('forbidden', 403, 'GET /v1/organizations/cost_report') : null);
    const summary = await sync();
    expect(summary.status).toBe('partial');
    expect(resource(summary, 'cost_daily')).toMatchObject({ status: 'error' });
    expect(resource(summary, 'claude_code_daily')).toMatchObject({ status: 'ok' });
    expect(readMirrorStatus(db).resources.find((r) => r.resource === 'cost_daily')).toMatchObject({ status: 'error' });
  });

  it('a rejected cursor restarts its pass from the window start once, and the report completes without duplicates', async () => {
    api.costPages = [[costBucket('2026-11-18')], [costBucket('2026-11-19')], [costBucket('2026-11-20')]];
    let rejected = 0;
    api.fail = (c) =>
      c.what === 'cost' && c.cursor === 'p2' && rejected++ === 0
        ? new AdminApiError(
            'bad_request',
            'page: invalid page cursor',
            'GET /v1/organizations/cost_report',
            400,
            'req_c',
          )
        : null;
    const summary = await sync();
    expect(summary.status).toBe('ok');
    expect(callsOf('cost').map((c) => c.cursor)).toEqual([null, 'p1', 'p2', null, 'p1', 'p2']);
    expect(
      db.prepare('SELECT bucket_start_ms AS day, count(*) AS n FROM cost_daily GROUP BY bucket_start_ms').all(),
    ).toHaveLength(3);
    expect(summary.problems).toEqual([
      expect.objectContaining({ resource: 'cost_daily', message: 'page: invalid page cursor' }),
    ]);
  });

  it('a cursor rejected again after the restart fails that report (no loop)', async () => {
    api.costPages = [[costBucket('2026-11-18')], [costBucket('2026-11-19')]];
    api.fail = (c) =>
      c.what === 'cost' && c.cursor === 'p1'
        ? new AdminApiError('bad_request', 'page: invalid page cursor', 'GET /v1/organizations/cost_report', 400)
        : null;
    const summary = await sync();
    expect(summary.status).toBe('partial');
    expect(callsOf('cost')).toHaveLength(4);
  });

  it('a report_page_too_large 400 is not taken for a cursor problem', async () => {
    api.costPages = [[costBucket('2026-11-18')], [costBucket('2026-11-19')]];
    api.fail = (c) =>
      c.what === 'cost' && c.cursor === 'p1'
        ? new AdminApiError(
            'bad_request',
            'The requested page of the report has more usage than one page can hold.',
            'GET /v1/organizations/cost_report',
            400,
            null,
            'report_page_too_large',
          )
        : null;
    const summary = await sync();
    // Not a cursor problem (no restart of the pass): the same page asked for again at half the size each time, and
    // a one-bucket page refused too fails the report, saying why (never a silent gap).
    const cost = callsOf('cost');
    expect(cost[0]!.cursor).toBeNull();
    const retries = cost.slice(1);
    expect(retries.every((c) => c.cursor === 'p1')).toBe(true);
    const limits = retries.map((c) => (c.query as { limit: number }).limit);
    expect(limits[limits.length - 1]).toBe(1);
    for (let i = 1; i < limits.length; i++) expect(limits[i]).toBe(Math.floor(limits[i - 1]! / 2));
    expect(resource(summary, 'cost_daily')).toMatchObject({ status: 'error' });
    expect(resource(summary, 'cost_daily')!.detail).toMatch(/report_page_too_large/);
  });

  it('a cursor that does not advance stops its pass after one repeat, and the next sync starts that pass afresh', async () => {
    api.lists.users = [[user(1)], [user(2)], [user(3)]];
    api.repeatCursor.add('users');
    const summary = await sync();
    expect(callsOf('users').length).toBeLessThanOrEqual(3);
    expect(summary.status).toBe('partial');
    expect(resource(summary, 'users')).toMatchObject({ status: 'error' });
    expect(resource(summary, 'users')!.detail).toMatch(/cursor_stuck.*already given/);
    api.repeatCursor.clear();
    const before = callsOf('users').length;
    now += HOUR;
    expect((await sync()).status).toBe('ok');
    expect(
      callsOf('users')
        .slice(before)
        .map((c) => c.cursor),
    ).toEqual([null, 'p1', 'p2']);
    expect(db.prepare('SELECT id FROM users ORDER BY id').all()).toEqual([
      { id: 'user_1' },
      { id: 'user_2' },
      { id: 'user_3' },
    ]);
  });

  it('a report whose next page starts where the last one did is stopped (buckets not moving forward)', async () => {
    api.costPages = [[costBucket('2026-11-18')], [costBucket('2026-11-18')], [costBucket('2026-11-19')]];
    const summary = await sync();
    expect(resource(summary, 'cost_daily')).toMatchObject({ status: 'error' });
    expect(resource(summary, 'cost_daily')!.detail).toMatch(/did not move forward/);
    expect(callsOf('cost').length).toBeLessThanOrEqual(3);
  });
});
