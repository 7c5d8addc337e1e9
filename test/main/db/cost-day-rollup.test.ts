import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiCostResult, ApiReportBucket } from '../../../main/core/api-types';
import { costBucketRows } from '../../../main/core/sync/report-rows';
import { migrate, type Migration } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { queryReport } from '../../../main/db/queries/report-query';

const DAY = 86_400_000;
const NOV_1 = Date.UTC(2026, 10, 1);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

/** A cost result as admin-api.md §4.2 documents it (grouped by workspace and description). */
const result = (workspace: string | null, description: string, amount: string): ApiCostResult => ({
  amount,
  currency: 'USD',
  cost_type: 'tokens',
  description,
  model: 'claude-sonnet-4-5',
  service_tier: 'standard',
  token_type: 'output_tokens',
  context_window: '0-200k',
  inference_geo: 'global',
  workspace_id: workspace,
});
const bucket = (dayMs: number, results: ApiCostResult[]): ApiReportBucket<ApiCostResult> => ({
  starting_at: iso(dayMs),
  ending_at: iso(dayMs + DAY),
  results,
});

/** The rollup as stored, and the same figures summed from the raw rows, both as (day, workspace, currency) → BigInt. */
function rollup(db: Database.Database): Record<string, bigint> {
  const rows = db
    .prepare(
      'SELECT bucket_start_ms AS d, workspace_key AS w, currency AS c, amount_nanocents AS a FROM cost_day_rollup',
    )
    .safeIntegers(true)
    .all() as Array<{ d: bigint; w: string; c: string; a: bigint }>;
  return Object.fromEntries(rows.map((r) => [`${r.d}|${r.w}|${r.c}`, r.a]));
}
function rawSums(db: Database.Database): Record<string, bigint> {
  const rows = db
    .prepare('SELECT bucket_start_ms AS d, workspace_id AS w, currency AS c, amount_nanocents AS a FROM cost_daily')
    .safeIntegers(true)
    .all() as Array<{ d: bigint; w: string | null; c: string; a: bigint }>;
  const sums: Record<string, bigint> = {};
  for (const r of rows) {
    const key = `${r.d}|${r.w ?? ''}|${r.c}`;
    sums[key] = (sums[key] ?? 0n) + r.a;
  }
  return sums;
}

