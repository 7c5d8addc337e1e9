import { describe, expect, it } from 'vitest';
import { evaluateForecast } from '../../../../../main/core/alerts/evaluators/forecast';
import {
  describeForecastCap,
  forecastOrgMonth,
  forecastWorkspaceMonths,
} from '../../../../../main/core/alerts/evaluators/org-forecast';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import { at, costDays, inputs, PROD, STAGING, usd } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
/** Production $300 a day, Staging $10 a day, every day since October. */
const cost = [
  ...costDays(PROD.id, '2026-10-01', '2026-11-22', () => 300),
  ...costDays(STAGING.id, '2026-10-01', '2026-11-22', () => 10),
];
const limit = (workspaceId: string | null, dollars: number) => ({
  scope: workspaceId === null ? ('organization' as const) : ('workspace' as const),
  ...(workspaceId === null ? {} : { workspaceId }),
  amountCents: String(dollars * 100),
  period: 'monthly' as const,
});

describe('forecastOrgMonth (the one org forecast, capped where spend limits stop spend)', () => {
  it('without limits: the run rate, no caps', () => {
    const forecast = forecastOrgMonth(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost }),
      defaultAlertRules(),
      NOW,
    )!;
    // 22 days at $310 spent, then today and 7 more days at $310.
    expect(forecast.projectedNanocents).toBe(usd(310 * 30));
    expect(forecast.uncappedNanocents).toBe(usd(310 * 30));
    expect(forecast.caps).toEqual([]);
  });

  it('counts a workspace at its spend limit when its run rate would pass it, and says so', () => {
    const forecast = forecastOrgMonth(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(PROD.id, 8000)] }),
      defaultAlertRules(),
      NOW,
    )!;
    expect(forecast.uncappedNanocents).toBe(usd(310 * 30));
    expect(forecast.projectedNanocents).toBe(usd(8000 + 10 * 30));
    expect(forecast.caps.map(describeForecastCap)).toEqual(['Production: capped at its $8,000.00 limit']);
  });

  it('a workspace already past its limit counts at what it spent, not less', () => {
    const forecast = forecastOrgMonth(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(PROD.id, 2000)] }),
      defaultAlertRules(),
      NOW,
    )!;
    expect(forecast.projectedNanocents).toBe(usd(300 * 22 + 10 * 30));
  });

  it('then the whole org at its own limit', () => {
    const forecast = forecastOrgMonth(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(null, 9000)] }),
      defaultAlertRules(),
      NOW,
    )!;
    expect(forecast.projectedNanocents).toBe(usd(9000));
    expect(forecast.caps.map(describeForecastCap)).toEqual(['Acme: capped at its $9,000.00 limit']);
  });

  it('the org budget forecast alert does not fire when limits stop spend below the budget', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '8500';
    const uncapped = evaluateForecast(inputs({ workspaces: [PROD, STAGING], dailyCost: cost }), rules, NOW);
    expect(uncapped.map((c) => c.id)).toEqual(['forecast:org:2026-11']);
    const capped = evaluateForecast(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(PROD.id, 8000)] }),
      rules,
      NOW,
    );
    expect(capped.filter((c) => c.id === 'forecast:org:2026-11')).toEqual([]);
  });
});

describe('forecastWorkspaceMonths (each workspace, capped as the org forecast caps it)', () => {
  it('projects each workspace at its run rate, and together they make the org forecast', () => {
    const input = inputs({ workspaces: [PROD, STAGING], dailyCost: cost });
    const forecasts = forecastWorkspaceMonths(input, defaultAlertRules(), NOW);
    expect(forecasts).toEqual(
      new Map([
        [PROD.id, usd(300 * 30)],
        [STAGING.id, usd(10 * 30)],
      ]),
    );
    expect(forecastOrgMonth(input, defaultAlertRules(), NOW)!.projectedNanocents).toBe(usd(310 * 30));
  });

  it('caps a workspace at its limit, or at what it spent when already past it', () => {
    const capped = forecastWorkspaceMonths(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(PROD.id, 8000)] }),
      defaultAlertRules(),
      NOW,
    );
    expect(capped.get(PROD.id!)).toBe(usd(8000));
    expect(capped.get(STAGING.id!)).toBe(usd(10 * 30));
    const past = forecastWorkspaceMonths(
      inputs({ workspaces: [PROD, STAGING], dailyCost: cost, spendLimits: [limit(PROD.id, 2000)] }),
      defaultAlertRules(),
      NOW,
    );
    expect(past.get(PROD.id!)).toBe(usd(300 * 22));
  });

  it('is empty with too little history, as the org forecast is null', () => {
    const young = inputs({ workspaces: [PROD], dailyCost: costDays(PROD.id, '2026-11-20', '2026-11-22', () => 300) });
    expect(forecastWorkspaceMonths(young, defaultAlertRules(), NOW).size).toBe(0);
    expect(forecastOrgMonth(young, defaultAlertRules(), NOW)).toBeNull();
  });
});
