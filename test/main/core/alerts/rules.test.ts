import { describe, expect, it } from 'vitest';
import { alertRulesSchema, defaultAlertRules, parseAlertRules } from '../../../../main/core/alerts/rules';

describe('defaultAlertRules', () => {
  it('carries the documented defaults and validates', () => {
    const rules = defaultAlertRules('Europe/Berlin');
    expect(rules.spend.thresholdsPct).toEqual([50, 80, 95, 100]);
    expect(rules.keys).toEqual({ expiryDays: [14, 7, 1], rotationDays: 90, dormantDays: 30 });
    expect(rules.anomaly).toMatchObject({ factor: 3, trailingDays: 14 });
    expect(rules.sync.staleAfterHours).toBe(6);
    expect(rules.quietHours).toEqual({ enabled: false, start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' });
    expect(rules.digest).toEqual({ enabled: false, at: '08:30' });
    expect(alertRulesSchema.safeParse(rules).success).toBe(true);
  });

  it('returns a fresh object each time (editing one never edits the defaults)', () => {
    const first = defaultAlertRules();
    first.spend.thresholdsPct.push(120);
    expect(defaultAlertRules().spend.thresholdsPct).toEqual([50, 80, 95, 100]);
  });
});

describe('parseAlertRules', () => {
  it('fills fields a stored (older) rules object lacks from the defaults', () => {
    const result = parseAlertRules({ budgets: { orgMonthlyUsd: '1500.50' }, keys: { rotationDays: 30 } });
    expect(result.ok && result.rules.budgets).toEqual({ orgMonthlyUsd: '1500.50', workspaceMonthlyUsd: {} });
    expect(result.ok && result.rules.keys).toEqual({ expiryDays: [14, 7, 1], rotationDays: 30, dormantDays: 30 });
  });

  it('keeps stored workspace budgets as a whole record', () => {
    const result = parseAlertRules({
      budgets: { orgMonthlyUsd: null, workspaceMonthlyUsd: { wrkspc_01Prod: '800', default: '50' } },
    });
    expect(result.ok && result.rules.budgets.workspaceMonthlyUsd).toEqual({ wrkspc_01Prod: '800', default: '50' });
  });

  it.each([
    [
      { budgets: { orgMonthlyUsd: '-5' } },
      'budgets.orgMonthlyUsd: must be a positive USD amount written as a decimal, e.g. "1500" or "1500.50"',
    ],
    [{ budgets: { orgMonthlyUsd: '0' } }, 'budgets.orgMonthlyUsd: must be a positive USD amount'],
    [{ budgets: { orgMonthlyUsd: 1500 } }, 'budgets.orgMonthlyUsd:'],
    [
      { budgets: { workspaceMonthlyUsd: { wrkspc_01: '1,000' } } },
      'budgets.workspaceMonthlyUsd.wrkspc_01: must be a positive USD amount',
    ],
    [{ spend: { thresholdsPct: [50, 50] } }, 'spend.thresholdsPct: must not repeat a value'],
    [{ spend: { thresholdsPct: [0] } }, 'spend.thresholdsPct.0:'],
    [{ keys: { expiryDays: [14.5] } }, 'keys.expiryDays.0:'],
    [{ anomaly: { factor: 1 } }, 'anomaly.factor:'],
    [{ production: { pattern: '(' } }, 'production.pattern: must be a valid regular expression'],
    [{ quietHours: { start: '25:00' } }, 'quietHours.start: must be a time "HH:MM" (24 h)'],
    [
      { quietHours: { timeZone: 'Mars/Olympus' } },
      'quietHours.timeZone: must be an IANA time zone such as "Europe/Berlin"',
    ],
    [{ quietHours: { start: '07:00', end: '07:00' } }, 'quietHours.end: start and end must differ'],
    [{ digest: { at: '8:30' } }, 'digest.at: must be a time "HH:MM" (24 h)'],
    [{ disabledRules: ['spend-everything'] }, 'disabledRules.0:'],
    [{ surprise: true }, 'Unrecognized key'],
  ])('refuses %j with a message naming the setting', (value, message) => {
    const result = parseAlertRules(value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
});
