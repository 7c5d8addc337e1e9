import { describe, expect, it } from 'vitest';
import {
  crossingPhrase,
  formatDay,
  mostPressing,
  offlineState,
  toneOf,
} from '../../../../renderer/features/overview/overview-format';
import type { SpendTarget } from '../../../../preload/contract';

const NOW = Date.UTC(2026, 10, 21, 9, 17);
const target = (over: Partial<SpendTarget>): SpendTarget => ({
  source: 'budget',
  amountCents: '100000',
  percent: 50,
  crossingDay: null,
  ...over,
});

describe('overview wording', () => {
  it('names the crossing day in the UTC calendar', () => {
    expect(formatDay('2026-11-24')).toBe('24 Nov');
    expect(formatDay('2026-12-01')).toBe('1 Dec');
  });

  it('says whether the forecast reaches the budget or limit, already passed it, or stays within it', () => {
    expect(crossingPhrase(target({ crossingDay: '2026-11-24' }), '2026-11-21')).toBe(
      'reaches its budget around 24 Nov',
    );
    expect(crossingPhrase(target({ source: 'limit', crossingDay: '2026-11-21' }), '2026-11-21')).toBe(
      'reaches its spend limit today',
    );
    expect(crossingPhrase(target({ percent: 100, crossingDay: '2026-11-05' }), '2026-11-21')).toBe(
      'passed its budget on 5 Nov',
    );
    expect(crossingPhrase(target({}), '2026-11-21')).toBe('stays within its budget this month');
  });

  it('picks the target that binds first, the limit on a tie, and colours 80 % as attention and 100 % as over', () => {
    const budget = target({ percent: 80 });
    const limit = target({ source: 'limit', percent: 80 });
    expect(mostPressing([budget, limit])).toBe(limit);
    expect(mostPressing([target({ percent: 90 }), limit])?.percent).toBe(90);
    expect(mostPressing([])).toBeNull();
    expect([toneOf(79), toneOf(80), toneOf(99), toneOf(100)]).toEqual(['ok', 'warn', 'warn', 'over']);
  });

  it('orders the offline reasons: rejected key, never synced, failed sync, stale; a failure older than the last success is not offline', () => {
    const ok = {
      syncedAtMs: NOW - 60_000,
      problems: [],
      spend: [],
      lastRun: { status: 'ok', finishedAtMs: NOW - 60_000, detail: null },
    };
    expect(offlineState(ok, NOW)).toBeNull();
    expect(
      offlineState({ ...ok, lastRun: { status: 'failed', finishedAtMs: NOW - 120_000, detail: 'x' } }, NOW),
    ).toBeNull();
    expect(
      offlineState(
        { ...ok, problems: ['credential-invalid'], lastRun: { status: 'failed', finishedAtMs: NOW, detail: 'x' } },
        NOW,
      )?.title,
    ).toBe('Offline: the admin key was rejected');
    expect(offlineState({ syncedAtMs: null, problems: ['no-data'], spend: [], lastRun: null }, NOW)?.title).toBe(
      'Never synced',
    );
    expect(
      offlineState(
        {
          syncedAtMs: null,
          problems: ['no-data'],
          spend: [],
          lastRun: { status: 'failed', finishedAtMs: NOW, detail: 'connect ECONNREFUSED' },
        },
        NOW,
      ),
    ).toEqual({
      title: 'Offline: the first sync failed',
      body: 'connect ECONNREFUSED. Nothing has been synced yet; the overview fills in after the first successful sync.',
    });
    expect(
      offlineState({ ...ok, lastRun: { status: 'failed', finishedAtMs: NOW - 30_000, detail: 'HTTP 503' } }, NOW)
        ?.title,
    ).toBe('Offline: the last sync failed');
    expect(offlineState({ ...ok, syncedAtMs: NOW - 30 * 3_600_000, problems: ['data-too-old'] }, NOW)?.title).toBe(
      'Data is out of date',
    );
    expect(
      offlineState({ ...ok, lastRun: { status: 'partial', finishedAtMs: NOW - 60_000, detail: null } }, NOW)?.title,
    ).toBe('The last sync was incomplete');
    expect(
      offlineState(
        {
          ...ok,
          problems: ['spend-unavailable'],
          spend: [{ resource: 'cost_daily', reason: 'failed in the last sync (403)' }],
        },
        NOW,
      ),
    ).toEqual({
      title: 'Spend cannot be evaluated',
      body: expect.stringMatching(
        /^Spend alerts cannot be trusted until these reports sync: cost_daily failed in the last sync \(403\)\. Showing the mirror as of .*1 min ago\.$/,
      ),
    });
  });

  it("names each day a report could not read whole, with the API's words, before a partial sync", () => {
    const ok = {
      syncedAtMs: NOW - 60_000,
      problems: [],
      spend: [],
      lastRun: { status: 'partial', finishedAtMs: NOW - 60_000, detail: null },
    };
    const state = offlineState(
      {
        ...ok,
        incompleteDays: [
          {
            resource: 'cost_daily',
            day: '2026-11-12',
            message:
              'A day in the report (2026-11-12) has usage in more groups than the report can return. Use /v1/organizations/cost_report with fewer group_by dimensions',
          },
        ],
      },
      NOW,
    );
    expect(state?.title).toBe('Some days could not be read');
    expect(state?.body).toMatch(
      /^The Admin API would not return this day whole, so it is left out of usage and cost: cost_daily 2026-11-12 \(A day in the report .*fewer group_by dimensions\)\. Every other day is complete\./,
    );
    expect(offlineState({ ...ok, incompleteDays: [] }, NOW)?.title).toBe('The last sync was incomplete');
  });
});
