import { describe, expect, it } from 'vitest';
import { evaluateForecast, projectMonth, weekdayAwareRates } from '../../../../../main/core/alerts/evaluators/forecast';
import { defaultAlertRules, type AlertRules } from '../../../../../main/core/alerts/rules';
import { at, costDays, inputs, PROD, usd } from '../fixtures';

/** Weekdays $100, weekends $10 (UTC days). November 2026 starts on a Sunday. */
const weekdayHeavy = (day: string): number => ([0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay()) ? 10 : 100);

function rulesWith(edit: (rules: AlertRules) => void): AlertRules {
  const rules = defaultAlertRules();
  edit(rules);
  return rules;
}

/** Oct 1 – Nov 22 complete; today Nov 23 has $30 so far. */
const throughNov22 = [
  ...costDays(PROD.id, '2026-10-01', '2026-11-22', weekdayHeavy),
  { day: '2026-11-23', workspaceId: PROD.id, nanocents: usd(30) },
];
const MON_NOV_23 = at('2026-11-23T10:00:00Z');

describe('weekdayAwareRates', () => {
  it('averages weekdays and weekend days separately over the completed history days', () => {
    const byDay = new Map(throughNov22.map((row) => [row.day, row.nanocents]));
    expect(weekdayAwareRates(byDay, '2026-11-23', '2026-10-01', defaultAlertRules())).toEqual({
      weekday: usd(100),
      weekend: usd(10),
    });
  });

  it('gives no rates with fewer completed days than minHistoryDays (the mirror started recently)', () => {
    const byDay = new Map([['2026-11-20', usd(100)]]);
    expect(weekdayAwareRates(byDay, '2026-11-23', '2026-11-20', defaultAlertRules())).toBeNull();
  });

  it('falls back to the overall average for a day type never observed', () => {
    const byDay = new Map(
      costDays(PROD.id, '2026-11-16', '2026-11-20', () => 50).map((row) => [row.day, row.nanocents]),
    );
    const rules = rulesWith((r) => (r.forecast.minHistoryDays = 5));
    expect(weekdayAwareRates(byDay, '2026-11-21', '2026-11-16', rules)).toEqual({ weekday: usd(50), weekend: usd(50) });
  });
});

describe('projectMonth', () => {
  it('adds actual past days, max(actual, estimate) for today and estimates for the rest', () => {
    const byDay = new Map(throughNov22.map((row) => [row.day, row.nanocents]));
    const projection = projectMonth(byDay, MON_NOV_23, { weekday: usd(100), weekend: usd(10) }, usd(2000));
    // Nov 1–22: 15 weekdays + 7 weekend days = $1,570; Nov 23–27 5×100, 28–29 2×10, 30 100 → $2,190.
    expect(projection).toEqual({ projectedNanocents: usd(2190), spentNanocents: usd(1600), crossingDay: '2026-11-27' });
  });
});

describe('evaluateForecast', () => {
  it.each([
    // budget, crossing ordinal (null = no condition). A flat 28-day average ($74.29/day) would say the 28th for $2,000.
    ['2000', '27th'],
    ['2190', '30th'], // projection exactly equal to the budget counts
    ['2190.01', null],
    ['1600', null], // already reached: the threshold rule speaks, not the forecast
  ])('org budget %s USD → crossing around the %s', (budget, ordinal) => {
    const conditions = evaluateForecast(
      inputs({ dailyCost: throughNov22 }),
      rulesWith((r) => (r.budgets.orgMonthlyUsd = budget)),
      MON_NOV_23,
    );
    if (ordinal === null) expect(conditions).toEqual([]);
    else expect(conditions.map((c) => c.title)).toEqual([`Acme reaches its budget around the ${ordinal}`]);
  });

  it('writes the projection with the budget and the spend so far', () => {
    const [condition] = evaluateForecast(
      inputs({ dailyCost: throughNov22 }),
      rulesWith((r) => (r.budgets.orgMonthlyUsd = '2000')),
      MON_NOV_23,
    );
    expect(condition).toMatchObject({
      id: 'forecast:org:2026-11',
      rule: 'spend-forecast',
      severity: 'warning',
      targetKind: 'organization',
      targetId: 'org_01Acme',
      body: 'Projected $2,190.00 by the end of November 2026 against a $2,000.00 monthly budget; $1,600.00 spent so far.',
    });
  });

  it('names the workspace and says "limit" for an API spend limit', () => {
    const data = inputs({
      dailyCost: throughNov22,
      spendLimits: [{ scope: 'workspace', workspaceId: PROD.id, amountCents: '200000', period: 'monthly' }],
    });
    const [condition] = evaluateForecast(data, defaultAlertRules(), MON_NOV_23);
    expect(condition).toMatchObject({
      id: 'forecast-limit:ws:wrkspc_01Prod:2026-11',
      title: 'Production reaches its limit around the 27th',
    });
  });

  it("projects a new month from the previous month's days (2 Dec: one December day of data)", () => {
    const data = inputs({
      dailyCost: [
        ...costDays(PROD.id, '2026-10-15', '2026-12-01', weekdayHeavy),
        { day: '2026-12-02', workspaceId: PROD.id, nanocents: usd(20) },
      ],
    });
    const [condition] = evaluateForecast(
      data,
      rulesWith((r) => (r.budgets.orgMonthlyUsd = '2000')),
      at('2026-12-02T10:00:00Z'),
    );
    // December 2026: 23 weekdays, 8 weekend days → $2,380; the running total passes $2,000 on Mon 28 Dec.
    expect(condition).toMatchObject({ id: 'forecast:org:2026-12', title: 'Acme reaches its budget around the 28th' });
    expect(condition?.body).toContain('Projected $2,380.00 by the end of December 2026');
  });

  it('on the last day of the month only today is left to estimate', () => {
    const data = inputs({ dailyCost: costDays(PROD.id, '2026-10-01', '2026-11-29', weekdayHeavy) });
    const lastDay = at('2026-11-30T08:00:00Z'); // spent Nov 1–29: $2,090; today (Mon) estimated $100
    expect(
      evaluateForecast(
        data,
        rulesWith((r) => (r.budgets.orgMonthlyUsd = '2150')),
        lastDay,
      ).map((c) => c.title),
    ).toEqual(['Acme reaches its budget around the 30th']);
    expect(
      evaluateForecast(
        data,
        rulesWith((r) => (r.budgets.orgMonthlyUsd = '2200')),
        lastDay,
      ),
    ).toEqual([]);
  });

  it('stays silent when switched off or with no cost data', () => {
    const off = rulesWith((r) => {
      r.budgets.orgMonthlyUsd = '2000';
      r.forecast.enabled = false;
    });
    expect(evaluateForecast(inputs({ dailyCost: throughNov22 }), off, MON_NOV_23)).toEqual([]);
    expect(
      evaluateForecast(
        inputs(),
        rulesWith((r) => (r.budgets.orgMonthlyUsd = '1')),
        MON_NOV_23,
      ),
    ).toEqual([]);
  });
});
