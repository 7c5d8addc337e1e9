/**
 * Price overrides per profile (issue #23): a model the price table lacks is unpriced until the admin prices it in
 * the profile's `pricing.overrides`; then every estimate that reads through the price book prices it (the per-key
 * cost report and the tree's key badges here), with the admin's rates. A bad override is refused with the reason.
 * No module other than the price book calls core/pricing's estimate.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMirror } from '../../../../main/db/open';
import { writeProfileSetting } from '../../../../main/db/settings/profile-settings';
import { queryKeyCostReport } from '../../../../main/db/queries/key-cost-estimate';
import { readKeyBadges } from '../../../../main/db/queries/overview-key-spend';

const DAY_MS = 86_400_000;
const MODEL = 'claude-mythos-preview';
const now = Date.parse('2026-11-20T12:00:00Z');
const day = Date.parse('2026-11-18T00:00:00Z');
let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clade-prices-'));
  db = openMirror(join(dir, 'mirror.sqlite'));
  db.prepare(
    `INSERT INTO api_keys (id, name, status, created_at_ms, workspace_id, has_legacy_workspace_id, first_seen_at_ms,
       last_seen_at_ms, seen_pass)
     VALUES ('apikey_1', 'research-bot', 'active', ?, NULL, 0, ?, ?, 1)`,
  ).run(day - 10 * DAY_MS, now, now);
  db.prepare(
    `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens,
       cache_creation_1h_input_tokens, cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens,
       web_search_requests, fetched_at_ms)
     VALUES (?, 'g1', NULL, 'apikey_1', ?, 1000000, 0, 0, 0, 100000, 0, ?)`,
  ).run(day, MODEL, now);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const override = {
  model: MODEL,
  effectiveFrom: null,
  input: '12',
  cacheWrite5m: '15',
  cacheWrite1h: '24',
  cacheRead: '1.20',
  output: '60',
};

describe('price overrides', () => {
  it('price an unpriced model in the per-key estimate and the key badges', () => {
    const before = queryKeyCostReport(db, { from: '2026-11-18', to: '2026-11-18' });
    expect(before.total).toMatchObject({ unpriced_tokens: 1_100_000, estimated_amount_cents: '0' });
    expect(readKeyBadges(db, now).get('apikey_1')!.estimatedMonthCents).toBe('0');

    expect(writeProfileSetting(db, 'pricing.overrides', [override], now)).toEqual({ ok: true });
    // 1M input × $12 + 0.1M output × $60 = $18 = 1800 cents.
    const after = queryKeyCostReport(db, { from: '2026-11-18', to: '2026-11-18' });
    expect(after.total).toMatchObject({ unpriced_tokens: 0, estimated_amount_cents: '1800' });
    expect(readKeyBadges(db, now).get('apikey_1')!.estimatedMonthCents).toBe('1800');
  });

  it('apply from their date only, and override a table price from then on', () => {
    writeProfileSetting(db, 'pricing.overrides', [{ ...override, effectiveFrom: '2026-11-19' }], now);
    expect(queryKeyCostReport(db, { from: '2026-11-18', to: '2026-11-18' }).total.unpriced_tokens).toBe(1_100_000);
    db.prepare(`UPDATE usage_daily SET model = 'claude-haiku-4-5'`).run();
    // Haiku 4.5 is $1 / $5 in the table: 1 + 0.5 = $1.50; overridden from the 18th at $2 / $10: $3.
    expect(queryKeyCostReport(db, { from: '2026-11-18', to: '2026-11-18' }).total.estimated_amount_cents).toBe('150');
    writeProfileSetting(
      db,
      'pricing.overrides',
      [{ ...override, model: 'claude-haiku-4-5', effectiveFrom: '2026-11-18', input: '2', output: '10' }],
      now,
    );
    expect(queryKeyCostReport(db, { from: '2026-11-18', to: '2026-11-18' }).total.estimated_amount_cents).toBe('300');
  });

  it('refuse a price that is not exact decimal text, a bad date and a duplicate, naming the problem', () => {
    const refused = (value: unknown): string => {
      const result = writeProfileSetting(db, 'pricing.overrides', value, now);
      return result.ok ? 'accepted' : result.message;
    };
    expect(refused([{ ...override, input: '1e3' }])).toMatch(/at most 4 decimals/);
    expect(refused([{ ...override, input: 3 }])).toMatch(/pricing.overrides/);
    expect(refused([{ ...override, effectiveFrom: '2026-02-30' }])).toMatch(/YYYY-MM-DD/);
    expect(refused([override, override])).toMatch(/one price per model and effective date/);
    expect(refused([{ ...override, model: 'has space' }])).toMatch(/model id/);
  });

  it('are read in one place: no other module calls the table estimate directly', () => {
    const root = join(__dirname, '../../../../main');
    const offenders: string[] = [];
    const walk = (folder: string): void => {
      for (const name of readdirSync(folder)) {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && /\bestimateCostPicocents\b/.test(readFileSync(path, 'utf8')))
          offenders.push(relative(root, path));
      }
    };
    walk(root);
    expect(offenders.sort()).toEqual(['core/pricing.ts', 'db/queries/price-book.ts']);
  });
});
