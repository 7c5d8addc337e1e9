import { describe, expect, it } from 'vitest';
import {
  claudeCodeDayMs,
  claudeCodeRow,
  costBucketRows,
  usageBucketRows,
  usageBucketsPacked,
} from '../../../../main/core/sync/report-rows';
import { unpackRows } from '../../../../main/core/sync/row-columns';
import { MoneyPrecisionError } from '../../../../main/core/money';

// Results as admin-api.md §4.1–4.3 document them.
const usage = (over: Record<string, unknown>) => ({
  uncached_input_tokens: 10,
  cache_creation: { ephemeral_1h_input_tokens: 1, ephemeral_5m_input_tokens: 2 },
  cache_read_input_tokens: 3,
  output_tokens: 4,
  server_tool_use: { web_search_requests: 5 },
  workspace_id: null,
  model: 'claude-sonnet-4-5-20250929',
  ...over,
});

describe('report rows', () => {
  it('keys usage rows on bucket start + every grouping field, keeping the default workspace (null) distinct', () => {
    const b = usageBucketRows('usage_daily', {
      starting_at: '2026-11-01T00:00:00Z',
      ending_at: '2026-11-02T00:00:00Z',
      results: [usage({}), usage({ workspace_id: 'wrkspc_1' })],
    });
    expect(b.bucketStartMs).toBe(Date.parse('2026-11-01T00:00:00Z'));
    expect(b.rows.map((r) => r.group_key)).toEqual([
      '[null,null,"claude-sonnet-4-5-20250929"]',
      '["wrkspc_1",null,"claude-sonnet-4-5-20250929"]',
    ]);
    expect(b.rows[0]).toMatchObject({
      cache_creation_1h_input_tokens: 1,
      cache_creation_5m_input_tokens: 2,
      web_search_requests: 5,
    });
  });

  it('sums two results of the same group in one bucket rather than losing one', () => {
    const b = usageBucketRows('usage_daily', {
      starting_at: '2026-11-01T00:00:00Z',
      ending_at: '2026-11-02T00:00:00Z',
      results: [usage({}), usage({})],
    });
    expect(b.rows).toHaveLength(1);
    expect(b.rows[0]!.output_tokens).toBe(8);
  });

  it('packs a page of buckets: a group seen in two buckets has a row in each, one repeated in a bucket is summed', () => {
    const day = (d: string, results: Array<ReturnType<typeof usage>>) => ({
      starting_at: `2026-11-${d}T00:00:00Z`,
      ending_at: `2026-11-${d}T23:59:59Z`,
      results,
    });
    const { packed, bucketStarts } = usageBucketsPacked('usage_daily', [
      day('01', [usage({ api_key_id: 'apikey_1' }), usage({}), usage({ api_key_id: 'apikey_1', output_tokens: 6 })]),
      day('02', [usage({}), usage({ model: 'claude-opus-4-1-20250805' }), usage({ workspace_id: 'wrkspc_1' })]),
    ]);
    expect(bucketStarts).toEqual([Date.parse('2026-11-01T00:00:00Z'), Date.parse('2026-11-02T00:00:00Z')]);
    const rows = unpackRows(packed).map((r) => [r.bucket_start_ms, r.group_key, r.workspace_id, r.output_tokens]);
    const first = Date.parse('2026-11-01T00:00:00Z');
    const second = Date.parse('2026-11-02T00:00:00Z');
    expect(rows).toEqual([
      [first, '[null,"apikey_1","claude-sonnet-4-5-20250929"]', null, 10],
      [first, '[null,null,"claude-sonnet-4-5-20250929"]', null, 4],
      [second, '[null,null,"claude-sonnet-4-5-20250929"]', null, 4],
      [second, '[null,null,"claude-opus-4-1-20250805"]', null, 4],
      [second, '["wrkspc_1",null,"claude-sonnet-4-5-20250929"]', 'wrkspc_1', 4],
    ]);
  });

  it('turns cost amounts into exact nanocents and refuses over-precise ones', () => {
    const b = costBucketRows({
      starting_at: '2026-11-01T00:00:00Z',
      ending_at: '2026-11-02T00:00:00Z',
      results: [
        {
          amount: '123.78912',
          currency: 'USD',
          workspace_id: 'wrkspc_1',
          description: 'Claude Sonnet 4 Usage - Input Tokens',
        },
      ],
    });
    expect(b.rows[0]).toMatchObject({ amount_nanocents: 123_789_120_000n, workspace_id: 'wrkspc_1' });
    expect(() =>
      costBucketRows({
        starting_at: '2026-11-01T00:00:00Z',
        ending_at: '2026-11-02T00:00:00Z',
        results: [{ amount: '0.0000000001', currency: 'USD' }],
      }),
    ).toThrow(MoneyPrecisionError);
  });

  it('reads Claude Code dates as YYYY-MM-DD or as a timestamp, and sums estimated cost exactly', () => {
    expect(claudeCodeDayMs('2025-08-08')).toBe(Date.parse('2025-08-08T00:00:00Z'));
    expect(claudeCodeDayMs('2025-08-08T00:00:00Z')).toBe(Date.parse('2025-08-08T00:00:00Z'));
    const row = claudeCodeRow({
      date: '2025-08-08T00:00:00Z',
      actor: { type: 'api_actor', api_key_name: 'ci' },
      customer_type: 'api',
      terminal_type: 'vscode',
      core_metrics: {
        num_sessions: 2,
        lines_of_code: { added: 10, removed: 3 },
        commits_by_claude_code: 1,
        pull_requests_by_claude_code: 0,
      },
      tool_actions: { edit_tool: { accepted: 1, rejected: 0 } },
      model_breakdown: [
        {
          model: 'a',
          tokens: { input: 1, output: 1, cache_read: 0, cache_creation: 0 },
          estimated_cost: { amount: 0.1, currency: 'USD' },
        },
        {
          model: 'b',
          tokens: { input: 1, output: 1, cache_read: 0, cache_creation: 0 },
          estimated_cost: { amount: 0.2, currency: 'USD' },
        },
      ],
    });
    expect(row).toMatchObject({
      actor_type: 'api_actor',
      actor_id: 'ci',
      estimated_cost_nanocents: 300_000_000n,
      lines_added: 10,
    });
  });
});
