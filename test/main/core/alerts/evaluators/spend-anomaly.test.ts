import { describe, expect, it } from 'vitest';
import { evaluateSpendAnomaly, medianNanocents } from '../../../../../main/core/alerts/evaluators/spend-anomaly';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import type { AlertDailyCost } from '../../../../../main/core/alerts/types';
import { at, costDays, inputs, PROD, STAGING, usd } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');

/** Staging: $20 a day for the 14 days Nov 8–21, then `yesterday` dollars on Nov 22 and `today` on Nov 23. */
function staging(yesterday: number, today = 5, perDay = 20): AlertDailyCost[] {
  return [
    ...costDays(STAGING.id, '2026-11-08', '2026-11-21', () => perDay),
    { day: '2026-11-22', workspaceId: STAGING.id, nanocents: usd(yesterday) },
    { day: '2026-11-23', workspaceId: STAGING.id, nanocents: usd(today) },
  ];
}

describe('medianNanocents', () => {
  it('takes the middle value, or the mean of the two middles', () => {
    expect(medianNanocents([5n, 1n, 3n])).toBe(3n);
    expect(medianNanocents([4n, 1n, 3n, 10n])).toBe(3n); // (3 + 4) / 2, rounded down
    expect(medianNanocents([])).toBe(0n);
  });
});

describe('evaluateSpendAnomaly', () => {
  it.each([
    [60, true], // exactly 3 × the $20 median
    [59.99, false],
    [200, true],
  ])('a $%s day after a $20/day fortnight is anomalous: %s', (yesterday, anomalous) => {
    const ids = evaluateSpendAnomaly(inputs({ dailyCost: staging(yesterday) }), defaultAlertRules(), NOW).map(
      (c) => c.id,
    );
    expect(ids).toEqual(anomalous ? ['anomaly:ws:wrkspc_01Stage:2026-11-22'] : []);
  });

  it('names the workspace, the day and the ratio', () => {
    const [condition] = evaluateSpendAnomaly(inputs({ dailyCost: staging(105) }), defaultAlertRules(), NOW);
    expect(condition).toMatchObject({
      rule: 'spend-anomaly',
      severity: 'warning',
      targetKind: 'workspace',
      targetName: 'Staging',
      title: 'Unusual spend in Staging on 22 Nov',
      body: '$105.00 on 22 Nov, 5.2× its usual $20.00 a day (median of the previous 14 days).',
      view: { view: 'spend', id: STAGING.id },
    });
  });

  it('keeps cent-level workspaces quiet below the floor ($10 by default)', () => {
    expect(evaluateSpendAnomaly(inputs({ dailyCost: staging(9.99, 0, 1) }), defaultAlertRules(), NOW)).toEqual([]);
    expect(evaluateSpendAnomaly(inputs({ dailyCost: staging(10, 0, 1) }), defaultAlertRules(), NOW)).toHaveLength(1);
  });

  it('flags a partial today that already exceeds the normal, saying "so far"', () => {
    const [condition] = evaluateSpendAnomaly(inputs({ dailyCost: staging(20, 80) }), defaultAlertRules(), NOW);
    expect(condition?.id).toBe('anomaly:ws:wrkspc_01Stage:2026-11-23');
    expect(condition?.body).toContain('$80.00 on 23 Nov so far');
  });

  it('needs minHistoryDays of mirror coverage before judging', () => {
    const short = [
      ...costDays(STAGING.id, '2026-11-18', '2026-11-21', () => 20),
      { day: '2026-11-22', workspaceId: STAGING.id, nanocents: usd(500) },
    ];
    expect(evaluateSpendAnomaly(inputs({ dailyCost: short }), defaultAlertRules(), NOW)).toEqual([]);
  });

  it('counts covered days without rows as $0, so a first big day in an idle workspace is flagged', () => {
    const data = [
      ...costDays(PROD.id, '2026-11-01', '2026-11-23', () => 100), // establishes mirror coverage
      { day: '2026-11-22', workspaceId: STAGING.id, nanocents: usd(50) },
    ];
    const conditions = evaluateSpendAnomaly(inputs({ dailyCost: data }), defaultAlertRules(), NOW);
    expect(conditions.map((c) => c.id)).toEqual(['anomaly:ws:wrkspc_01Stage:2026-11-22']);
    expect(conditions[0]?.body).toContain('after days of no spend');
  });

  it('only looks back lookbackDays days (today and yesterday by default)', () => {
    const data = [
      ...costDays(STAGING.id, '2026-11-06', '2026-11-19', () => 20),
      { day: '2026-11-20', workspaceId: STAGING.id, nanocents: usd(500) },
      ...costDays(STAGING.id, '2026-11-21', '2026-11-23', () => 20),
    ];
    expect(evaluateSpendAnomaly(inputs({ dailyCost: data }), defaultAlertRules(), NOW)).toEqual([]);
    const rules = defaultAlertRules();
    rules.anomaly.lookbackDays = 4;
    expect(evaluateSpendAnomaly(inputs({ dailyCost: data }), rules, NOW).map((c) => c.id)).toEqual([
      'anomaly:ws:wrkspc_01Stage:2026-11-20',
    ]);
  });

  it('honours a custom factor', () => {
    const rules = defaultAlertRules();
    rules.anomaly.factor = 2.5;
    expect(evaluateSpendAnomaly(inputs({ dailyCost: staging(50) }), rules, NOW)).toHaveLength(1);
    expect(evaluateSpendAnomaly(inputs({ dailyCost: staging(49.99) }), rules, NOW)).toEqual([]);
  });
});
