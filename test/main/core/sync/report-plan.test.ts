import { describe, expect, it } from 'vitest';
import { extendCoverage, planReportWindow } from '../../../../main/core/sync/report-plan';

const T = (s: string) => Date.parse(s);
const now = T('2026-11-23T18:47:31.250Z');

describe('planReportWindow', () => {
  it('backfills historyDays once, up to now to the minute', () => {
    expect(planReportWindow('usage_hourly', null, now, 90)).toEqual({
      startMs: T('2026-08-25T18:00:00Z'),
      endMs: T('2026-11-23T18:47:00Z'),
    });
    expect(planReportWindow('cost_daily', null, now, 7)).toEqual({
      startMs: T('2026-11-16T00:00:00Z'),
      endMs: T('2026-11-23T18:47:00Z'),
    });
  });

  it('then fetches only the settle window: usage ~2 h, cost the current and previous day, Claude Code ~26 h', () => {
    const coverage = { fromMs: T('2026-08-25T00:00:00Z'), toMs: T('2026-11-23T18:30:00Z') };
    expect(planReportWindow('usage_hourly', coverage, now, 90).startMs).toBe(T('2026-11-23T16:00:00Z'));
    expect(planReportWindow('usage_daily', coverage, now, 90).startMs).toBe(T('2026-11-23T00:00:00Z'));
    expect(planReportWindow('cost_daily', coverage, now, 90).startMs).toBe(T('2026-11-22T00:00:00Z'));
    expect(planReportWindow('claude_code_daily', coverage, now, 90).startMs).toBe(T('2026-11-22T00:00:00Z'));
  });

  it('after a long offline gap, resumes from the end of what it holds rather than from history', () => {
    const coverage = { fromMs: T('2026-08-01T00:00:00Z'), toMs: T('2026-11-01T12:00:00Z') };
    expect(planReportWindow('cost_daily', coverage, now, 90).startMs).toBe(T('2026-10-31T00:00:00Z'));
  });

  it('a longer --history than the mirror holds refetches from the new start', () => {
    const coverage = { fromMs: T('2026-10-01T00:00:00Z'), toMs: T('2026-11-23T18:00:00Z') };
    expect(planReportWindow('cost_daily', coverage, now, 180).startMs).toBe(T('2026-05-27T00:00:00Z'));
  });

  it('extends coverage contiguously', () => {
    const c = extendCoverage(null, { startMs: 10, endMs: 20 });
    expect(extendCoverage(c, { startMs: 15, endMs: 30 })).toEqual({ fromMs: 10, toMs: 30 });
    expect(extendCoverage(c, { startMs: 25, endMs: 30 })).toEqual({ fromMs: 25, toMs: 30 });
  });
});
