import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createAdminApi } from '../../../main/adapters/anthropic/admin-api';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { syncMirror } from '../../../main/services/sync/sync-mirror';
import { queryReport } from '../../../main/db/queries/report-query';
import { tempMirrorFile } from './sandbox-helpers';

type Obj = Record<string, unknown>;
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Decimal strings of cents summed exactly, independently of main/core/money. */
function addCents(a: string, b: string): string {
  const scale = (s: string): bigint => {
    const [i = '0', f = ''] = s.split('.');
    return BigInt(i + f.padEnd(12, '0').slice(0, 12)) * (s.startsWith('-') && i === '-0' ? -1n : 1n);
  };
  const total = scale(a) + scale(b);
  const abs = total < 0n ? -total : total;
  const whole = abs / 10n ** 12n;
  const frac = (abs % 10n ** 12n).toString().padStart(12, '0').replace(/0+$/, '');
  return `${total < 0n ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** The sandbox's own report for [from, to] (UTC days, inclusive), summed per group over the daily buckets. */
async function sandboxTotals(
  sandbox: RunningSandbox,
  kind: 'usage' | 'cost',
  from: string,
  to: string,
  field: string,
): Promise<Map<string | null, Obj>> {
  const path = kind === 'usage' ? '/v1/organizations/usage_report/messages' : '/v1/organizations/cost_report';
  const totals = new Map<string | null, Obj>();
  let page: string | null = null;
  do {
    const q = new URLSearchParams({
      starting_at: `${from}T00:00:00Z`,
      ending_at: `${day(Date.parse(to) + DAY)}T00:00:00Z`,
      bucket_width: '1d',
      limit: '31',
    });
    q.append('group_by[]', field);
    if (page) q.set('page', page);
    const res = await fetch(`${sandbox.url}${path}?${q}`, {
      headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { data: Array<{ results: Obj[] }>; has_more: boolean; next_page: string | null };
    for (const bucket of body.data) {
      for (const r of bucket.results) {
        const key = (r[field] as string | null) ?? null;
        const t = totals.get(key) ?? {};
        if (kind === 'cost') t.amount_cents = addCents(String(t.amount_cents ?? '0'), String(r.amount));
        else {
          const cc = r.cache_creation as Obj;
          const add = (k: string, v: unknown) => (t[k] = Number(t[k] ?? 0) + Number(v ?? 0));
          add('uncached_input_tokens', r.uncached_input_tokens);
          add('cache_read_input_tokens', r.cache_read_input_tokens);
          add('output_tokens', r.output_tokens);
          add('cc1h', cc.ephemeral_1h_input_tokens);
          add('cc5m', cc.ephemeral_5m_input_tokens);
          add('web', (r.server_tool_use as Obj | null)?.web_search_requests);
        }
        totals.set(key, t);
      }
    }
    page = body.has_more ? body.next_page : null;
  } while (page);
  return totals;
}

describe('report sync against the sandbox', () => {
  let sandbox: RunningSandbox;
  let db: MirrorDb;
  let mirror: ReturnType<typeof tempMirrorFile>;
  let clock: { now(): number; sleep(ms: number): Promise<void> };
  const HISTORY = 40;

  const sync = (full: boolean) =>
    syncMirror(db, createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 }), {
      clock,
      full,
      historyDays: HISTORY,
      requestsPerMinute: null,
    });

  beforeAll(async () => {
    sandbox = await startSandbox({
      size: 'demo',
      seed: 11,
      port: 0,
      now: new Date('2026-11-20T15:42:10Z'),
      freezeClock: true,
      seededEvents: false,
    });
    clock = { now: () => sandbox.clock.nowMs(), sleep: async () => undefined };
    mirror = tempMirrorFile();
    db = openMirror(mirror.file);
    const summary = await sync(true);
    expect(summary.status, JSON.stringify(summary.problems)).toBe('ok');
  });
  afterAll(async () => {
    db.close();
    mirror.cleanup();
    await sandbox.close();
  });

  const today = '2026-11-20';
  const periods: Array<[string, string]> = [
    ['2026-11-14', '2026-11-20'],
    ['2026-10-15', '2026-11-19'],
    ['2026-11-01', '2026-11-01'],
  ];

  for (const [from, to] of periods) {
    for (const groupBy of ['workspace', 'api_key', 'model'] as const) {
      it(`usage ${from}..${to} by ${groupBy} equals the sandbox's own report, token for token`, async () => {
        const field = { workspace: 'workspace_id', api_key: 'api_key_id', model: 'model', description: 'description' }[
          groupBy
        ];
        const expected = await sandboxTotals(sandbox, 'usage', from, to, field);
        const report = queryReport(db, { kind: 'usage', from, to, groupBy });
        // Today is still filling, so a range that includes it is not complete yet.
        expect(report.complete).toBe(to < today);
        const got = new Map(report.rows.map((r) => [(r as Obj)[field] as string | null, r as Obj]));
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, e] of expected) {
          const r = got.get(key)!;
          expect(r.uncached_input_tokens).toBe(e.uncached_input_tokens);
          expect(r.output_tokens).toBe(e.output_tokens);
          expect(r.cache_read_input_tokens).toBe(e.cache_read_input_tokens);
          expect(r.cache_creation).toEqual({ ephemeral_1h_input_tokens: e.cc1h, ephemeral_5m_input_tokens: e.cc5m });
          expect(r.total_tokens).toBe(
            Number(e.uncached_input_tokens) +
              Number(e.output_tokens) +
              Number(e.cache_read_input_tokens) +
              Number(e.cc1h) +
              Number(e.cc5m),
          );
        }
      });
    }
    for (const groupBy of ['workspace', 'description'] as const) {
      it(`cost ${from}..${to} by ${groupBy} equals the sandbox's own report to the fraction of a cent`, async () => {
        const field = groupBy === 'workspace' ? 'workspace_id' : 'description';
        const expected = await sandboxTotals(sandbox, 'cost', from, to, field);
        const report = queryReport(db, { kind: 'cost', from, to, groupBy });
        const got = new Map(report.rows.map((r) => [(r as Obj)[field] as string | null, (r as Obj).amount_cents]));
        // The API files the default workspace's cost under no id; the report files it under the default's id, as
        // the overview, the tree and the alerts do.
        const defaultId =
          (db.prepare(`SELECT id FROM workspaces WHERE is_default = 1`).get() as { id: string } | undefined)?.id ??
          null;
        const filed = (k: string | null) => (groupBy === 'workspace' && k === null ? defaultId : k);
        expect(got).toEqual(new Map([...expected].map(([k, v]) => [filed(k), v.amount_cents])));
        for (const r of report.rows) expect(typeof (r as Obj).amount_cents).toBe('string');
      });
    }
  }

  it('says a range is incomplete when it runs past what the mirror holds', () => {
    const report = queryReport(db, { kind: 'cost', from: '2026-01-01', to: today, groupBy: 'workspace' });
    expect(report.complete).toBe(false);
    expect(report.coverage).toEqual({ from: day(Date.parse('2026-11-20T00:00:00Z') - HISTORY * DAY), to: today });
    expect(queryReport(db, { kind: 'usage', from: today, to: '2026-11-21', groupBy: 'model' }).complete).toBe(false);
  });

  it('stores Claude Code activity for the backfilled days', () => {
    const n = (db.prepare('SELECT count(DISTINCT bucket_start_ms) AS n FROM claude_code_daily').get() as { n: number })
      .n;
    expect(n).toBeGreaterThan(10);
  });

  it('an idle sync right after the full one sends at most 15 requests and writes no journal event', async () => {
    const before = (db.prepare('SELECT count(*) AS n FROM journal_events').get() as { n: number }).n;
    const summary = await sync(false);
    expect(summary.status).toBe('ok');
    expect(summary.requests).toBeLessThanOrEqual(15);
    expect(summary.events).toBe(0);
    expect((db.prepare('SELECT count(*) AS n FROM journal_events').get() as { n: number }).n).toBe(before);
  });
});
