import { describe, expect, it } from 'vitest';
import { openMirror } from '../../../../main/db/open';
import { mirrorHandlers } from '../../../../main/ipc/domains/mirror';
import { readOverview } from '../../../../main/db/queries/overview';
import { OverviewDto } from '../../../../preload/contract';

const now = Date.UTC(2026, 10, 23, 9, 14);

describe('the overview before anything was synced', () => {
  it('answers "never synced" with no spend, no forecast and no alerts while the mirror is not open yet', async () => {
    const handlers = mirrorHandlers({ mirror: () => null, now: () => now });
    const overview = OverviewDto.parse(await handlers['clade:overview/summary'](undefined, {} as never));
    expect(overview).toMatchObject({
      org: null,
      month: '2026-11',
      monthStartMs: Date.UTC(2026, 10, 1),
      monthToDateCents: '0',
      forecastCents: null,
    });
    expect(overview.sync).toEqual({ syncedAtMs: null, problems: ['no-data'], spend: [], lastRun: null });
  });

  it('reports a failed first sync from an empty mirror as no data plus the failed run', () => {
    const db = openMirror(':memory:');
    try {
      db.prepare(
        `INSERT INTO sync_runs (started_at_ms, finished_at_ms, full, status, detail) VALUES (?, ?, 1, 'failed', 'connect ECONNREFUSED 127.0.0.1:443')`,
      ).run(now - 60_000, now - 30_000);
      const overview = OverviewDto.parse(readOverview(db, now));
      expect(overview.sync).toEqual({
        syncedAtMs: null,
        problems: ['no-data'],
        spend: [],
        lastRun: { status: 'failed', finishedAtMs: now - 30_000, detail: 'connect ECONNREFUSED 127.0.0.1:443' },
        incompleteDays: [],
      });
      expect(overview.byWorkspace).toEqual([]);
      expect(overview.alerts).toEqual({ open: 0, critical: 0, warning: 0, top: [] });
    } finally {
      db.close();
    }
  });
});
