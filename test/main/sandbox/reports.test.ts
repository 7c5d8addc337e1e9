// Classic usage / cost / Claude Code reports (admin-api.md §4.1–4.3): shapes, limits, cursors, and consistency:
// a coarser grouping sums to a finer one, and cost == usage × the documented price table, exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type Anthropic from '@anthropic-ai/sdk';
import { PageCursor } from '@anthropic-ai/sdk/pagination';
import type { RunningSandbox } from '../../../main/sandbox';
import * as api from '../../fixtures/admin-api/schemas';
import * as rep from '../../fixtures/admin-api/report-schemas';
import { decimalToScaled, ratesOn } from '../../fixtures/admin-api/pricing';
import { rawGet, sdkFor, startFrozen } from './sdk-client';

type UsageResult = ReturnType<typeof rep.usageResult.parse>;
type UsageBucket = ReturnType<typeof rep.usageBucket.parse>;
type CostBucket = ReturnType<typeof rep.costBucket.parse>;

let sandbox: RunningSandbox;
let client: Anthropic;
beforeAll(async () => {
  sandbox = await startFrozen({ seed: 5 });
  client = sdkFor(sandbox);
});
afterAll(() => sandbox.close());

async function usage(query: Record<string, unknown>): Promise<UsageBucket[]> {
  const out: UsageBucket[] = [];
  for await (const b of client.getAPIList('/v1/organizations/usage_report/messages', PageCursor<unknown>, { query })) {
    out.push(rep.usageBucket.parse(b));
  }
  return out;
}

async function cost(query: Record<string, unknown>): Promise<CostBucket[]> {
  const out: CostBucket[] = [];
  for await (const b of client.getAPIList('/v1/organizations/cost_report', PageCursor<unknown>, { query })) {
    out.push(rep.costBucket.parse(b));
  }
  return out;
}

const COUNTERS = (r: UsageResult) => [
  r.uncached_input_tokens,
  r.cache_creation.ephemeral_1h_input_tokens,
  r.cache_creation.ephemeral_5m_input_tokens,
  r.cache_read_input_tokens,
  r.output_tokens,
  r.server_tool_use.web_search_requests,
];
const sum = (results: UsageResult[]) =>
  results.reduce((acc, r) => acc.map((v, i) => v + COUNTERS(r)[i]!), [0, 0, 0, 0, 0, 0]);

