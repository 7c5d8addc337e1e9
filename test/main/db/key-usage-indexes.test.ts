import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ApiReportBucket, ApiUsageResult } from '../../../main/core/api-types';
import { usageBucketRows } from '../../../main/core/sync/report-rows';
import { migrate, type Migration } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';

const DAY = 86_400_000;
const OCT_31 = Date.UTC(2026, 9, 31);
const NOV_1 = Date.UTC(2026, 10, 1);
const NOV_30 = Date.UTC(2026, 10, 30);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const TOKENS = [
  'uncached_input_tokens',
  'cache_creation_5m_input_tokens',
  'cache_creation_1h_input_tokens',
  'cache_read_input_tokens',
  'output_tokens',
] as const;

/** A usage_report/messages result grouped by workspace, key and model, as admin-api.md §4.1 documents it. */
const usage = (key: string | null, model: string | null, n: number): ApiUsageResult => ({
  uncached_input_tokens: n,
  cache_creation: { ephemeral_1h_input_tokens: 2 * n, ephemeral_5m_input_tokens: 3 * n },
  cache_read_input_tokens: 4 * n,
  output_tokens: 5 * n,
  server_tool_use: { web_search_requests: 0 },
  api_key_id: key,
  workspace_id: 'wrkspc_a',
  model,
});
const bucket = (dayMs: number, results: ApiUsageResult[]): ApiReportBucket<ApiUsageResult> => ({
  starting_at: iso(dayMs),
  ending_at: iso(dayMs + DAY),
  results,
});

/** The rollup as stored, and the same figures grouped from the raw rows: "month|key|model" → the five sums + count. */
function rollup(db: Database.Database): Record<string, number[]> {
  const rows = db.prepare(`SELECT * FROM usage_key_month_rollup`).all() as Array<Record<string, number | string>>;
  return Object.fromEntries(
    rows.map((r) => [
      `${r['month_start_ms']}|${r['api_key_id']}|${r['model_key']}`,
      [...TOKENS.map((t) => r[t] as number), r['row_count'] as number],
    ]),
  );
}
function rawSums(db: Database.Database): Record<string, number[]> {
  const rows = db.prepare(`SELECT * FROM usage_daily WHERE api_key_id IS NOT NULL`).all() as Array<
    Record<string, number | string | null>
  >;
  const sums: Record<string, number[]> = {};
  for (const r of rows) {
    const day = new Date(r['bucket_start_ms'] as number);
    const key = `${Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), 1)}|${r['api_key_id']}|${r['model'] ?? ''}`;
    const sum = (sums[key] ??= [0, 0, 0, 0, 0, 0]);
    TOKENS.forEach((t, i) => (sum[i]! += r[t] as number));
    sum[5]! += 1;
  }
  return sums;
}

