/**
 * Report pages sized from the rows they hold, against the sandbox: with a per-page result cap the API refuses
 * (report_page_too_large), the sync halves the page and goes on, and every total comes out exactly as without the
 * cap; the size that worked is remembered, so the next first sync of that report starts there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { syncProfile } from '../../../main/services/sync/sync-profile';

let sandbox: RunningSandbox;
let dir: string;
let problems: string[] = [];
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, freezeClock: true });
  dir = mkdtempSync(join(tmpdir(), 'clade-page-size-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setCap(maxPageResults: number | null): Promise<void> {
  const res = await fetch(`${sandbox.controlUrl}/report-limits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ maxPageResults }),
  });
  expect(res.status).toBe(200);
}

async function firstSync(name: string, expected = 'ok'): Promise<MirrorDb> {
  const db = openMirror(join(dir, `${name}.sqlite`));
  const summary = await syncProfile(
    db,
    { apiKey: sandbox.adminKey, baseURL: sandbox.url },
    { historyDays: 7, alerts: false, compliance: false, requestsPerMinute: null },
  );
  expect(summary.status, JSON.stringify(summary.problems)).toBe(expected);
  if (expected !== 'ok') problems = summary.problems.map((p) => `${p.resource}: ${p.message}`);
  return db;
}

const totals = (db: MirrorDb) => ({
  hourly: db
    .prepare(
      'SELECT count(*) AS rows, sum(output_tokens) AS output, sum(uncached_input_tokens) AS input FROM usage_hourly',
    )
    .get(),
  daily: db.prepare('SELECT count(*) AS rows, sum(output_tokens) AS output FROM usage_daily').get(),
  cost: db
    .prepare('SELECT count(*) AS rows, sum(amount_nanocents) AS nanocents FROM cost_daily')
    .safeIntegers(true)
    .get(),
});
const limits = (db: MirrorDb) =>
  Object.fromEntries(
    (
      db.prepare('SELECT resource, page_limit FROM report_page_limits').all() as Array<{
        resource: string;
        page_limit: number;
      }>
    ).map((r) => [r.resource, r.page_limit]),
  );

describe('report page size', () => {
  it('with a per-page result cap: the same exact totals, smaller pages remembered', async () => {
    await setCap(null);
    const free = await firstSync('free');
    await setCap(250);
    const capped = await firstSync('capped');
    await setCap(null);
    expect(totals(capped)).toEqual(totals(free));
    const learnt = limits(capped);
    const unhindered = limits(free);
    for (const resource of ['usage_hourly', 'usage_daily', 'cost_daily']) {
      expect(learnt[resource], resource).toBeGreaterThanOrEqual(1);
      expect(learnt[resource]!, resource).toBeLessThanOrEqual(unhindered[resource]!);
    }
    // the cap bound somewhere: a report whose pages had to shrink remembers the smaller size
    expect(Object.keys(learnt).some((r) => learnt[r]! < unhindered[r]!)).toBe(true);
    free.close();
    capped.close();
  }, 60_000);

  it('a one-bucket page refused too fails that report, saying so (never a silent gap); the others complete', async () => {
    await setCap(60);
    const db = await firstSync('too-small', 'partial');
    await setCap(null);
    expect(problems).toEqual([expect.stringMatching(/^cost_daily: .*one-bucket page.*report_page_too_large/)]);
    db.close();
  });
});