describe('usage_report/messages', () => {
  it('sums the same with no grouping and with every grouping, per day', async () => {
    const range = { starting_at: '2026-10-01T00:00:00Z', ending_at: '2026-11-01T00:00:00Z', limit: 31 };
    const coarse = await usage(range);
    const fine = await usage({
      ...range,
      group_by: [
        'api_key_id',
        'workspace_id',
        'model',
        'service_tier',
        'context_window',
        'inference_geo',
        'account_id',
        'service_account_id',
      ],
    });
    expect(coarse).toHaveLength(31);
    expect(fine.map((b) => b.starting_at)).toEqual(coarse.map((b) => b.starting_at));
    coarse.forEach((b, i) => expect(sum(fine[i]!.results)).toEqual(sum(b.results)));
    expect(sum(coarse.flatMap((b) => b.results))[0]).toBeGreaterThan(0);
    // ungrouped rows carry null in every grouping field; grouped rows fill them
    for (const r of coarse.flatMap((b) => b.results)) expect(r.model ?? r.api_key_id ?? r.workspace_id).toBeNull();
    expect(fine.flatMap((b) => b.results).every((r) => r.model !== null && r.service_tier !== null)).toBe(true);
    // default-workspace and Workbench usage: workspace_id null / api_key_id null
    expect(fine.flatMap((b) => b.results).some((r) => r.workspace_id === null)).toBe(true);
    expect(fine.flatMap((b) => b.results).some((r) => r.api_key_id === null)).toBe(true);
  });

  it('hourly buckets sum to the daily bucket, and minutes to the hour', async () => {
    const [day] = await usage({
      starting_at: '2026-11-17T00:00:00Z',
      ending_at: '2026-11-18T00:00:00Z',
      bucket_width: '1d',
    });
    const hours = await usage({
      starting_at: '2026-11-17T00:00:00Z',
      ending_at: '2026-11-18T00:00:00Z',
      bucket_width: '1h',
      group_by: ['model'],
    });
    expect(hours).toHaveLength(24);
    expect(sum(hours.flatMap((b) => b.results))).toEqual(sum(day!.results));
    const busyHour = hours.reduce((a, b) => (sum(b.results)[0]! > sum(a.results)[0]! ? b : a));
    const hourEnd = new Date(Date.parse(busyHour.starting_at) + 3_600_000).toISOString();
    const minutes = await usage({
      starting_at: busyHour.starting_at,
      ending_at: hourEnd,
      bucket_width: '1m',
      group_by: ['api_key_id'],
      limit: 7,
    });
    expect(minutes).toHaveLength(60);
    expect(sum(minutes.flatMap((b) => b.results))).toEqual(sum(busyHour.results));
  });

  it('filters select a subset that sums with its complement to the whole', async () => {
    const range = { starting_at: '2026-11-02T00:00:00Z', ending_at: '2026-11-09T00:00:00Z' };
    const all = sum((await usage(range)).flatMap((b) => b.results));
    const byModel = await usage({ ...range, group_by: ['model'] });
    const models = [...new Set(byModel.flatMap((b) => b.results.map((r) => r.model!)))];
    const first = sum((await usage({ ...range, models: [models[0]] })).flatMap((b) => b.results));
    const rest = sum((await usage({ ...range, models: models.slice(1) })).flatMap((b) => b.results));
    expect(first.map((v, i) => v + rest[i]!)).toEqual(all);
    const tiers = await usage({ ...range, service_tiers: ['batch'], group_by: ['service_tier'] });
    expect(tiers.flatMap((b) => b.results).every((r) => r.service_tier === 'batch')).toBe(true);
  });

  it.each([
    ['1d', 7, 31],
    ['1h', 24, 168],
    ['1m', 60, 1440],
  ])('%s buckets: default limit %i, maximum %i', async (width, def, max) => {
    const start = '2026-10-01T00:00:00Z';
    const page = await rawGet(
      sandbox,
      `/v1/organizations/usage_report/messages?starting_at=${start}&bucket_width=${width}`,
    );
    const body = rep.reportPage(rep.usageBucket).parse(page.body);
    expect(body.data).toHaveLength(def);
    expect(body.has_more).toBe(true);
    expect(body.next_page).toMatch(/^page_/);
    expect(
      (
        await rawGet(
          sandbox,
          `/v1/organizations/usage_report/messages?starting_at=${start}&bucket_width=${width}&limit=${max}`,
        )
      ).status,
    ).toBe(200);
    const tooMany = await rawGet(
      sandbox,
      `/v1/organizations/usage_report/messages?starting_at=${start}&bucket_width=${width}&limit=${max + 1}`,
    );
    expect(tooMany.status).toBe(400);
    expect(api.errorBody.parse(tooMany.body).error.type).toBe('invalid_request_error');
  });

  it('treats ending_at as exclusive and snaps starting_at to the bucket start', async () => {
    const res = await rawGet(
      sandbox,
      '/v1/organizations/usage_report/messages?starting_at=2026-11-01T13:45:00Z&ending_at=2026-11-04T00:00:00Z',
    );
    const body = rep.reportPage(rep.usageBucket).parse(res.body);
    expect(body.data.map((b) => b.starting_at.slice(0, 10))).toEqual(['2026-11-01', '2026-11-02', '2026-11-03']);
    expect(body.data[0]!.starting_at).toMatch(/^2026-11-01T00:00:00/);
    expect(body.has_more).toBe(false);
    expect(body.next_page).toBeNull();
  });

  it('binds the page cursor to the query: a changed filter with an old cursor is refused', async () => {
    const base = '/v1/organizations/usage_report/messages?starting_at=2026-10-01T00:00:00Z&group_by[]=model';
    const first = rep.reportPage(rep.usageBucket).parse((await rawGet(sandbox, base)).body);
    const cursor = encodeURIComponent(first.next_page!);
    expect((await rawGet(sandbox, `${base}&page=${cursor}`)).status).toBe(200);
    const changed = await rawGet(sandbox, `${base}&group_by[]=api_key_id&page=${cursor}`);
    expect(changed.status).toBe(400);
    expect(api.errorBody.parse(changed.body).error.message).toMatch(/cursor/);
    expect((await rawGet(sandbox, `${base}&page=garbage`)).status).toBe(400);
  });

  it.each([
    ['missing starting_at', ''],
    ['bad starting_at', 'starting_at=yesterday'],
    ['unknown group_by', 'starting_at=2026-11-01T00:00:00Z&group_by[]=colour'],
    ['speed without its beta header', 'starting_at=2026-11-01T00:00:00Z&group_by[]=speed'],
    ['bad bucket_width', 'starting_at=2026-11-01T00:00:00Z&bucket_width=1w'],
    ['bad service tier', 'starting_at=2026-11-01T00:00:00Z&service_tiers[]=gold'],
  ])('rejects %s with 400', async (_name, qs) => {
    const res = await rawGet(sandbox, `/v1/organizations/usage_report/messages?${qs}`);
    expect(res.status).toBe(400);
    api.errorBody.parse(res.body);
  });

  it('accepts group_by speed with the fast-mode beta header', async () => {
    const res = await rawGet(
      sandbox,
      '/v1/organizations/usage_report/messages?starting_at=2026-11-01T00:00:00Z&group_by[]=speed',
      { 'anthropic-beta': 'fast-mode-2026-02-01' },
    );
    expect(res.status).toBe(200);
  });
});

