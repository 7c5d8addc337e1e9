// The report size errors of SDK 1.15 (admin-api.md §8) as the sandbox serves them: a per-page result cap answers
// 400 report_page_too_large, and a day with too many groups answers 400 too_many_report_groups naming an endpoint;
// both off by default, set at start or through the control API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';

const NOW = new Date('2026-11-20T12:00:00Z');
let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 4, now: NOW, freezeClock: true });
});
afterAll(() => sandbox.close());

async function get(path: string, query: Record<string, string | string[]>) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) params.append(k, one);
  const res = await fetch(`${sandbox.url}${path}?${params}`, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      data?: Array<{ results: unknown[] }>;
      error?: { message: string; details?: { error_code?: string } };
    },
  };
}

async function limits(body: unknown) {
  const res = await fetch(`${sandbox.controlUrl}/report-limits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const hourly = (limit: number) =>
  get('/v1/organizations/usage_report/messages', {
    starting_at: '2026-11-10T00:00:00Z',
    ending_at: '2026-11-17T00:00:00Z',
    bucket_width: '1h',
    group_by: ['api_key_id', 'model'],
    limit: String(limit),
  });

describe('sandbox report size limits', () => {
  it('serves any page size while no cap is set', async () => {
    const page = await hourly(168);
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(168);
  });

  it('with a result cap, refuses a page over it with report_page_too_large, and serves a smaller one', async () => {
    const full = await hourly(168);
    const results = full.body.data!.reduce((n, b) => n + b.results.length, 0);
    expect(results).toBeGreaterThan(20);
    expect((await limits({ maxPageResults: 20 })).body).toMatchObject({ maxPageResults: 20 });
    const refused = await hourly(168);
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.error_code).toBe('report_page_too_large');
    expect(refused.body.error?.message).toMatch(/lower `limit`/);
    const small = await hourly(1);
    expect(small.status).toBe(200);
    expect(small.body.data![0]!.results.length).toBeLessThanOrEqual(20);
    await limits({ maxPageResults: null });
    expect((await hourly(168)).status).toBe(200);
  });

  it('a too-many-groups day refuses every page that holds it, naming the endpoint; other days are served', async () => {
    await limits({ tooManyGroupsDays: ['2026-11-12'] });
    const cost = (start: string, end: string) =>
      get('/v1/organizations/cost_report', {
        starting_at: start,
        ending_at: end,
        group_by: ['workspace_id', 'description'],
      });
    const refused = await cost('2026-11-10T00:00:00Z', '2026-11-14T00:00:00Z');
    expect(refused.status).toBe(400);
    expect(refused.body.error?.details?.error_code).toBe('too_many_report_groups');
    expect(refused.body.error?.message).toMatch(/2026-11-12.*\/v1\/organizations\/cost_report/);
    expect((await cost('2026-11-13T00:00:00Z', '2026-11-16T00:00:00Z')).status).toBe(200);
    expect((await hourly(168)).status).toBe(400); // the hourly usage of that day too
    await limits({ tooManyGroupsDays: [] });
    expect((await cost('2026-11-10T00:00:00Z', '2026-11-14T00:00:00Z')).status).toBe(200);
  });

  it('refuses a malformed control request', async () => {
    expect((await limits({ maxPageResults: 0 })).status).toBe(400);
    expect((await limits({ tooManyGroupsDays: ['12 Nov'] })).status).toBe(400);
  });
});
