import { describe, expect, it } from 'vitest';
import { summarizeMonthSpend } from '../../../../main/core/alerts/spend-summary';
import { defaultAlertRules } from '../../../../main/core/alerts/rules';
import { at, costDays, inputs, PROD, RESEARCH, STAGING, usd } from './fixtures';

const NOW = at('2026-11-23T10:00:00Z');

describe('summarizeMonthSpend', () => {
  const data = inputs({
    dailyCost: [
      ...costDays(PROD.id, '2026-10-01', '2026-11-22', () => 100),
      ...costDays(STAGING.id, '2026-11-01', '2026-11-22', () => 10),
      ...costDays(RESEARCH.id, '2026-11-01', '2026-11-22', () => 5),
      ...costDays(null, '2026-11-01', '2026-11-22', () => 1),
    ],
  });

  it('gives month-to-date, a projection and the top three workspaces', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '3000';
    const summary = summarizeMonthSpend(data, rules, NOW);
    expect(summary.month).toBe('2026-11');
    expect(summary.spentNanocents).toBe(usd(22 * 116));
    expect(summary.budgetNanocents).toBe(usd(3000));
    expect(summary.projectedNanocents).not.toBeNull();
    expect(summary.projectedNanocents! > summary.spentNanocents).toBe(true);
    expect(summary.topWorkspaces.map((w) => [w.name, w.spentNanocents])).toEqual([
      ['Production', usd(2200)],
      ['Staging', usd(220)],
      ['Product Research', usd(110)],
    ]);
  });

  it('has no crossing day without a budget and no projection without history', () => {
    expect(summarizeMonthSpend(data, defaultAlertRules(), NOW).budgetCrossingDay).toBeNull();
    const fresh = inputs({ dailyCost: costDays(PROD.id, '2026-11-22', '2026-11-23', () => 10) });
    expect(summarizeMonthSpend(fresh, defaultAlertRules(), NOW)).toMatchObject({
      projectedNanocents: null,
      spentNanocents: usd(20),
    });
  });
});