describe('cost_day_rollup (migration 310)', () => {
  let db: Database.Database;
  let store: SqliteMirrorStore;

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    store = new SqliteMirrorStore(db);
  });

  function writeCostPage(buckets: Array<ApiReportBucket<ApiCostResult>>, replace = true): void {
    const pass = store.openPass('cost_daily', '', 1, '{}');
    const made = buckets.map(costBucketRows);
    store.applyReportPage(
      'cost_daily',
      pass,
      { replaceBuckets: replace ? made.map((b) => b.bucketStartMs) : [], rows: made.flatMap((b) => b.rows) },
      'next',
      null,
      1,
    );
  }

  it('equals the raw SUM per day and workspace after a page, the default workspace (null) included', () => {
    writeCostPage([
      bucket(NOV_1, [
        result('wrkspc_a', 'Sonnet output', '123.78912'),
        result('wrkspc_a', 'Sonnet input', '0.000000001'),
        result(null, 'Sonnet output', '5'),
      ]),
      bucket(NOV_1 + DAY, [result('wrkspc_b', 'Sonnet output', '7.5')]),
    ]);
    expect(rollup(db)).toEqual(rawSums(db));
    expect(rollup(db)[`${NOV_1}|wrkspc_a|USD`]).toBe(123_789_120_001n);
    expect(rollup(db)[`${NOV_1}||USD`]).toBe(5_000_000_000n);
  });

  it('follows a re-synced settling day that replaces its rows (amounts change, a group disappears)', () => {
    writeCostPage([
      bucket(NOV_1, [
        result('wrkspc_a', 'Sonnet output', '10'),
        result('wrkspc_a', 'Sonnet input', '1'),
        result('wrkspc_c', 'Sonnet output', '3'),
      ]),
    ]);
    writeCostPage([bucket(NOV_1, [result('wrkspc_a', 'Sonnet output', '12.5')])]);
    expect(rollup(db)).toEqual(rawSums(db));
    expect(rollup(db)).toEqual({ [`${NOV_1}|wrkspc_a|USD`]: 12_500_000_000n });
  });

  it('follows a row updated in place (a later page of the same bucket upserting a group it already holds)', () => {
    writeCostPage([
      bucket(NOV_1, [result('wrkspc_a', 'Sonnet output', '10'), result('wrkspc_a', 'Sonnet input', '1')]),
    ]);
    writeCostPage(
      [bucket(NOV_1, [result('wrkspc_a', 'Sonnet output', '4'), result('wrkspc_b', 'Sonnet output', '2')])],
      false,
    );
    expect(rollup(db)).toEqual(rawSums(db));
    expect(rollup(db)[`${NOV_1}|wrkspc_a|USD`]).toBe(5_000_000_000n);
  });

  it('a page that fails mid-way (a row the table refuses) leaves rollup and rows as they were', () => {
    writeCostPage([bucket(NOV_1, [result('wrkspc_a', 'Sonnet output', '10')])]);
    const before = { rollup: rollup(db), raw: rawSums(db) };
    const pass = store.openPass('cost_daily', '', 1, '{}');
    const good = costBucketRows(
      bucket(NOV_1, [result('wrkspc_a', 'Sonnet output', '99'), result('wrkspc_b', 'Sonnet output', '1')]),
    ).rows;
    const refused = { ...good[0]!, group_key: '["x"]', currency: null }; // currency is NOT NULL
    expect(() =>
      store.applyReportPage('cost_daily', pass, { replaceBuckets: [NOV_1], rows: [...good, refused] }, 'next', null, 1),
    ).toThrow(/NOT NULL/);
    expect(rollup(db)).toEqual(before.rollup);
    expect(rawSums(db)).toEqual(before.raw);
  });

  it('queryReport cost by workspace (answered from the rollup) equals the per-description rows summed', () => {
    writeCostPage([
      bucket(NOV_1, [
        result('wrkspc_a', 'Sonnet output', '0.1'),
        result('wrkspc_a', 'Sonnet input', '0.2'),
        result(null, 'Sonnet output', '1'),
      ]),
      bucket(NOV_1 + DAY, [
        result('wrkspc_a', 'Sonnet output', '0.000000003'),
        result('wrkspc_b', 'Sonnet output', '2'),
      ]),
      bucket(NOV_1 + 2 * DAY, [result('wrkspc_b', 'Sonnet output', '1000')]), // outside the range below
    ]);
    const byWorkspace = queryReport(db, { kind: 'cost', from: '2026-11-01', to: '2026-11-02', groupBy: 'workspace' });
    expect(byWorkspace.rows).toEqual([
      { workspace_id: null, amount_cents: '1', currency: 'USD' },
      { workspace_id: 'wrkspc_a', amount_cents: '0.300000003', currency: 'USD' },
      { workspace_id: 'wrkspc_b', amount_cents: '2', currency: 'USD' },
    ]);
    // The raw path (by description) over the same range adds up to the same total.
    const byDescription = queryReport(db, {
      kind: 'cost',
      from: '2026-11-01',
      to: '2026-11-02',
      groupBy: 'description',
    });
    const cents = (rows: Array<{ amount_cents: unknown }>) =>
      rows.reduce((s, r) => s + toNano(String(r.amount_cents)), 0n);
    expect(cents(byWorkspace.rows as never)).toBe(cents(byDescription.rows as never));
  });

  it('the migration backfills the rollup from rows mirrored before it', () => {
    const old = new Database(':memory:');
    const upTo = (id: number): Migration[] => MIGRATIONS.filter((m) => m.id <= id);
    migrate(old, upTo(300));
    const insert = old.prepare(
      `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, currency, amount_nanocents, fetched_at_ms) VALUES (?, ?, ?, ?, 'USD', ?, 1)`,
    );
    insert.run(NOV_1, '["a","x"]', 'wrkspc_a', 'x', 1_000_000_001n);
    insert.run(NOV_1, '["a","y"]', 'wrkspc_a', 'y', 2n);
    insert.run(NOV_1, '[null,"x"]', null, 'x', 7n);
    insert.run(NOV_1 + DAY, '["a","x"]', 'wrkspc_a', 'x', 5n);
    expect(migrate(old, MIGRATIONS)).toContain(310);
    expect(rollup(old)).toEqual(rawSums(old));
    expect(rollup(old)[`${NOV_1}|wrkspc_a|USD`]).toBe(1_000_000_003n);
    // …and keeps following the rows from then on.
    old.prepare('DELETE FROM cost_daily WHERE bucket_start_ms = ?').run(NOV_1);
    expect(rollup(old)).toEqual({ [`${NOV_1 + DAY}|wrkspc_a|USD`]: 5n });
  });
});

/** "0.300000003" cents → nanocents, exactly. */
function toNano(cents: string): bigint {
  const [whole, frac = ''] = cents.split('.');
  return BigInt(whole!) * 1_000_000_000n + BigInt(frac.padEnd(9, '0'));
}

describe('queryReport cost by workspace past the int64 range of SQLite sum()', () => {
  it('falls back to summing the days in BigInt, still exact', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const insert = db.prepare(
      `INSERT INTO cost_daily (bucket_start_ms, group_key, workspace_id, description, currency, amount_nanocents, fetched_at_ms) VALUES (?, '["a","x"]', 'wrkspc_a', 'x', 'USD', ?, 1)`,
    );
    const big = 6_000_000_000_000_000_000n; // 6e18 nanocents a day: two days exceed int64
    insert.run(NOV_1, big);
    insert.run(NOV_1 + DAY, big);
    const report = queryReport(db, { kind: 'cost', from: '2026-11-01', to: '2026-11-02', groupBy: 'workspace' });
    expect(report.rows).toEqual([{ workspace_id: 'wrkspc_a', amount_cents: '12000000000', currency: 'USD' }]);
  });
});
