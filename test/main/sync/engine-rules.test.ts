import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { readMirrorStatus } from '../../../main/db/repos/status-repo';
import { apiError, FakeAdminApi } from './fake-admin-api';
import { AdminApiError } from '../../../main/core/api-error';
import { reprobeAfterKeyChange } from '../../../main/db/reprobe-after-key-change';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-20T12:00:30Z');

describe('sync engine failure rules (scripted API)', () => {
  let db: Database.Database;
  let api: FakeAdminApi;
  let now: number;
  const sleeps: number[] = [];
  const clock = { now: () => now, sleep: async (ms: number) => void sleeps.push(ms) };
  const sync = (opts: { full?: boolean; maxAttempts?: number } = {}) =>
    syncMirror(db, api, { clock, requestsPerMinute: null, historyDays: 3, lock: false, ...opts });

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    api = new FakeAdminApi();
    now = T0;
    sleeps.length = 0;
  });

  it('a 401 on a core route stops the sync, marks the credential invalid and keeps every stored row', async () => {
    expect((await sync()).status).toBe('ok');
    const usersBefore = db.prepare('SELECT * FROM users').all();
    api.fail = (c) => (c.what === 'users' ? apiError('unauthorized', 401, 'GET /v1/organizations/users') : null);
    now += HOUR;
    const summary = await sync({ full: true });
    expect(summary.status).toBe('credential_invalid');
    expect(summary.detail).toMatch(/GET \/v1\/organizations\/users/);
    expect(api.calls.filter((c) => c.what === 'api_keys')).toHaveLength(1); // nothing after the refusal in the second sync
    expect(db.prepare('SELECT * FROM users').all()).toEqual(usersBefore);
    expect(readMirrorStatus(db).credential).toMatchObject({ status: 'invalid' });
    // A later sync with a working key clears the mark.
    api.fail = () => null;
    now += HOUR;
    expect((await sync()).status).toBe('ok');
    expect(readMirrorStatus(db).credential).toMatchObject({ status: 'valid' });
  });

  it('a refusal on an optional route is recorded as "not available" and probed again after 6 h, on --full and after a key change', async () => {
    api.fail = (c) =>
      c.what === 'spend_limits' ? apiError('not_found', 404, 'GET /v1/organizations/spend_limits') : null;
    const asked = () => api.calls.filter((c) => c.what === 'spend_limits').length;
    const first = await sync();
    expect(first.status).toBe('ok');
    expect(first.resources.find((r) => r.resource === 'spend_limits')).toMatchObject({ status: 'unavailable' });
    const state = readMirrorStatus(db).resources.find((r) => r.resource === 'spend_limits');
    expect(state).toMatchObject({ status: 'unavailable', lastSyncedAtMs: null });
    expect(db.prepare(`SELECT count(*) AS n FROM sync_passes WHERE resource = 'spend_limits'`).get()).toEqual({ n: 0 });
    now += 5 * HOUR;
    await sync();
    expect(asked()).toBe(1);
    now += HOUR;
    await sync();
    expect(asked()).toBe(2);
    now += HOUR;
    await sync({ full: true });
    expect(asked()).toBe(3);
    now += HOUR;
    reprobeAfterKeyChange(db, now);
    await sync();
    expect(asked()).toBe(4);
    now += HOUR;
    await sync();
    expect(asked()).toBe(4);
  });

  it('a malformed page is reported with endpoint and request id, retried from the cursor, never written', async () => {
    api.lists.users = [
      [{ id: 'user_1', email: 'a@example.com', name: 'Ann', role: 'admin', added_at: '2026-01-01T00:00:00Z' }],
      [{ id: 'user_2', email: 'b@example.com', name: 'Bo', role: 'user', added_at: '2026-01-02T00:00:00Z' }],
    ];
    let failures = 0;
    api.fail = (c) =>
      c.what === 'users' && c.cursor === 'p1' && failures++ < 1
        ? apiError('malformed', null, 'GET /v1/organizations/users')
        : null;
    const summary = await sync({ maxAttempts: 3 });
    expect(summary.status, JSON.stringify(summary.resources.filter((r) => r.status !== 'ok'))).toBe('ok');
    expect(summary.problems).toEqual([
      expect.objectContaining({
        resource: 'users',
        kind: 'malformed',
        endpoint: 'GET /v1/organizations/users',
        requestId: 'req_fail',
      }),
    ]);
    // The retry resumed at page 2 instead of starting over.
    expect(api.calls.filter((c) => c.what === 'users').map((c) => c.cursor)).toEqual([null, 'p1', 'p1']);
    expect(sleeps.length).toBe(1);
    expect(db.prepare('SELECT id FROM users ORDER BY id').all()).toEqual([{ id: 'user_1' }, { id: 'user_2' }]);
  });

  it('after the client gives up on a 429, waits as long as the server asked before resuming', async () => {
    let failures = 0;
    api.fail = (c) =>
      c.what === 'api_keys' && failures++ < 1
        ? new AdminApiError('rate_limited', 'slow down', 'GET /v1/organizations/api_keys', 429, 'req_r', null, 42_000)
        : null;
    const summary = await sync({ maxAttempts: 2 });
    expect(summary.status).toBe('ok');
    expect(sleeps).toEqual([42_000]);
  });

  it('an over-precise amount is rejected like a schema failure, not rounded', async () => {
    api.costPages = [
      [
        {
          starting_at: '2026-11-19T00:00:00Z',
          ending_at: '2026-11-20T00:00:00Z',
          results: [{ amount: '1.0000000001', currency: 'USD' }],
        },
      ],
    ];
    const summary = await sync({ maxAttempts: 1 });
    expect(summary.status).toBe('partial');
    expect(summary.problems[0]).toMatchObject({ resource: 'cost_daily', kind: 'malformed' });
    expect(summary.problems[0]!.message).toMatch(/more precision/);
    expect(db.prepare('SELECT count(*) AS n FROM cost_daily').get()).toEqual({ n: 0 });
  });

  it('a resumed report fetch keeps the ending_at its cursor was issued for, then fetches the current window', async () => {
    const bucket = (day: string) => ({ starting_at: `${day}T00:00:00Z`, ending_at: `${day}T00:00:00Z`, results: [] });
    api.costPages = [[bucket('2026-11-17')], [bucket('2026-11-18')], [bucket('2026-11-19')]];
    api.fail = (c) => (c.what === 'cost' && c.cursor === 'p1' ? apiError('network', null) : null);
    const first = await sync({ maxAttempts: 1 });
    expect(first.status).toBe('partial');
    const firstQuery = api.calls.find((c) => c.what === 'cost')!.query as { endingAt: string };
    api.fail = () => null;
    now += 3 * HOUR;
    const callsBefore = api.calls.length;
    await sync({ full: true });
    const costCalls = api.calls.slice(callsBefore).filter((c) => c.what === 'cost');
    expect(costCalls[0]).toMatchObject({
      cursor: 'p1',
      query: expect.objectContaining({ endingAt: firstQuery.endingAt }),
    });
    const later = costCalls.filter((c) => c.cursor === null);
    expect(later.length).toBe(1);
    expect((later[0]!.query as { endingAt: string }).endingAt).toBe('2026-11-20T15:00:00Z');
  });

  it('a 400 "organization_type_not_supported" on an optional route means not available, not an error', async () => {
    api.fail = (c) =>
      c.what === 'spend_limits_effective'
        ? new AdminApiError(
            'bad_request',
            'Effective spend limits are only available for Claude Enterprise organizations.',
            'GET /v1/organizations/spend_limits/effective',
            400,
            'req_x',
            'organization_type_not_supported',
          )
        : null;
    const summary = await sync();
    expect(summary.status).toBe('ok');
    expect(summary.resources.find((r) => r.resource === 'spend_limits_effective')).toMatchObject({
      status: 'unavailable',
    });
  });

  it('stores effective spend exactly and keeps its running totals out of the journal', async () => {
    const row = (spend: string) => ({
      actor: { type: 'user_actor', user_id: 'user_1', name: 'Ann', email_address: 'a@example.com', deleted: false },
      amount: '50000',
      currency: 'USD',
      period: 'monthly',
      period_to_date_spend: spend,
      scope: { type: 'user', user_id: 'user_1' },
      source: { type: 'organization' },
      spend_limit_id: 'spl_1',
    });
    api.lists.spend_limits_effective = [[row('12.345')]];
    await sync();
    api.lists.spend_limits_effective = [[row('99.001')]];
    now += 2 * HOUR;
    const summary = await sync();
    expect(summary.events).toBe(0);
    expect(
      db
        .prepare('SELECT amount_nanocents AS a, period_to_date_spend_nanocents AS s FROM spend_limits_effective')
        .safeIntegers(true)
        .get(),
    ).toEqual({
      a: 50_000_000_000_000n,
      s: 99_001_000_000n,
    });
  });

  it('refuses a key of another organization and writes nothing', async () => {
    await sync();
    api.org = { id: 'org_other', name: 'Other' };
    const summary = await sync({ full: true });
    expect(summary.status).toBe('failed');
    expect(summary.detail).toMatch(/org_1.*org_other/);
    expect(db.prepare('SELECT id FROM organization').all()).toEqual([{ id: 'org_1' }]);
  });
});
