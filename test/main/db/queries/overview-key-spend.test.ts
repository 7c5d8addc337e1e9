import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { estimateCostPicocents, picocentsToCents } from '../../../../main/core/pricing';
import { openMirror, type MirrorDb } from '../../../../main/db/open';
import { keyHygiene } from '../../../../main/db/queries/key-hygiene';
import { readKeyBadges, type KeyBadge } from '../../../../main/db/queries/overview-key-spend';
import { readProfileAlertRules } from '../../../../main/db/queries/profile-rules';

const DAY = 86_400_000;
const MODELS = ['claude-opus-5', 'claude-sonnet-5-5', 'claude-haiku-4-5', 'claude-mythos-preview' /* no price */, null];
const NOWS = [
  Date.UTC(2026, 10, 23, 9, 14),
  Date.UTC(2026, 10, 1, 0, 30),
  Date.UTC(2026, 9, 15, 12),
  Date.UTC(2026, 11, 2),
];

/**
 * The badges as they were computed before migration 311, by grouping the whole usage history per key and model
 * (kept here as the reference: the rollup and the partial index must not change a single answer).
 */
function badgesByGroupingHistory(db: Database.Database, nowMs: number): Map<string, KeyBadge> {
  const tokens = `(uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens)`;
  const now = new Date(nowMs);
  const from = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const to = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const inMonth = (column: string): string =>
    `SUM(CASE WHEN bucket_start_ms >= @from AND bucket_start_ms < @to THEN ${column} ELSE 0 END)`;
  const usage = db
    .prepare(
      `SELECT api_key_id AS keyId, model, MAX(CASE WHEN ${tokens} > 0 THEN bucket_start_ms END) AS lastDayMs,
              ${inMonth('uncached_input_tokens')} AS uncachedInput, ${inMonth('cache_creation_5m_input_tokens')} AS cacheWrite5m,
              ${inMonth('cache_creation_1h_input_tokens')} AS cacheWrite1h, ${inMonth('cache_read_input_tokens')} AS cacheRead,
              ${inMonth('output_tokens')} AS output
       FROM usage_daily WHERE api_key_id IS NOT NULL GROUP BY api_key_id, model`,
    )
    .all({ from, to }) as Array<{
    keyId: string;
    model: string | null;
    lastDayMs: number | null;
    uncachedInput: number;
    cacheWrite5m: number;
    cacheWrite1h: number;
    cacheRead: number;
    output: number;
  }>;
  const keys = db
    .prepare(
      `SELECT k.id, k.status, k.created_at_ms AS createdAtMs, k.expires_at_ms AS expiresAtMs, k.created_by_id AS createdById,
              k.created_by_type AS createdByType, (u.id IS NOT NULL) AS creatorKnown, k.workspace_id AS workspaceId, k.scope_type AS scopeType,
              (SELECT id FROM workspaces WHERE is_default = 1) AS defaultId
       FROM api_keys k LEFT JOIN users u ON u.id = k.created_by_id`,
    )
    .all() as Array<{
    id: string;
    status: string;
    createdAtMs: number;
    expiresAtMs: number | null;
    createdById: string | null;
    createdByType: string | null;
    creatorKnown: number;
    workspaceId: string | null;
    scopeType: string | null;
    defaultId: string | null;
  }>;
  const lastDay = new Map<string, number>();
  const picocents = new Map<string, bigint>();
  const context = { atMs: nowMs, serviceTier: null, contextWindow: null, inferenceGeo: null };
  for (const row of usage) {
    if (row.lastDayMs !== null && row.lastDayMs > (lastDay.get(row.keyId) ?? -Infinity))
      lastDay.set(row.keyId, row.lastDayMs);
    const estimate = estimateCostPicocents(row.model, row, context);
    if (estimate !== null) picocents.set(row.keyId, (picocents.get(row.keyId) ?? 0n) + estimate);
  }
  return new Map(
    keys.map((key) => {
      const creatorIsMember = key.createdById === null || key.createdByType !== 'user' ? null : key.creatorKnown === 1;
      const inDefaultWorkspace =
        (key.workspaceId !== null && key.workspaceId === key.defaultId) ||
        (key.workspaceId === null && key.scopeType === null);
      const hygiene = keyHygiene(
        { ...key, creatorIsMember, inDefaultWorkspace, lastUsedDayMs: lastDay.get(key.id) ?? null },
        readProfileAlertRules(db),
        nowMs,
      );
      return [key.id, { estimatedMonthCents: picocentsToCents(picocents.get(key.id) ?? 0n), hygiene }];
    }),
  );
}

