import { describe, expect, it } from 'vitest';
import { runAlertCycle } from '../../../../main/core/alerts/cycle';
import { markNotified, type Episode } from '../../../../main/core/alerts/episodes';
import { defaultAlertRules } from '../../../../main/core/alerts/rules';
import { at, costDays, inputs, PROD, STAGING } from './fixtures';

const NOW = at('2026-11-23T10:00:00Z');

/** A demo-like org: $120/day in Production, $30/day in Staging since 1 October. */
const demo = inputs({
  dailyCost: [
    ...costDays(PROD.id, '2026-10-01', '2026-11-23', () => 120),
    ...costDays(STAGING.id, '2026-10-01', '2026-11-23', () => 30),
  ],
});

describe('runAlertCycle', () => {
  it('with a budget below month-to-date spend: exit 2, listing the crossed threshold', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '2000'; // MTD = 23 × $150 = $3,450
    const cycle = runAlertCycle(demo, rules, [], [], NOW);
    expect(cycle.exitCode).toBe(2);
    expect(cycle.conditions.filter((c) => c.rule === 'spend-threshold').map((c) => [c.id, c.body])).toEqual([
      ['spend:org:2026-11:100', '$3,450.00 of $2,000.00 spent in November 2026 (172 %).'],
    ]);
  });

  it('with nothing wrong: exit 0; with a stale mirror: exit 3 whatever else holds', () => {
    expect(runAlertCycle(demo, defaultAlertRules(), [], [], NOW).exitCode).toBe(0);
    const stale = { ...demo, sync: { lastSuccessAtMs: NOW - 7 * 3_600_000, credentialInvalid: false } };
    const cycle = runAlertCycle(stale, defaultAlertRules(), [], [], NOW);
    expect(cycle.exitCode).toBe(3);
    expect(cycle.health.problems).toEqual(['data-too-old']);
  });

  it('notifies once over two app cycles and a restart, after a CLI check recorded first', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '2000';
    const recorded = runAlertCycle(demo, rules, [], [], NOW).reconciliation.episodes; // check: record only
    let stored: Episode[] = JSON.parse(JSON.stringify(recorded)) as Episode[];
    const shown: string[] = [];
    for (const [offset, restart] of [
      [1, false],
      [2, false],
      [3, true],
    ] as const) {
      if (restart) stored = JSON.parse(JSON.stringify(stored)) as Episode[];
      const { reconciliation } = runAlertCycle(demo, rules, stored, [], NOW + offset * 60_000);
      shown.push(...reconciliation.toNotify.map((episode) => episode.conditionId));
      stored = markNotified(
        reconciliation.episodes,
        reconciliation.toNotify.map((e) => e.id),
        NOW + offset * 60_000,
      );
    }
    expect(shown).toEqual(['spend:org:2026-11:100']);
  });

  it('drops expired snoozes and honours live ones', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '2000';
    const live = runAlertCycle(demo, rules, [], [{ rule: 'spend-threshold', targetId: null, untilMs: NOW + 1 }], NOW);
    expect(live.reconciliation.held.map((e) => e.heldBy)).toEqual(['snooze']);
    const ended = runAlertCycle(demo, rules, [], [{ rule: 'spend-threshold', targetId: null, untilMs: NOW }], NOW);
    expect(ended.reconciliation.toNotify).toHaveLength(1);
  });
});
