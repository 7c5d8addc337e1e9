import { describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../../main/core/alerts/evaluate';
import { defaultAlertRules } from '../../../../main/core/alerts/rules';
import { RULE_IDS } from '../../../../main/core/alerts/types';
import { at, costDays, inputs, key, PROD } from './fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const DAY = 86_400_000;

/** An org with one thing wrong per rule family. */
function troubledOrg() {
  return inputs({
    keys: [
      key({ id: 'apikey_01Exp', name: 'deploy-bot', expiresAtMs: NOW + 12 * 3_600_000 }),
      key({ id: 'apikey_01Old', name: 'ancient', createdAtMs: NOW - 400 * DAY, lastUsedDay: '2026-01-02' }),
    ],
    dailyCost: costDays(PROD.id, '2026-11-01', '2026-11-23', () => 50),
    sync: { lastSuccessAtMs: NOW - 60_000, credentialInvalid: false },
  });
}

describe('evaluateAlerts', () => {
  it('runs every rule and orders conditions most severe first, then by id', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '1000';
    const conditions = evaluateAlerts(troubledOrg(), rules, NOW);
    expect(conditions.map((c) => [c.severity, c.id])).toEqual([
      ['critical', 'key-expiry:apikey_01Exp:1d'],
      ['critical', 'spend:org:2026-11:100'],
      ['info', 'key-dormant:apikey_01Old'],
      ['info', 'key-rotation:apikey_01Old'],
    ]);
  });

  it('skips disabled rules', () => {
    const rules = defaultAlertRules();
    rules.disabledRules = ['key-expiry', 'key-dormant', 'key-rotation'];
    expect(evaluateAlerts(troubledOrg(), rules, NOW)).toEqual([]);
  });

  it('is deterministic: same inputs, rules and instant give equal results', () => {
    const rules = defaultAlertRules();
    expect(evaluateAlerts(troubledOrg(), rules, NOW)).toEqual(evaluateAlerts(troubledOrg(), rules, NOW));
  });

  it('keeps every condition id unique and every text free of key-shaped strings', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '1000';
    rules.quietHours.timeZone = 'Asia/Kolkata';
    const conditions = evaluateAlerts(troubledOrg(), rules, NOW);
    expect(conditions.length).toBeGreaterThan(0);
    expect(new Set(conditions.map((c) => c.id)).size).toBe(conditions.length);
    for (const condition of conditions) {
      expect(RULE_IDS).toContain(condition.rule);
      expect(`${condition.title} ${condition.body}`).not.toMatch(/sk-ant-/);
    }
  });
});
