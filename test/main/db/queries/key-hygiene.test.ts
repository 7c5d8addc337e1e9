import { describe, expect, it } from 'vitest';
import { defaultAlertRules, evaluateKeyExpiry, type AlertInputs } from '../../../../main/core/alerts/index';
import { judgeMirroredKey, keyHygiene, type HygieneInput } from '../../../../main/db/queries/key-hygiene';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23);
const rules = defaultAlertRules('UTC');
const healthy: HygieneInput = {
  status: 'active',
  createdAtMs: now - 40 * DAY,
  expiresAtMs: null,
  creatorIsMember: true,
  inDefaultWorkspace: false,
  lastUsedDayMs: now - DAY,
};

describe('keyHygiene (the inventory and tree, judged by the profile rules)', () => {
  it.each([
    ['ok', {}],
    ['inactive', { status: 'inactive' }],
    ['expiring', { expiresAtMs: now + 3 * DAY }],
    ['expired', { expiresAtMs: now - DAY }],
    ['orphaned', { creatorIsMember: false }],
    ['dormant', { lastUsedDayMs: now - 45 * DAY }],
    ['dormant', { lastUsedDayMs: null }],
    ['rotate-soon', { createdAtMs: now - 200 * DAY }],
    ['default-workspace', { inDefaultWorkspace: true }],
  ] as const)('says %s for %o', (verdict, change) => {
    const result = keyHygiene({ ...healthy, ...change }, rules, now);
    expect(result.verdict).toBe(verdict);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it('does not call a key created yesterday dormant', () => {
    expect(keyHygiene({ ...healthy, createdAtMs: now - DAY, lastUsedDayMs: null }, rules, now).verdict).toBe('ok');
  });

  it('puts the most urgent problem first: an expiring key of a removed creator is "expiring"', () => {
    expect(keyHygiene({ ...healthy, expiresAtMs: now + DAY, creatorIsMember: false }, rules, now).verdict).toBe(
      'expiring',
    );
  });

  it('counts days to expiry in the reason', () => {
    expect(keyHygiene({ ...healthy, expiresAtMs: now + 3 * DAY }, rules, now).reason).toBe(
      'The key expires in 3 days.',
    );
  });

  it('follows keys.rotationDays: a 139-day key is past the default 90-day policy, and fine under a 180-day one', () => {
    const old = { ...healthy, createdAtMs: now - 139 * DAY };
    expect(keyHygiene(old, rules, now)).toEqual({
      verdict: 'rotate-soon',
      reason: 'The key is 139 days old, past the 90-day rotation policy.',
    });
    const lenient = { ...rules, keys: { ...rules.keys, rotationDays: 180 } };
    expect(keyHygiene(old, lenient, now).verdict).toBe('ok');
  });

  it('says the same number of days to expiry as the alert (4.5 days left: "in 4 days" in both)', () => {
    const expiresAtMs = now + 4.5 * DAY;
    const reason = keyHygiene({ ...healthy, expiresAtMs }, rules, now).reason;
    const inputs = {
      keys: [
        {
          id: 'k',
          name: 'ci',
          status: 'active',
          workspaceId: null,
          createdAtMs: healthy.createdAtMs,
          expiresAtMs,
          createdByUserId: null,
          lastUsedDay: null,
        },
      ],
      workspaces: [],
    } as unknown as AlertInputs;
    const [alert] = evaluateKeyExpiry(inputs, rules, now);
    expect(reason).toBe('The key expires in 4 days.');
    expect(alert?.title).toBe('Key "ci" expires in 4 days');
  });

  it('gives no verdict for a rule the admin switched off, as the alerts give no alert', () => {
    const noRotation = { ...rules, disabledRules: ['key-rotation' as const] };
    expect(keyHygiene({ ...healthy, createdAtMs: now - 200 * DAY }, noRotation, now).verdict).toBe('ok');
  });

  it('lists every verdict that applies, most urgent first, the shown verdict first (what `keys --verdict` filters on)', () => {
    const old = { ...healthy, createdAtMs: now - 200 * DAY };
    const judged = judgeMirroredKey(
      { ...old, expiresAtMs: now + 3 * DAY, creatorIsMember: false, inDefaultWorkspace: true },
      rules,
      now,
    );
    expect(judged.verdict).toBe('expiring');
    expect(judged.verdicts).toEqual(['expiring', 'orphaned', 'rotate-soon', 'default-workspace']);
    expect(judged.ageDays).toBe(200);
    expect(judged.daysToExpiry).toBe(3);
    expect(judgeMirroredKey({ ...old, status: 'inactive' }, rules, now).verdicts).toEqual(['inactive']);
    expect(judgeMirroredKey(healthy, rules, now).verdicts).toEqual(['ok']);
    const noRotation = { ...rules, disabledRules: ['key-rotation' as const] };
    expect(judgeMirroredKey({ ...old, creatorIsMember: false }, noRotation, now).verdicts).toEqual(['orphaned']);
  });
});