/** Deterministic pseudo-random numbers, so a failure reproduces. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

let db: MirrorDb;
let prepared: string[];

beforeEach(() => {
  db = openMirror(':memory:');
  const random = lcg(7);
  const user = db.prepare(
    `INSERT INTO users (id, email, name, role, added_at_ms, first_seen_at_ms, last_seen_at_ms, seen_pass) VALUES (?, ?, ?, 'user', 0, 0, 0, 1)`,
  );
  user.run('user_01ADA', 'ada@acme.example', 'Ada');
  const key = db.prepare(
    `INSERT INTO api_keys (id, name, status, created_at_ms, expires_at_ms, partial_key_hint, created_by_id, created_by_type, has_legacy_workspace_id, workspace_id, first_seen_at_ms, last_seen_at_ms, seen_pass)
     VALUES (?, ?, ?, ?, ?, 'sk-ant-api03-TEST...AAAA', ?, ?, 0, 'wrkspc_01A', 0, 0, 1)`,
  );
  const usage = db.prepare(
    `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens, cache_creation_1h_input_tokens,
       cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens, web_search_requests, fetched_at_ms)
     VALUES (?, ?, 'wrkspc_01A', ?, ?, ?, ?, ?, ?, ?, 0, 0)`,
  );
  for (let k = 0; k < 40; k += 1) {
    const id = `apikey_${String(k).padStart(2, '0')}`;
    const creator = [
      ['user_01ADA', 'user'],
      ['user_01GONE', 'user'],
      ['svcacct_01', 'service_account'],
      [null, null],
    ][k % 4]!;
    const createdAtMs = Date.UTC(2026, 2, 1) + Math.floor(random() * 240) * DAY;
    key.run(
      id,
      `key ${k}`,
      k % 9 === 0 ? 'inactive' : 'active',
      createdAtMs,
      k % 11 === 0 ? Date.UTC(2026, 10, 30) : null,
      creator[0],
      creator[1],
    );
    if (k % 7 === 0) continue; // never used
    for (let day = Date.UTC(2026, 8, 1); day <= Date.UTC(2026, 11, 1); day += DAY) {
      if (random() < 0.6) continue;
      MODELS.forEach((model, m) => {
        if (random() < 0.5) return;
        // Some keys only report empty rows after mid-October: rows, but no tokens (not "used").
        const idle = k % 5 === 0 && day > Date.UTC(2026, 9, 10);
        const n = idle || random() < 0.2 ? 0 : Math.floor(random() * 2_000_000);
        usage.run(
          day,
          `[${k},${m}]`,
          id,
          model,
          n,
          Math.floor(n / 7),
          Math.floor(n / 5),
          Math.floor(n * 3),
          Math.floor(n / 3),
        );
      });
    }
  }
  usage.run(Date.UTC(2026, 10, 3), '[null]', null, 'claude-opus-5', 10, 0, 0, 0, 10); // a row without a key
  prepared = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (prepared.push(sql), prepare(sql))) as typeof db.prepare;
});
afterEach(() => db.close());

describe('readKeyBadges', () => {
  it('gives every key the same estimate and hygiene verdict as grouping the whole usage history did', () => {
    for (const nowMs of NOWS) {
      const badges = readKeyBadges(db, nowMs);
      expect(badges.size).toBe(40);
      expect([...badges].sort()).toEqual([...badgesByGroupingHistory(db, nowMs)].sort());
    }
    // The data covers what the rules look at: priced and unpriced keys this month, dormant and orphaned keys.
    const verdicts = new Set([...readKeyBadges(db, NOWS[0]!).values()].map((badge) => badge.hygiene.verdict));
    expect([...verdicts].sort()).toEqual(['dormant', 'expiring', 'inactive', 'ok', 'orphaned', 'rotate-soon']);
    expect(
      [...readKeyBadges(db, NOWS[0]!).values()].filter((badge) => badge.estimatedMonthCents !== '0').length,
    ).toBeGreaterThan(20);
  });

  it('follows usage written after the first read (the rollup moves with the rows)', () => {
    const nowMs = NOWS[0]!;
    readKeyBadges(db, nowMs);
    db.prepare(
      `UPDATE usage_daily SET output_tokens = output_tokens + 1000000 WHERE api_key_id = 'apikey_01' AND bucket_start_ms >= ?`,
    ).run(Date.UTC(2026, 10, 1));
    db.prepare(`DELETE FROM usage_daily WHERE api_key_id = 'apikey_02'`).run();
    expect([...readKeyBadges(db, nowMs)].sort()).toEqual([...badgesByGroupingHistory(db, nowMs)].sort());
    expect(readKeyBadges(db, nowMs).get('apikey_02')).toMatchObject({
      estimatedMonthCents: '0',
      hygiene: { verdict: expect.not.stringMatching(/^ok$/) },
    });
  });

  it('reads the last day with tokens through the partial index, one seek per key, not by grouping usage_daily', () => {
    readKeyBadges(db, NOWS[0]!);
    const usageReads = prepared.filter((sql) => /usage_daily/.test(sql));
    expect(usageReads).toHaveLength(1);
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${usageReads[0]!}`).all() as Array<{ detail: string }>)
      .map((row) => row.detail)
      .join('\n');
    expect(plan).toContain('SEARCH d USING INDEX usage_daily_key_last_used (api_key_id=?)');
    expect(plan).not.toMatch(/SCAN d|TEMP B-TREE/);
  });
});
