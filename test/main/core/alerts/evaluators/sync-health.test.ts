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
    ['synced 6 hours and 1 ms ago', { lastSuccessAtMs: NOW - 6 * HOUR - 1, credentialInvalid: false }, ['data-too-old']],
    ['never synced', { lastSuccessAtMs: null, credentialInvalid: false }, ['no-data']],
    ['credential rejected after a recent sync', { lastSuccessAtMs: NOW - HOUR, credentialInvalid: true }, ['credential-invalid']],
    ['credential rejected and stale', { lastSuccessAtMs: NOW - 30 * HOUR, credentialInvalid: true }, ['credential-invalid', 'data-too-old']],
  ])('%s → %j', (_label, sync, problems) => {
    expect(assessHealth({ sync }, rules, NOW).problems).toEqual(problems);
    expect(evaluateSyncHealth(inputs({ sync }), rules, NOW).map((c) => c.id)).toEqual(problems.map((p) => `sync:${p}`));
  });

  it('makes a rejected key critical and never includes anything key-shaped', () => {
    const [condition] = evaluateSyncHealth(inputs({ sync: { lastSuccessAtMs: NOW - HOUR, credentialInvalid: true } }), rules, NOW);
    expect(condition).toMatchObject({ severity: 'critical', title: 'The admin key was rejected', view: { view: 'sync' } });
    expect(JSON.stringify(condition)).not.toMatch(/sk-ant-/);
  });

  it('says how old the data is', () => {
    const [condition] = evaluateSyncHealth(inputs({ sync: { lastSuccessAtMs: NOW - 30 * HOUR, credentialInvalid: false } }), rules, NOW);
    expect(condition?.body).toBe('The last successful sync of Acme was 1 day ago. Alerts reflect that moment.');
  });

  it('honours a custom staleness limit', () => {
    const strict = defaultAlertRules();
    strict.sync.staleAfterHours = 1;
    expect(assessHealth({ sync: { lastSuccessAtMs: NOW - 2 * HOUR, credentialInvalid: false } }, strict, NOW).problems).toEqual(['data-too-old']);
  });
});
