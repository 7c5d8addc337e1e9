/**
 * `clade:prices/*` over a mirror: an override saved from the window prices an unpriced model for the estimates
 * (the same setting `config price` edits), cache prices derived from the input price, a refused price or an
 * unknown removal is `bad-request` in the admin's words, and each change is in the audit trail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openMirror } from '../../../main/db/open';
import { pricesHandlers } from '../../../main/ipc/domains/prices';
import { priceEstimator } from '../../../main/db/queries/price-book';
import { searchAuditEvents } from '../../../main/db/audit/index';
import { RemovePriceRequest, SetPriceRequest } from '../../../preload/contract';

let dir: string;
let db: Database.Database;
const ctx = (channel: string) => ({ channel, via: 'ipc' }) as never;
const tokens = { uncachedInput: 1_000_000, cacheWrite5m: 0, cacheWrite1h: 0, cacheRead: 1_000_000, output: 0 };
const at = { atMs: Date.UTC(2026, 10, 1), serviceTier: null, contextWindow: null, inferenceGeo: null };

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clade-prices-ipc-'));
  db = openMirror(join(dir, 'mirror.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('clade:prices', () => {
  it('saves an override the estimates use, removes it, and records both', async () => {
    const h = pricesHandlers({ mirror: () => db, now: () => Date.UTC(2026, 11, 1) });
    expect(priceEstimator(db)('claude-mythos-preview', tokens, at)).toBeNull();
    const set = SetPriceRequest.parse({
      model: 'claude-mythos-preview',
      effectiveFrom: null,
      input: '10',
      output: '50',
    });
    const saved = await h['clade:prices/set'](set, ctx('clade:prices/set'));
    expect(saved.overrides).toEqual([
      {
        model: 'claude-mythos-preview',
        effectiveFrom: null,
        input: '10',
        cacheWrite5m: '12.5',
        cacheWrite1h: '20',
        cacheRead: '1',
        output: '50',
      },
    ]);
    expect(saved.builtIn).toContain('claude-opus-5');
    // $10 input + $1 cache read for a million each: 1100 cents, in picocents.
    expect(priceEstimator(db)('claude-mythos-preview', tokens, at)).toBe(1100n * 1_000_000_000_000n);
    const removed = await h['clade:prices/remove'](
      RemovePriceRequest.parse({ model: 'claude-mythos-preview', effectiveFrom: null }),
      ctx('clade:prices/remove'),
    );
    expect(removed.overrides).toEqual([]);
    expect(searchAuditEvents(db, 'type:settings.changed', { limit: 10, cursor: null }).events).toHaveLength(2);
  });

  it('refuses a bad price and an unknown removal in words for the admin', async () => {
    const h = pricesHandlers({ mirror: () => db, now: () => 0 });
    await expect(
      h['clade:prices/set'](
        SetPriceRequest.parse({ model: 'm', effectiveFrom: null, input: 'ten', output: '5' }),
        ctx('clade:prices/set'),
      ),
    ).rejects.toMatchObject({ code: 'bad-request', message: expect.stringMatching(/^Input: "ten" is not a price/) });
    await expect(
      h['clade:prices/remove'](
        RemovePriceRequest.parse({ model: 'm', effectiveFrom: null }),
        ctx('clade:prices/remove'),
      ),
    ).rejects.toMatchObject({ code: 'bad-request' });
    expect((await h['clade:prices/list'](undefined, ctx('clade:prices/list'))).overrides).toEqual([]);
  });
});
