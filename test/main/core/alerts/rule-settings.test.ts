import { describe, expect, it } from 'vitest';
import { alertRuleKeys, getAlertRule, setAlertRule } from '../../../../main/core/alerts/rule-settings';
import { defaultAlertRules } from '../../../../main/core/alerts/rules';

const rules = defaultAlertRules('Europe/Berlin');

function set(key: string, value: string) {
  const result = setAlertRule(rules, key, value);
  if (!result.ok) throw new Error(result.message);
  return result.rules;
}

describe('setAlertRule (clade-admin config set KEY VALUE)', () => {
  it.each([
    ['budgets.orgMonthlyUsd', '1500.50', (r: ReturnType<typeof set>) => r.budgets.orgMonthlyUsd, '1500.50'],
    ['budgets.orgMonthlyUsd', 'none', (r: ReturnType<typeof set>) => r.budgets.orgMonthlyUsd, null],
    [
      'budgets.workspaceMonthlyUsd.wrkspc_01Prod',
      '800',
      (r: ReturnType<typeof set>) => r.budgets.workspaceMonthlyUsd,
      { wrkspc_01Prod: '800' },
    ],
    ['spend.thresholdsPct', '50,90,100', (r: ReturnType<typeof set>) => r.spend.thresholdsPct, [50, 90, 100]],
    ['spend.thresholdsPct', '[75]', (r: ReturnType<typeof set>) => r.spend.thresholdsPct, [75]],
    ['keys.rotationDays', '60', (r: ReturnType<typeof set>) => r.keys.rotationDays, 60],
    ['forecast.enabled', 'off', (r: ReturnType<typeof set>) => r.forecast.enabled, false],
    ['quietHours.start', '23:15', (r: ReturnType<typeof set>) => r.quietHours.start, '23:15'],
    [
      'quietHours.timeZone',
      'America/New_York',
      (r: ReturnType<typeof set>) => r.quietHours.timeZone,
      'America/New_York',
    ],
    [
      'disabledRules',
      'key-dormant,key-rotation',
      (r: ReturnType<typeof set>) => r.disabledRules,
      ['key-dormant', 'key-rotation'],
    ],
    ['disabledRules', '', (r: ReturnType<typeof set>) => r.disabledRules, []],
    ['anomaly.factor', '2.5', (r: ReturnType<typeof set>) => r.anomaly.factor, 2.5],
  ])('%s = %j', (key, value, read, expected) => {
    expect(read(set(key, value))).toEqual(expected);
  });

  it('removes a workspace budget with "none" and leaves the input rules untouched', () => {
    const withBudget = set('budgets.workspaceMonthlyUsd.wrkspc_01Prod', '800');
    const removed = setAlertRule(withBudget, 'budgets.workspaceMonthlyUsd.wrkspc_01Prod', 'none');
    expect(removed.ok && removed.rules.budgets.workspaceMonthlyUsd).toEqual({});
    expect(withBudget.budgets.workspaceMonthlyUsd).toEqual({ wrkspc_01Prod: '800' });
  });

  it.each([
    ['keys.rotationDays', 'ninety', 'keys.rotationDays: expected a number, got "ninety"'],
    ['keys.rotationDays', '0', 'keys.rotationDays: Too small'],
    ['forecast.enabled', 'maybe', 'forecast.enabled: expected true or false'],
    ['spend.thresholdsPct', '50,abc', 'spend.thresholdsPct: expected a number'],
    ['budgets.orgMonthlyUsd', '12,50', 'budgets.orgMonthlyUsd: must be a positive USD amount'],
    ['quietHours.timeZone', 'CEST+2', 'quietHours.timeZone: must be an IANA time zone'],
    ['keys.nope', '1', 'unknown setting "keys.nope"'],
    ['keys', '1', 'unknown setting "keys"'],
  ])('refuses %s = %j: %s', (key, value, message) => {
    const result = setAlertRule(rules, key, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});

describe('getAlertRule and alertRuleKeys', () => {
  it('reads a value by its dotted key', () => {
    expect(getAlertRule(rules, 'keys.expiryDays')).toEqual({ ok: true, value: [14, 7, 1] });
    expect(getAlertRule(rules, 'nope').ok).toBe(false);
  });

  it('lists every settable key, each readable', () => {
    const keys = alertRuleKeys(rules);
    expect(keys).toContain('quietHours.timeZone');
    expect(keys).toContain('budgets.workspaceMonthlyUsd.<workspace id>');
    for (const key of keys.filter((k) => !k.includes('<'))) expect(getAlertRule(rules, key).ok).toBe(true);
  });
});
