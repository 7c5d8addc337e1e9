import { describe, expect, it } from 'vitest';
import { assessHealth, evaluateSyncHealth } from '../../../../../main/core/alerts/evaluators/sync-health';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import { at, inputs } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;
const rules = defaultAlertRules();

describe('assessHealth and evaluateSyncHealth', () => {
  it.each([
    ['synced 5 minutes ago', { lastSuccessAtMs: NOW - 5 * 60_000, credentialInvalid: false }, []],
    ['synced exactly 6 hours ago', { lastSuccessAtMs: NOW - 6 * HOUR, credentialInvalid: false }, []],
    [
      'synced 6 hours and 1 ms ago',
      { lastSuccessAtMs: NOW - 6 * HOUR - 1, credentialInvalid: false },
      ['data-too-old'],
    ],
    ['never synced', { lastSuccessAtMs: null, credentialInvalid: false }, ['no-data']],
    [
      'credential rejected after a recent sync',
      { lastSuccessAtMs: NOW - HOUR, credentialInvalid: true },
      ['credential-invalid'],
    ],
    [
      'credential rejected and stale',
      { lastSuccessAtMs: NOW - 30 * HOUR, credentialInvalid: true },
      ['credential-invalid', 'data-too-old'],
    ],
  ])('%s → %j', (_label, sync, problems) => {
    expect(assessHealth({ sync }, rules, NOW).problems).toEqual(problems);
    expect(evaluateSyncHealth(inputs({ sync }), rules, NOW).map((c) => c.id)).toEqual(problems.map((p) => `sync:${p}`));
  });

  it('makes a rejected key critical and never includes anything key-shaped', () => {
    const [condition] = evaluateSyncHealth(
      inputs({ sync: { lastSuccessAtMs: NOW - HOUR, credentialInvalid: true } }),
      rules,
      NOW,
    );
    expect(condition).toMatchObject({
      severity: 'critical',
      title: 'The admin key was rejected',
      view: { view: 'sync' },
    });
    expect(JSON.stringify(condition)).not.toMatch(/sk-ant-/);
  });

  it('says how old the data is', () => {
    const [condition] = evaluateSyncHealth(
      inputs({ sync: { lastSuccessAtMs: NOW - 30 * HOUR, credentialInvalid: false } }),
      rules,
      NOW,
    );
    expect(condition?.body).toBe('The last successful sync of Acme was 1 day ago. Alerts reflect that moment.');
  });

  it('honours a custom staleness limit', () => {
    const strict = defaultAlertRules();
    strict.sync.staleAfterHours = 1;
    expect(
      assessHealth({ sync: { lastSuccessAtMs: NOW - 2 * HOUR, credentialInvalid: false } }, strict, NOW).problems,
    ).toEqual(['data-too-old']);
  });
});

describe('spend that cannot be evaluated (usage and cost reports)', () => {
  const fresh = { lastSuccessAtMs: NOW - 5 * 60_000, credentialInvalid: false };
  const source = (
    resource: string,
    status: 'ok' | 'error' | 'unavailable' | null,
    lastCompleteAtMs: number | null,
    detail: string | null = null,
  ) => ({
    resource,
    status,
    lastCompleteAtMs,
    detail,
  });
  const ok = (resource: string) => source(resource, 'ok', NOW - 10 * 60_000);

  it('a cost report that failed in its last sync: spend-unavailable, naming the report and why', () => {
    const sync = {
      ...fresh,
      spendSources: [
        ok('usage_hourly'),
        ok('usage_daily'),
        source('cost_daily', 'error', NOW - 2 * HOUR, 'server on GET /v1/organizations/cost_report: boom'),
      ],
    };
    const health = assessHealth({ sync }, rules, NOW);
    expect(health.problems).toEqual(['spend-unavailable']);
    expect(health.spend).toEqual([
      { resource: 'cost_daily', reason: 'failed in the last sync (server on GET /v1/organizations/cost_report: boom)' },
    ]);
    const [condition] = evaluateSyncHealth(inputs({ sync }), rules, NOW);
    expect(condition).toMatchObject({
      id: 'sync:spend-unavailable',
      severity: 'warning',
      title: 'Spend cannot be evaluated',
    });
    expect(condition?.body).toContain('cost_daily failed in the last sync');
  });

  it('a report older than sync.staleAfterHours while the rest of the sync is fresh', () => {
    const sync = {
      ...fresh,
      spendSources: [source('usage_hourly', 'ok', NOW - 7 * HOUR), ok('usage_daily'), ok('cost_daily')],
    };
    expect(assessHealth({ sync }, rules, NOW).spend).toEqual([
      { resource: 'usage_hourly', reason: 'last synced 7 hours ago, older than the 6 h limit (sync.staleAfterHours)' },
    ]);
  });

  it('a report the org does not have ("not available") is no problem; all fresh is none', () => {
    expect(
      assessHealth(
        {
          sync: {
            ...fresh,
            spendSources: [source('usage_hourly', 'unavailable', null), ok('usage_daily'), ok('cost_daily')],
          },
        },
        rules,
        NOW,
      ).problems,
    ).toEqual([]);
    expect(
      assessHealth(
        { sync: { ...fresh, spendSources: [ok('usage_hourly'), ok('usage_daily'), ok('cost_daily')] } },
        rules,
        NOW,
      ).problems,
    ).toEqual([]);
  });

  it('with the whole mirror stale, the failed report is still named but its age is not repeated', () => {
    const sync = {
      lastSuccessAtMs: NOW - 30 * HOUR,
      credentialInvalid: false,
      spendSources: [
        source('usage_hourly', 'ok', NOW - 30 * HOUR),
        source('cost_daily', 'error', NOW - 40 * HOUR, 'x'),
      ],
    };
    const health = assessHealth({ sync }, rules, NOW);
    expect(health.problems).toEqual(['data-too-old', 'spend-unavailable']);
    expect(health.spend.map((p) => p.resource)).toEqual(['cost_daily']);
  });
});