describe('cost_report', () => {
  const range = { starting_at: '2026-09-28T00:00:00Z', ending_at: '2026-10-12T00:00:00Z' }; // spans a price change

  it('equals usage × the documented prices, exactly, per workspace and per description', async () => {
    const usageRows = await usage({
      ...range,
      limit: 31,
      service_tiers: ['standard', 'batch'],
      group_by: ['workspace_id', 'model', 'service_tier', 'context_window', 'inference_geo'],
    });
    const costByWs = await cost({ ...range, group_by: ['workspace_id'] });
    const costByDesc = await cost({ ...range, group_by: ['description'] });
    expect(costByWs.map((b) => b.starting_at)).toEqual(usageRows.map((b) => b.starting_at));
    let checked = 0;
    usageRows.forEach((bucket, i) => {
      const day = bucket.starting_at.slice(0, 10);
      const expectedByWs = new Map<string, bigint>();
      const expectedByDesc = new Map<string, bigint>();
      for (const r of bucket.results) {
        for (const [tokenType, tokens, cost] of expectedCosts(r, day)) {
          const ws = r.workspace_id ?? 'null';
          expectedByWs.set(ws, (expectedByWs.get(ws) ?? 0n) + cost);
          const k =
            tokenType === 'web_search'
              ? 'web_search'
              : `${r.model}|${r.service_tier}|${tokenType}|${r.context_window}|${r.inference_geo}`;
          if (tokens > 0) expectedByDesc.set(k, (expectedByDesc.get(k) ?? 0n) + cost);
        }
      }
      const gotByWs = new Map(
        costByWs[i]!.results.map((c) => [c.workspace_id ?? 'null', decimalToScaled(c.amount, 12)]),
      );
      expect(gotByWs).toEqual(expectedByWs);
      const gotByDesc = new Map(
        costByDesc[i]!.results.map((c) => [
          c.cost_type === 'web_search'
            ? 'web_search'
            : `${c.model}|${c.service_tier}|${c.token_type}|${c.context_window}|${c.inference_geo}`,
          decimalToScaled(c.amount, 12),
        ]),
      );
      expect(gotByDesc).toEqual(expectedByDesc);
      checked += bucket.results.length;
    });
    expect(checked).toBeGreaterThan(50);
  });

  it('leaves every field but amount and currency null without grouping, and writes amounts as decimal strings', async () => {
    const [bucket] = await cost({ starting_at: '2026-11-03T00:00:00Z', ending_at: '2026-11-04T00:00:00Z' });
    expect(bucket!.results).toHaveLength(1);
    const row = bucket!.results[0]!;
    expect(row.amount).toMatch(/^\d+\.\d+$/);
    expect([row.cost_type, row.description, row.model, row.service_tier, row.token_type, row.workspace_id]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it.each([
    ['hourly buckets', 'bucket_width=1h'],
    ['limit 32', 'limit=32'],
    ['limit 0', 'limit=0'],
    ['group by model', 'group_by[]=model'],
  ])('rejects %s', async (_name, qs) => {
    const res = await rawGet(sandbox, `/v1/organizations/cost_report?starting_at=2026-11-01T00:00:00Z&${qs}`);
    expect(res.status).toBe(400);
  });

  it('defaults to 7 daily buckets per page', async () => {
    const res = await rawGet(sandbox, '/v1/organizations/cost_report?starting_at=2026-10-01T00:00:00Z');
    expect(rep.reportPage(rep.costBucket).parse(res.body).data).toHaveLength(7);
  });
});

describe('usage_report/claude_code', () => {
  it('lists one record per actor for a past day, shaped as documented, paginated', async () => {
    const records: unknown[] = [];
    for await (const r of client.getAPIList('/v1/organizations/usage_report/claude_code', PageCursor<unknown>, {
      query: { starting_at: '2026-11-17', limit: 2 },
    }))
      records.push(rep.claudeCodeRecord.parse(r));
    expect(records.length).toBeGreaterThan(0);
    const actors = records.map((r) => JSON.stringify((r as { actor: unknown }).actor));
    expect(new Set(actors).size).toBe(actors.length);
  });

  it('reports nothing for a future day and rejects a malformed day', async () => {
    const future = await rawGet(sandbox, '/v1/organizations/usage_report/claude_code?starting_at=2026-12-01');
    expect((future.body as { data: unknown[] }).data).toEqual([]);
    expect((await rawGet(sandbox, '/v1/organizations/usage_report/claude_code?starting_at=17-11-2026')).status).toBe(
      400,
    );
    expect(
      (await rawGet(sandbox, '/v1/organizations/usage_report/claude_code?starting_at=2026-11-17&limit=1001')).status,
    ).toBe(400);
  });
});

/** [token type, tokens, cost in 1e-12 cents] for one fine-grained usage row, from the doc price table. */
function expectedCosts(r: UsageResult, day: string): Array<[string, number, bigint]> {
  const rates = ratesOn(r.model!, day);
  const lines: Array<[string, number, string]> = [
    ['uncached_input_tokens', r.uncached_input_tokens, rates.input],
    ['output_tokens', r.output_tokens, rates.output],
    ['cache_read_input_tokens', r.cache_read_input_tokens, rates.read],
    ['cache_creation.ephemeral_1h_input_tokens', r.cache_creation.ephemeral_1h_input_tokens, rates.write1h],
    ['cache_creation.ephemeral_5m_input_tokens', r.cache_creation.ephemeral_5m_input_tokens, rates.write5m],
  ];
  const out: Array<[string, number, bigint]> = lines.map(([type, tokens, usdPerMTok]) => {
    // cents = tokens × usd/MTok × 100 / 1e6; in 1e-12 cents: tokens × (rate × 1e4) × 1e4
    let num = BigInt(tokens) * decimalToScaled(usdPerMTok, 4) * 10_000n;
    let den = 1n;
    if (r.service_tier === 'batch') den *= 2n; // Batch = 50 %
    if (r.inference_geo === 'us' && /^claude-opus-(4-6|5)/.test(r.model!)) {
      num *= 11n;
      den *= 10n;
    }
    if (r.context_window === '200k-1M' && r.model!.startsWith('claude-sonnet-4-5')) {
      if (type === 'output_tokens') {
        num *= 3n;
        den *= 2n;
      } else num *= 2n;
    }
    expect(num % den).toBe(0n);
    return [type, tokens, num / den];
  });
  out.push([
    'web_search',
    r.server_tool_use.web_search_requests,
    BigInt(r.server_tool_use.web_search_requests) * 1_000_000_000_000n,
  ]);
  return out;
}
