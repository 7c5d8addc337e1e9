import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { apiError, FakeAdminApi } from './fake-admin-api';

const T0 = Date.parse('2026-11-20T12:00:30Z');
const costBucket = (day: string, amount: string) => ({
  starting_at: `${day}T00:00:00Z`,
  ending_at: `${day}T23:59:59Z`,
  results: [
    { amount, currency: 'USD', workspace_id: 'wrkspc_1', description: 'Claude Sonnet 4 Usage - Output Tokens' },
  ],
});

describe('report pages are fetched one ahead of the write', () => {
  let db: Database.Database;
  let api: FakeAdminApi;
  const clock = { now: () => T0, sleep: async () => undefined };
  const sync = () => syncMirror(db, api, { clock, requestsPerMinute: null, historyDays: 3, lock: false });
  const costRows = () => db.prepare('SELECT count(*) FROM cost_daily').pluck().get() as number;

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    api = new FakeAdminApi();
    api.costPages = [[costBucket('2026-11-17', '1')], [costBucket('2026-11-18', '2')], [costBucket('2026-11-19', '3')]];
  });

  it('page N+1 is requested before page N is written, and every page ends up stored once', async () => {
    // A size already learnt and at its maximum stays put, so each next page can be asked for ahead.
    db.prepare(`INSERT INTO report_page_limits VALUES ('cost_daily', 31, 0)`).run();
    const rowsWhenRequested: Record<string, number> = {};
    api.fail = (call) => {
      if (call.what === 'cost') rowsWhenRequested[call.cursor ?? 'first'] = costRows();
      return null;
    };
    expect((await sync()).status).toBe('ok');
    expect(rowsWhenRequested).toEqual({ first: 0, p1: 0, p2: 1 });
    expect(costRows()).toBe(3);
    expect(api.calls.filter((c) => c.what === 'cost')).toHaveLength(3); // no request beyond the last page
  });

  it('while the size still grows, each next page asks for the new size and is still requested before the write', async () => {
    const limits: Array<[string | null, number]> = [];
    const rowsWhenRequested: Record<string, number> = {};
    api.fail = (call) => {
      if (call.what === 'cost') {
        limits.push([call.cursor, (call.query as { limit: number }).limit]);
        rowsWhenRequested[call.cursor ?? 'first'] = costRows();
      }
      return null;
    };
    expect((await sync()).status).toBe('ok');
    // A new size starts a new call at the cursor reached, before the page that set it is written.
    expect(rowsWhenRequested).toEqual({ first: 0, p1: 0, p2: 1 });
    expect(costRows()).toBe(3);
    // a probe of 2 buckets, then twice as many while a page holds far fewer rows than the ceiling, up to 31
    expect(limits).toEqual([
      [null, 2],
      ['p1', 4],
      ['p2', 8],
    ]);
    expect(db.prepare(`SELECT page_limit FROM report_page_limits WHERE resource = 'cost_daily'`).pluck().get()).toBe(
      16,
    );
  });

  it('a failure of the page fetched ahead keeps the pages before it and resumes at the failed one', async () => {
    db.prepare(`INSERT INTO report_page_limits VALUES ('cost_daily', 31, 0)`).run();
    api.fail = (call) =>
      call.what === 'cost' && call.cursor === 'p2'
        ? apiError('server', 500, 'GET /v1/organizations/cost_report')
        : null;
    const first = await sync();
    expect(first.status).not.toBe('ok');
    expect(costRows()).toBe(2);
    api.fail = () => null;
    api.calls = [];
    expect((await sync()).status).toBe('ok');
    // It resumes the interrupted pass at the failed page (then fetches its settle window afresh, as always).
    expect(api.calls.find((c) => c.what === 'cost')?.cursor).toBe('p2');
    expect(costRows()).toBe(3);
  });

  it('the next Claude Code day is requested before the day before it is written', async () => {
    const DAY = 86_400_000;
    const asked: Array<{ dayMs: number; passAtDayMs: number | null }> = [];
    const passCursor = db.prepare(`SELECT cursor FROM sync_passes WHERE resource = 'claude_code_daily'`).pluck();
    api.fail = (call) => {
      if (call.what === 'claude_code') {
        const cursor = (passCursor.get() ?? null) as string | null;
        const passAtDayMs = cursor ? (JSON.parse(cursor) as { dayMs: number }).dayMs : null;
        asked.push({ dayMs: Date.parse(`${call.query as string}T00:00:00Z`), passAtDayMs });
      }
      return null;
    };
    expect((await sync()).status).toBe('ok');
    expect(asked.length).toBeGreaterThanOrEqual(3);
    // The pass still stands where it stood before the day before was written: day N+1 goes out while day N is
    // written (the pass would otherwise already stand at day N+1).
    expect(asked[1]!.passAtDayMs).toBeNull();
    for (const { dayMs, passAtDayMs } of asked.slice(2)) expect(passAtDayMs).toBe(dayMs - DAY);
  });
});
