/**
 * Report rows store their group once (migration 0350): the row's group_key holds the group's id in report_groups,
 * and the group itself, the JSON array of its grouping fields, is kept there exactly once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Row } from '../../../main/core/sync/entities';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { openMirror, type MirrorDb } from '../../../main/db/open';

const DAY = 86_400_000;
const D1 = Date.UTC(2026, 10, 1);
let db: MirrorDb | null = null;
afterEach(() => db?.close());

/** A usage_daily row as report-rows.ts makes it: the key is the JSON array of workspace, key and model. */
function usageRow(dayMs: number, model: string, tokens: number | null = 1): Row {
  return {
    bucket_start_ms: dayMs,
    group_key: JSON.stringify([null, 'apikey_1', model]),
    workspace_id: null,
    api_key_id: 'apikey_1',
    model,
    uncached_input_tokens: tokens,
    cache_creation_1h_input_tokens: 0,
    cache_creation_5m_input_tokens: 0,
    cache_read_input_tokens: 0,
    output_tokens: 2,
    web_search_requests: 0,
  };
}

function setup() {
  db = openMirror(':memory:');
  const store = new SqliteMirrorStore(db);
  const pass = store.openPass('usage_daily', '', 1, '{}');
  const write = (dayMs: number, rows: Row[]) =>
    store.applyReportPage('usage_daily', pass, { replaceBuckets: [dayMs], rows }, 'next', null, D1);
  /** Each stored row's group, resolved through report_groups, next to the fields it was made from. */
  const stored = () =>
    db!
      .prepare(
        `SELECT u.bucket_start_ms AS day, u.model, g.group_key AS key, u.group_key AS id
           FROM usage_daily u LEFT JOIN report_groups g ON u.group_key = CAST(g.id AS TEXT)
          ORDER BY 1, 2`,
      )
      .all() as Array<{ day: number; model: string; key: string | null; id: string }>;
  return { write, stored };
}

describe('report groups, stored once', () => {
  it('stores each row under its group id, and each group once however many days it appears on', () => {
    const { write, stored } = setup();
    write(D1, [usageRow(D1, 'claude-opus-4-5'), usageRow(D1, 'claude-haiku-4-5')]);
    write(D1 + DAY, [usageRow(D1 + DAY, 'claude-opus-4-5')]);
    const rows = stored();
    expect(rows.map((r) => [r.model, r.key])).toEqual([
      ['claude-haiku-4-5', '[null,"apikey_1","claude-haiku-4-5"]'],
      ['claude-opus-4-5', '[null,"apikey_1","claude-opus-4-5"]'],
      ['claude-opus-4-5', '[null,"apikey_1","claude-opus-4-5"]'],
    ]);
    expect(rows.every((r) => /^\d+$/.test(r.id))).toBe(true);
    expect(db!.prepare('SELECT count(*) FROM report_groups').pluck().get()).toBe(2);
  });

  it('forgets the groups of a page that rolled back, so a later group never takes a stale id', () => {
    const { write, stored } = setup();
    write(D1, [usageRow(D1, 'claude-opus-4-5')]);
    // A new group, then a NOT NULL failure in the same page: the page and its group roll back together.
    expect(() => write(D1 + DAY, [usageRow(D1 + DAY, 'claude-sonnet-4-5'), usageRow(D1 + DAY, 'x', null)])).toThrow(
      /NOT NULL/,
    );
    write(D1 + DAY, [usageRow(D1 + DAY, 'claude-haiku-4-5'), usageRow(D1 + DAY, 'claude-sonnet-4-5')]);
    for (const row of stored()) expect(row.key).toBe(JSON.stringify([null, 'apikey_1', row.model]));
    expect(db!.prepare('SELECT count(*) FROM report_groups').pluck().get()).toBe(3);
  });

  it('replaces a bucket written before the groups table (JSON keys) with rows under group ids', () => {
    const { write, stored } = setup();
    db!
      .prepare(
        `INSERT INTO usage_daily (bucket_start_ms, group_key, workspace_id, api_key_id, model, uncached_input_tokens,
           cache_creation_1h_input_tokens, cache_creation_5m_input_tokens, cache_read_input_tokens, output_tokens,
           web_search_requests, fetched_at_ms) VALUES (?, ?, NULL, 'apikey_1', 'claude-opus-4-5', 5, 0, 0, 0, 2, 0, 0)`,
      )
      .run(D1, '[null,"apikey_1","claude-opus-4-5"]');
    write(D1, [usageRow(D1, 'claude-opus-4-5', 7)]);
    expect(stored()).toEqual([
      {
        day: D1,
        model: 'claude-opus-4-5',
        key: '[null,"apikey_1","claude-opus-4-5"]',
        id: expect.stringMatching(/^\d+$/),
      },
    ]);
    expect(db!.prepare('SELECT uncached_input_tokens FROM usage_daily').pluck().get()).toBe(7);
  });
});
