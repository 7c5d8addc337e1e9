/**
 * A day the API will not return whole (400 too_many_report_groups), against the sandbox: the sync reads the rest of
 * the window, records that day with the API's words, and says so in the summary and in `status`; every other day is
 * exactly what a sync without the fault reads.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeSummary } from '../../../main/cli/sync-with-progress';
import { DAY_MS, utcDay } from '../../../main/core/time';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { readMirrorStatus } from '../../../main/db/repos/status-repo';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { syncProfile } from '../../../main/services/sync/sync-profile';

let sandbox: RunningSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 9, freezeClock: true });
  dir = mkdtempSync(join(tmpdir(), 'clade-incomplete-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function setDays(tooManyGroupsDays: string[]): Promise<void> {
  const res = await fetch(`${sandbox.controlUrl}/report-limits`, {
    method: 'POST',
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tooManyGroupsDays }),
  });
  expect(res.status).toBe(200);
}

async function firstSync(name: string) {
  const db = openMirror(join(dir, `${name}.sqlite`));
  const summary = await syncProfile(
    db,
    { apiKey: sandbox.adminKey, baseURL: sandbox.url },
    { historyDays: 7, alerts: false, compliance: false, requestsPerMinute: null },
  );
  return { db, summary };
}

/** Cost and daily usage per day, and hourly usage per day, outside `skipDayMs`. */
function perDay(db: MirrorDb, skipDayMs: number) {
  const q = (sql: string) =>
    db
      .prepare(sql)
      .safeIntegers(true)
      .all(skipDayMs, skipDayMs + DAY_MS) as unknown[];
  return {
    cost: q(
      `SELECT bucket_start_ms AS day, sum(amount_nanocents) AS n FROM cost_daily WHERE bucket_start_ms < ? OR bucket_start_ms >= ? GROUP BY 1 ORDER BY 1`,
    ),
    daily: q(
      `SELECT bucket_start_ms AS day, sum(output_tokens) AS n FROM usage_daily WHERE bucket_start_ms < ? OR bucket_start_ms >= ? GROUP BY 1 ORDER BY 1`,
    ),
    hourly: q(
      `SELECT bucket_start_ms / 86400000 AS day, sum(output_tokens) AS n FROM usage_hourly WHERE bucket_start_ms < ? OR bucket_start_ms >= ? GROUP BY 1 ORDER BY 1`,
    ),
  };
}

describe('a day with too many report groups', () => {
  it('is left out and said; the other days are complete', async () => {
    const badDayMs = Math.floor(Date.now() / DAY_MS) * DAY_MS - 3 * DAY_MS;
    const badDay = utcDay(badDayMs);
    await setDays([]);
    const free = await firstSync('free');
    await setDays([badDay]);
    const faulted = await firstSync('faulted');
    await setDays([]);

    expect(faulted.summary.status).toBe('ok');
    for (const resource of ['usage_hourly', 'usage_daily', 'cost_daily']) {
      const summary = faulted.summary.resources.find((r) => r.resource === resource)!;
      expect(summary.status, resource).toBe('ok');
      expect(
        summary.incompleteDays?.map((d) => utcDay(d.dayMs)),
        resource,
      ).toEqual([badDay]);
      expect(summary.incompleteDays?.[0]?.message, resource).toMatch(/too many|more groups/i);
    }
    expect(perDay(faulted.db, badDayMs)).toEqual(perDay(free.db, badDayMs));
    expect(faulted.db.prepare('SELECT count(*) FROM cost_daily WHERE bucket_start_ms = ?').pluck().get(badDayMs)).toBe(
      0,
    );

    const status = readMirrorStatus(faulted.db);
    const cost = status.resources.find((r) => r.resource === 'cost_daily')!;
    expect(cost.incompleteDays).toEqual([
      { day: badDay, message: expect.stringMatching(/cost_report/), requestId: expect.any(String) },
    ]);
    expect(describeSummary(faulted.summary, 'acme')).toMatch(new RegExp(`cost_daily: ${badDay} left out`));
    expect(readMirrorStatus(free.db).resources.every((r) => r.incompleteDays.length === 0)).toBe(true);
    free.db.close();
    faulted.db.close();
  });
});