describe('usage_key_month_rollup (migration 311)', () => {
  let db: Database.Database;
  let store: SqliteMirrorStore;

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    store = new SqliteMirrorStore(db);
  });

  function writeUsagePage(buckets: Array<ApiReportBucket<ApiUsageResult>>, replace = true): void {
    const pass = store.openPass('usage_daily', '', 1, '{}');
    const made = buckets.map((b) => usageBucketRows('usage_daily', b));
    store.applyReportPage(
      'usage_daily',
      pass,
      { replaceBuckets: replace ? made.map((b) => b.bucketStartMs) : [], rows: made.flatMap((b) => b.rows) },
      'next',
      null,
      1,
    );
  }

  it('sums each UTC month per key and model, files a row without model under "", and leaves key-less rows out', () => {
    writeUsagePage([
      bucket(OCT_31, [usage('apikey_a', 'claude-opus-5', 1)]),
      bucket(NOV_1, [
        usage('apikey_a', 'claude-opus-5', 10),
        usage('apikey_a', null, 7),
        usage(null, 'claude-opus-5', 1000),
      ]),
      bucket(NOV_30, [usage('apikey_a', 'claude-opus-5', 100), usage('apikey_b', 'claude-haiku-4-5', 2)]),
    ]);
    expect(rollup(db)).toEqual(rawSums(db));
    expect(rollup(db)).toEqual({
      [`${Date.UTC(2026, 9, 1)}|apikey_a|claude-opus-5`]: [1, 3, 2, 4, 5, 1],
      [`${NOV_1}|apikey_a|claude-opus-5`]: [110, 330, 220, 440, 550, 2],
      [`${NOV_1}|apikey_a|`]: [7, 21, 14, 28, 35, 1],
      [`${NOV_1}|apikey_b|claude-haiku-4-5`]: [2, 6, 4, 8, 10, 1],
    });
  });

  it('follows a re-synced day that replaces its rows (tokens change, a group disappears)', () => {
    writeUsagePage([bucket(NOV_1, [usage('apikey_a', 'claude-opus-5', 10), usage('apikey_b', 'claude-opus-5', 3)])]);
    writeUsagePage([bucket(NOV_1, [usage('apikey_a', 'claude-opus-5', 12)])]);
    expect(rollup(db)).toEqual(rawSums(db));
    expect(Object.keys(rollup(db))).toEqual([`${NOV_1}|apikey_a|claude-opus-5`]);
  });

  it('follows rows updated in place, also when an update moves a row to another key, model or month', () => {
    writeUsagePage([bucket(NOV_1, [usage('apikey_a', 'claude-opus-5', 10), usage('apikey_b', 'claude-opus-5', 1)])]);
    writeUsagePage([bucket(NOV_1, [usage('apikey_a', 'claude-opus-5', 4)])], false); // upsert of the same group
    expect(rollup(db)).toEqual(rawSums(db));
    db.prepare(`UPDATE usage_daily SET api_key_id = 'apikey_c', model = NULL WHERE api_key_id = 'apikey_b'`).run();
    expect(rollup(db)).toEqual(rawSums(db));
    db.prepare(`UPDATE usage_daily SET bucket_start_ms = ? WHERE api_key_id = 'apikey_c'`).run(OCT_31);
    expect(rollup(db)).toEqual(rawSums(db));
    db.prepare(`UPDATE usage_daily SET api_key_id = NULL WHERE api_key_id = 'apikey_c'`).run();
    expect(rollup(db)).toEqual(rawSums(db));
    expect(Object.keys(rollup(db))).toEqual([`${NOV_1}|apikey_a|claude-opus-5`]);
  });

  it('the migration backfills the rollup from rows mirrored before it, and follows them from then on', () => {
    const old = new Database(':memory:');
    const upTo = (id: number): Migration[] => MIGRATIONS.filter((m) => m.id <= id);
    migrate(old, upTo(310));
    const insert = old.prepare(
      `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens, cache_creation_1h_input_tokens,
         cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms)
       VALUES (?, ?, 'wrkspc_a', ?, ?, ?, 0, 0, 0, 1, 0, 1)`,
    );
    insert.run(NOV_1, '1', 'apikey_a', 'claude-opus-5', 5);
    insert.run(NOV_1 + DAY, '1', 'apikey_a', 'claude-opus-5', 6);
    insert.run(NOV_1, '2', 'apikey_a', null, 7);
    insert.run(NOV_1, '3', null, 'claude-opus-5', 8);
    insert.run(OCT_31, '1', 'apikey_b', 'claude-opus-5', 9);
    expect(migrate(old, MIGRATIONS)).toContain(311);
    expect(rollup(old)).toEqual(rawSums(old));
    expect(rollup(old)[`${NOV_1}|apikey_a|claude-opus-5`]).toEqual([11, 0, 0, 0, 2, 2]);
    old.prepare('DELETE FROM usage_daily WHERE bucket_start_ms = ?').run(NOV_1);
    expect(rollup(old)).toEqual(rawSums(old));
    expect(rollup(old)[`${NOV_1}|apikey_a|claude-opus-5`]).toEqual([6, 0, 0, 0, 1, 1]);
  });
});

describe('usage_daily_key_last_used (migration 311)', () => {
  const LAST_USED = `SELECT MAX(d.bucket_start_ms) FROM usage_daily d WHERE d.api_key_id = ?
    AND (uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens) > 0`;

  it('answers a key’s last day with tokens from the partial index, skipping later days without tokens', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const store = new SqliteMirrorStore(db);
    const pass = store.openPass('usage_daily', '', 1, '{}');
    const made = [
      bucket(OCT_31, [usage('apikey_a', 'claude-opus-5', 1)]),
      bucket(NOV_1, [usage('apikey_a', 'claude-opus-5', 0)]),
    ].map((b) => usageBucketRows('usage_daily', b));
    store.applyReportPage(
      'usage_daily',
      pass,
      { replaceBuckets: made.map((b) => b.bucketStartMs), rows: made.flatMap((b) => b.rows) },
      null,
      null,
      1,
    );
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${LAST_USED}`).all('apikey_a') as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toMatch(/USING (COVERING )?INDEX usage_daily_key_last_used/);
    expect(db.prepare(LAST_USED).pluck().get('apikey_a')).toBe(OCT_31);
    expect(db.prepare(LAST_USED).pluck().get('apikey_none')).toBeNull();
  });
});
