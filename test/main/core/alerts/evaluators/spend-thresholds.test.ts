import { describe, expect, it } from 'vitest';
import { evaluateSpendThresholds } from '../../../../../main/core/alerts/evaluators/spend-thresholds';
import { defaultAlertRules, type AlertRules } from '../../../../../main/core/alerts/rules';
import type { AlertInputs } from '../../../../../main/core/alerts/types';
import { at, costDays, DEFAULT_WS, inputs, PROD, STAGING, usd } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');

function rulesWith(edit: (rules: AlertRules) => void): AlertRules {
  const rules = defaultAlertRules();
  edit(rules);
  return rules;
}

/** Nov 1..23 at $50/day in Production = $1,150 month to date. */
const prodNovember = costDays(PROD.id, '2026-11-01', '2026-11-23', () => 50);

describe('evaluateSpendThresholds', () => {
  it.each([
    // budget USD, expected condition id (null = none), severity
    ['2400', null, null], // 47.9 %
    ['2300', 'spend:org:2026-11:50', 'info'], // exactly 50 %
    ['1437.50', 'spend:org:2026-11:80', 'warning'], // exactly 80 %
    ['1437.51', 'spend:org:2026-11:50', 'info'], // a cent more budget: 79.99 %
    ['1210.52', 'spend:org:2026-11:95', 'warning'], // 95.0004 %
    ['1150', 'spend:org:2026-11:100', 'critical'], // exactly 100 %
    ['500', 'spend:org:2026-11:100', 'critical'], // 230 %: still only the highest threshold
  ])('org budget %s USD against 1,150 USD spent → %s', (budget, id, severity) => {
    const rules = rulesWith((r) => (r.budgets.orgMonthlyUsd = budget));
    const conditions = evaluateSpendThresholds(inputs({ dailyCost: prodNovember }), rules, NOW);
    expect(conditions.map((c) => c.id)).toEqual(id === null ? [] : [id]);
    if (severity) expect(conditions[0]?.severity).toBe(severity);
  });

  it('sums every workspace for the org and only the named workspace for a workspace budget', () => {
    const data = inputs({
      dailyCost: [...prodNovember, ...costDays(STAGING.id, '2026-11-01', '2026-11-23', () => 10)],
    });
    const rules = rulesWith((r) => {
      r.budgets.orgMonthlyUsd = '1380'; // 1,150 + 230 = 1,380 → 100 %
      r.budgets.workspaceMonthlyUsd = { [STAGING.id!]: '400' }; // 230 / 400 = 57.5 %
    });
    const conditions = evaluateSpendThresholds(data, rules, NOW);
    expect(conditions.map((c) => c.id).sort()).toEqual(['spend:org:2026-11:100', 'spend:ws:wrkspc_01Stage:2026-11:50']);
    const staging = conditions.find((c) => c.targetKind === 'workspace');
    expect(staging).toMatchObject({
      targetId: STAGING.id,
      targetName: 'Staging',
      view: { view: 'spend', id: STAGING.id },
    });
    expect(staging?.title).toBe('Staging has used 50 % of its monthly budget');
    expect(staging?.body).toBe('$230.00 of $400.00 spent in November 2026 (57 %).');
  });

  it('keys the id-less default workspace as "default"', () => {
    const data = inputs({ dailyCost: costDays(null, '2026-11-01', '2026-11-10', () => 10) });
    const rules = rulesWith((r) => (r.budgets.workspaceMonthlyUsd = { default: '100' }));
    const [condition] = evaluateSpendThresholds(data, rules, NOW);
    expect(condition).toMatchObject({ id: 'spend:ws:default:2026-11:100', targetName: DEFAULT_WS.name });
  });

  it('checks the API monthly spend limits (cents) as their own conditions', () => {
    const data: AlertInputs = inputs({
      dailyCost: prodNovember,
      spendLimits: [
        { scope: 'workspace', workspaceId: PROD.id, amountCents: '120000', period: 'monthly' }, // $1,200 → 95.8 %
        { scope: 'organization', amountCents: '500000', period: 'monthly' }, // $5,000 → 23 %
      ],
    });
    const conditions = evaluateSpendThresholds(data, defaultAlertRules(), NOW);
    expect(conditions.map((c) => c.id)).toEqual(['spend-limit:ws:wrkspc_01Prod:2026-11:95']);
    expect(conditions[0]?.title).toBe('Production has used 95 % of its monthly spend limit');
    const ignored = evaluateSpendThresholds(
      data,
      rulesWith((r) => (r.spend.useApiSpendLimits = false)),
      NOW,
    );
    expect(ignored).toEqual([]);
  });

  it('follows a budget changed mid-month: raising it clears, lowering it escalates', () => {
    const data = inputs({ dailyCost: prodNovember });
    const before = evaluateSpendThresholds(
      data,
      rulesWith((r) => (r.budgets.orgMonthlyUsd = '1400')),
      NOW,
    );
    const raised = evaluateSpendThresholds(
      data,
      rulesWith((r) => (r.budgets.orgMonthlyUsd = '3000')),
      NOW,
    );
    const lowered = evaluateSpendThresholds(
      data,
      rulesWith((r) => (r.budgets.orgMonthlyUsd = '1000')),
      NOW,
    );
    expect(before.map((c) => c.id)).toEqual(['spend:org:2026-11:80']);
    expect(raised).toEqual([]);
    expect(lowered.map((c) => c.id)).toEqual(['spend:org:2026-11:100']);
  });

  it("starts a new period at 00:00 UTC on the 1st: last month's spend no longer counts", () => {
    const data = inputs({ dailyCost: [...prodNovember, ...costDays(PROD.id, '2026-11-24', '2026-11-30', () => 50)] });
    const rules = rulesWith((r) => (r.budgets.orgMonthlyUsd = '1000'));
    expect(evaluateSpendThresholds(data, rules, at('2026-11-30T23:59:59Z')).map((c) => c.id)).toEqual([
      'spend:org:2026-11:100',
    ]);
    expect(evaluateSpendThresholds(data, rules, at('2026-12-01T00:00:00Z'))).toEqual([]);
  });

  it('ignores cost rows dated after today (future buckets never count)', () => {
    const data = inputs({ dailyCost: costDays(PROD.id, '2026-11-24', '2026-11-25', () => 5000) });
    expect(
      evaluateSpendThresholds(
        data,
        rulesWith((r) => (r.budgets.orgMonthlyUsd = '100')),
        NOW,
      ),
    ).toEqual([]);
  });

  it('sums fractional-cent amounts exactly: 33.333333333 + 33.333333333 + 33.333333334 cents reach a 1 USD budget', () => {
    const third = 33_333_333_333n; // 33.333333333 cents
    const data = inputs({
      dailyCost: [
        { day: '2026-11-01', workspaceId: PROD.id, nanocents: third },
        { day: '2026-11-02', workspaceId: PROD.id, nanocents: third },
        { day: '2026-11-03', workspaceId: PROD.id, nanocents: third + 1n },
      ],
    });
    expect(
      evaluateSpendThresholds(
        data,
        rulesWith((r) => (r.budgets.orgMonthlyUsd = '1')),
        NOW,
      ).map((c) => c.id),
    ).toEqual(['spend:org:2026-11:100']);
    expect(usd(1)).toBe(third * 3n + 1n);
  });

  it('uses custom thresholds in any order', () => {
    const rules = rulesWith((r) => {
      r.budgets.orgMonthlyUsd = '2000'; // 57.5 %
      r.spend.thresholdsPct = [75, 25];
    });
    expect(evaluateSpendThresholds(inputs({ dailyCost: prodNovember }), rules, NOW).map((c) => c.id)).toEqual([
      'spend:org:2026-11:25',
    ]);
  });
});
