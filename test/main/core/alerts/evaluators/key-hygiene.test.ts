import { describe, expect, it } from 'vitest';
import { evaluateDormantKeys } from '../../../../../main/core/alerts/evaluators/dormant-keys';
import { evaluateExpiredStillActive } from '../../../../../main/core/alerts/evaluators/expired-still-active';
import { evaluateKeyRotation } from '../../../../../main/core/alerts/evaluators/key-rotation';
import { evaluateOrphanedKeys } from '../../../../../main/core/alerts/evaluators/orphaned-keys';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import { at, DEV, inputs, key } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const DAY = 86_400_000;
const rules = defaultAlertRules();

describe('evaluateExpiredStillActive', () => {
  it.each([
    ['active, expired a minute ago', 'active', NOW - 60_000, true],
    ['active, expiring exactly now', 'active', NOW, true],
    ['active, expiring in a minute', 'active', NOW + 60_000, false],
    ['already marked expired', 'expired', NOW - DAY, false],
    ['active, no expiry', 'active', null, false],
  ] as const)('%s → %s', (_label, status, expiresAtMs, flagged) => {
    const data = inputs({ keys: [key({ id: 'apikey_01Old', name: 'old-batch', status, expiresAtMs })] });
    const conditions = evaluateExpiredStillActive(data, rules, NOW);
    expect(conditions.map((c) => c.id)).toEqual(flagged ? ['key-expired-active:apikey_01Old'] : []);
    if (flagged) expect(conditions[0]?.title).toBe('Key "old-batch" has expired but is still marked active');
  });
});

describe('evaluateKeyRotation', () => {
  it.each([
    ['exactly 90 days old', NOW - 90 * DAY, true],
    ['a millisecond short of 90 days', NOW - 90 * DAY + 1, false],
    ['200 days old', NOW - 200 * DAY, true],
  ])('%s → %s', (_label, createdAtMs, flagged) => {
    const conditions = evaluateKeyRotation(
      inputs({ keys: [key({ id: 'apikey_01Ci', name: 'ci', createdAtMs })] }),
      rules,
      NOW,
    );
    expect(conditions.map((c) => c.id)).toEqual(flagged ? ['key-rotation:apikey_01Ci'] : []);
  });

  it('names the age and the policy, and ignores inactive keys', () => {
    const old = key({ id: 'apikey_01Ci', name: 'ci', createdAtMs: NOW - 120 * DAY });
    expect(evaluateKeyRotation(inputs({ keys: [old] }), rules, NOW)[0]).toMatchObject({
      severity: 'info',
      title: 'Key "ci" is 120 days old',
    });
    expect(evaluateKeyRotation(inputs({ keys: [{ ...old, status: 'inactive' }] }), rules, NOW)).toEqual([]);
  });
});

describe('evaluateDormantKeys', () => {
  it.each([
    ['last used 30 days before today', '2026-10-24', NOW - 100 * DAY, 30],
    ['last used 29 days before today', '2026-10-25', NOW - 100 * DAY, null],
    ['used yesterday', '2026-11-22', NOW - 100 * DAY, null],
    ['never used, created 31 days ago', null, NOW - 31 * DAY, 31],
    ['never used, created 5 days ago', null, NOW - 5 * DAY, null],
  ])('%s → idle days %s', (_label, lastUsedDay, createdAtMs, idleDays) => {
    const data = inputs({ keys: [key({ id: 'apikey_01Idle', name: 'idle', lastUsedDay, createdAtMs })] });
    const conditions = evaluateDormantKeys(data, rules, NOW);
    expect(conditions.map((c) => c.title)).toEqual(
      idleDays === null ? [] : [`Key "idle" has not been used for ${idleDays} days`],
    );
    if (idleDays !== null) expect(conditions[0]?.id).toBe('key-dormant:apikey_01Idle');
  });
});

describe('evaluateOrphanedKeys', () => {
  it.each([
    ['creator left the org', 'user_01Gone', true],
    ['creator still a member', DEV.id, false],
    ['no user creator (service account or legacy key)', null, false],
  ])('%s → %s', (_label, createdByUserId, flagged) => {
    const data = inputs({ keys: [key({ id: 'apikey_01Orphan', name: 'etl', createdByUserId })] });
    const conditions = evaluateOrphanedKeys(data, rules, NOW);
    expect(conditions.map((c) => c.id)).toEqual(flagged ? ['key-orphaned:apikey_01Orphan'] : []);
    if (flagged)
      expect(conditions[0]).toMatchObject({ severity: 'warning', title: 'Key "etl" belongs to someone who left' });
  });
});
