import { describe, expect, it } from 'vitest';
import { defaultAlertRules, setAlertRule } from '../../../main/core/alerts/index';
import { latestEpisodeActivityMs, loadEpisodes, saveAlertRules, saveEpisodes } from '../../../main/db/alerts/index';
import { recordAlertCycle } from '../../../main/services/alerts/evaluate-alerts';
import { DAY_MS, memoryMirror, seedCost, syncSnapshot, workspace } from '../db/alerts/seed-mirror';

const NOW = Date.parse('2026-11-23T10:00:00Z');
const PROD = workspace('wrkspc_prod', 'Production');

function mirrorWithBudget(usd: string) {
  const db = memoryMirror();
  syncSnapshot(db, NOW - 600_000, { org: { id: 'org_acme', name: 'Acme' }, workspaces: [PROD] });
  seedCost(db, '2026-10-01', '2026-11-23', () => [{ workspace_id: PROD.id, amount: '15000' }]); // $150/day
  const rules = setAlertRule(defaultAlertRules('UTC'), 'budgets.orgMonthlyUsd', usd);
  if (!rules.ok) throw new Error(rules.message);
  saveAlertRules(db, rules.rules, 'UTC');
  return db;
}

describe('recordAlertCycle', () => {
  it('evaluates the mirror with the stored rules and records the episodes, never marking them notified', () => {
    const db = mirrorWithBudget('2000');
    const { cycle, recorded } = recordAlertCycle(db, NOW, { defaultTz: 'UTC' });
    expect(cycle.exitCode).toBe(2);
    expect(recorded).toBe(true);
    const stored = loadEpisodes(db);
    expect(stored.map((e) => e.conditionId)).toContain('spend:org:2026-11:100');
    expect(stored.every((e) => e.notifiedAtMs === null)).toBe(true);
    expect(latestEpisodeActivityMs(db)).toBe(NOW);
  });

  it('keeps the same episode across runs and closes it when the condition clears', () => {
    const db = mirrorWithBudget('2000');
    const first = recordAlertCycle(db, NOW, { defaultTz: 'UTC' }).cycle.reconciliation.opened.map((e) => e.id);
    const again = recordAlertCycle(db, NOW + 60_000, { defaultTz: 'UTC' }).cycle.reconciliation;
    expect(again.opened).toEqual([]);
    const budget = setAlertRule(defaultAlertRules('UTC'), 'budgets.orgMonthlyUsd', '100000');
    if (!budget.ok) throw new Error(budget.message);
    saveAlertRules(db, budget.rules, 'UTC');
    const cleared = recordAlertCycle(db, NOW + 120_000, { defaultTz: 'UTC' }).cycle.reconciliation;
    expect(cleared.closed.map((e) => e.id)).toEqual(first.filter((id) => id.startsWith('spend:org')));
  });

  it('does not write when asked not to persist', () => {
    const db = mirrorWithBudget('2000');
    expect(recordAlertCycle(db, NOW, { defaultTz: 'UTC', persist: false }).recorded).toBe(false);
    expect(loadEpisodes(db)).toEqual([]);
  });

  it('drops episodes closed more than 90 days ago', () => {
    const db = mirrorWithBudget('2000');
    const old = { ...recordAlertCycle(db, NOW, { defaultTz: 'UTC' }).cycle.reconciliation.episodes[0]! };
    saveEpisodes(db, [
      { ...old, id: 'old@1', conditionId: 'old', closedAtMs: NOW - 91 * DAY_MS },
      { ...old, id: 'recent@1', conditionId: 'recent', closedAtMs: NOW - 89 * DAY_MS },
    ]);
    recordAlertCycle(db, NOW, { defaultTz: 'UTC' });
    const ids = loadEpisodes(db).map((e) => e.id);
    expect(ids).toContain('recent@1');
    expect(ids).not.toContain('old@1');
  });
});
