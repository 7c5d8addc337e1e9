/** Unknown models and tiers never get a silent price: their tokens are counted and named, the estimate leaves them out. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { readUsageSeries } from '../../../main/db/queries/usage-series';

const HOUR = 3_600_000;
const day = Date.UTC(2026, 10, 20);
const now = Date.UTC(2026, 10, 21, 12);
let db: MirrorDb;

beforeEach(() => {
  db = openMirror(':memory:');
  db.prepare(
    `INSERT INTO workspaces (id, name, created_at_ms, is_default, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES ('wrkspc_01PROD', 'Production', 0, 0, 0, 0, 1)`,
  ).run();
});
afterEach(() => db.close());

function hourly(hour: number, workspaceId: string | null, model: string, tier: string, output: number): void {
  db.prepare(
    `INSERT INTO usage_hourly (bucket_start_ms, group_key, workspace_id, model, service_tier, context_window, inference_geo, uncached_input_tokens,
       cache_creation_1h_input_tokens, cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms)
     VALUES (?, ?, ?, ?, ?, '0-200k', 'global', 0, 0, 0, 0, ?, 0, 0)`,
  ).run(day + hour * HOUR, JSON.stringify([workspaceId, model, tier, hour]), workspaceId, model, tier, output);
}

describe('tokens without a known price', () => {
  it('are counted per group and named, and left out of the estimate', () => {
    hourly(1, 'wrkspc_01PROD', 'claude-haiku-4-5', 'standard', 1_000_000); // $5 → 500 cents
    hourly(2, 'wrkspc_01PROD', 'claude-fable-5-2', 'standard', 300); // no published price
    hourly(3, null, 'claude-opus-5', 'priority', 70); // Priority Tier: billed outside the cost report
    const series = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'day',
        groupBy: 'workspace',
        metric: 'cost',
      },
      now,
    );
    const groups = Object.fromEntries(series.groups.map((g) => [g.key, g]));
    expect(groups.wrkspc_01PROD).toMatchObject({
      label: 'Production',
      totals: { estimateCents: '500', unpricedTokens: 300 },
    });
    expect(groups.default).toMatchObject({
      label: 'Default Workspace',
      totals: { estimateCents: '0', unpricedTokens: 70 },
    });
    expect(series.totals).toMatchObject({
      estimateCents: '500',
      unpricedTokens: 370,
      unpricedModels: ['claude-fable-5-2', 'claude-opus-5 (priority tier)'],
    });
    // no cost rows: billed exists as a column for days by workspace, and is zero
    expect(series.totals.billedCents).toBe('0');
  });

  it('compares billed token cost with the estimate, and keeps web search in billed only', () => {
    hourly(1, 'wrkspc_01PROD', 'claude-haiku-4-5', 'standard', 1_000_000);
    const cost = db.prepare(
      `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, cost_type, model, currency, amount_nanocents, fetched_at_ms) VALUES (?, ?, 'wrkspc_01PROD', ?, ?, ?, 'USD', ?, 0)`,
    );
    cost.run(day, 'a', 'Claude Haiku 4.5 Usage - Output Tokens', 'tokens', 'claude-haiku-4-5', 510_000_000_000n); // 510 cents
    cost.run(day, 'b', 'Web Search Usage', 'web_search', null, 3_000_000_000n); // 3 cents
    const series = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'day',
        groupBy: 'workspace',
        metric: 'cost',
      },
      now,
    );
    expect(series.groups[0]).toMatchObject({
      billedCents: ['513'],
      estimateCents: ['500'],
      totals: {
        billedCents: '513',
        billedTokenCents: '510',
        estimateCents: '500',
        differenceCents: '13',
        notEstimated: [{ costType: 'web_search', cents: '3' }],
        unexplainedCents: '10',
      },
    });
    const byModel = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'day',
        groupBy: 'model',
        metric: 'cost',
      },
      now,
    );
    expect(byModel.groups.map((g) => [g.label, g.totals.billedCents])).toEqual([
      ['claude-haiku-4-5', '510'],
      ['Not a model (web search, code execution)', '3'],
    ]);
  });

  it('puts hours into their bucket and reads an empty mirror as zero', () => {
    hourly(5, 'wrkspc_01PROD', 'claude-haiku-4-5', 'batch', 2_000_000); // batch: half of $10 → 500 cents
    const series = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'hour',
        groupBy: 'model',
        metric: 'output',
      },
      now,
    );
    expect(series.bucketStartsMs).toHaveLength(24);
    expect(series.groups[0]!.tokens[5]).toBe(2_000_000);
    expect(series.groups[0]!.estimateCents[5]).toBe('500');
    expect(series.groups[0]!.tokens.reduce((a, b) => a + b, 0)).toBe(2_000_000);
    db.exec('DELETE FROM usage_hourly');
    expect(
      readUsageSeries(
        db,
        { range: { kind: 'preset', preset: '7d' }, bucket: 'day', groupBy: 'workspace', metric: 'tokens' },
        now,
      ).groups,
    ).toEqual([]);
  });
});

describe('group labels', () => {
  it('names keys with their workspace, and tells apart any labels still shared', () => {
    const key = db.prepare(
      `INSERT INTO api_keys (id, name, status, created_at_ms, partial_key_hint, created_by_id, created_by_type, has_legacy_workspace_id, workspace_id, first_seen_at_ms, last_seen_at_ms, seen_pass)
       VALUES (?, 'backend', 'active', 0, 'sk-ant-api03-R2D...igAA', 'user_01ADA', 'user', 0, ?, 0, 0, 1)`,
    );
    key.run('apikey_01A', 'wrkspc_01PROD');
    key.run('apikey_01B', null);
    key.run('apikey_01C', 'wrkspc_01PROD');
    const usage = db.prepare(
      `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens, cache_creation_1h_input_tokens,
         cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms) VALUES (?, ?, NULL, ?, 'claude-haiku-4-5', 0, 0, 0, 0, ?, 0, 0)`,
    );
    usage.run(day, 'a', 'apikey_01A', 3);
    usage.run(day, 'b', 'apikey_01B', 2);
    usage.run(day, 'c', 'apikey_01C', 1);
    usage.run(day, 'd', null, 4);
    const series = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'day',
        groupBy: 'key',
        metric: 'tokens',
      },
      now,
    );
    expect(series.groups.map((g) => g.label)).toEqual([
      'No key (Console and Workbench)',
      'backend (Production) [apikey_01A]',
      'backend (Default Workspace)',
      'backend (Production) [apikey_01C]',
    ]);
  });
});

describe('per-key estimates', () => {
  it('share the hourly cell out (batch priced exactly), give zero where the cell is all Priority Tier, and list price where the hourly report has no cell', () => {
    db.prepare(`INSERT INTO report_coverage (resource, from_ms, to_ms) VALUES ('usage_hourly', ?, ?)`).run(day, now);
    hourly(1, 'wrkspc_01PROD', 'claude-haiku-4-5', 'batch', 2_000_000); // $10 list, $5 batch → 500 cents
    hourly(2, 'wrkspc_01PROD', 'claude-opus-5', 'priority', 1_000);
    const usage = db.prepare(
      `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens, cache_creation_1h_input_tokens,
         cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms) VALUES (?, ?, ?, ?, ?, 0, 0, 0, 0, ?, 0, 0)`,
    );
    usage.run(day, 'a', 'wrkspc_01PROD', 'apikey_01A', 'claude-haiku-4-5', 1_500_000);
    usage.run(day, 'b', 'wrkspc_01PROD', 'apikey_01B', 'claude-haiku-4-5', 500_000);
    usage.run(day, 'c', 'wrkspc_01PROD', 'apikey_01A', 'claude-opus-5', 1_000);
    usage.run(day, 'd', null, 'apikey_01C', 'claude-haiku-4-5', 1_000_000); // no hourly cell: list price, 500 cents
    const series = readUsageSeries(
      db,
      {
        range: { kind: 'custom', from: '2026-11-20', to: '2026-11-20' },
        bucket: 'day',
        groupBy: 'key',
        metric: 'cost',
      },
      now,
    );
    expect(Object.fromEntries(series.groups.map((g) => [g.key, g.totals.estimateCents]))).toEqual({
      apikey_01A: '375',
      apikey_01B: '125',
      apikey_01C: '500',
    });
  });
});
