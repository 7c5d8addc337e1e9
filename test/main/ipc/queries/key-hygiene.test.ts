import { describe, expect, it } from 'vitest';
import { keyHygiene, type HygieneInput } from '../../../../main/ipc/queries/key-hygiene';

const DAY = 86_400_000;
const now = Date.UTC(2026, 10, 23);
const healthy: HygieneInput = { status: 'active', createdAtMs: now - 40 * DAY, expiresAtMs: null, creatorIsMember: true, lastUsedDayMs: now - DAY };

describe('keyHygiene', () => {
  it.each([
    ['ok', {}],
    ['inactive', { status: 'inactive' }],
    ['expiring', { expiresAtMs: now + 3 * DAY }],
    ['expiring', { expiresAtMs: now - DAY }],
    ['orphaned', { creatorIsMember: false }],
    ['dormant', { lastUsedDayMs: now - 45 * DAY }],
    ['dormant', { lastUsedDayMs: null }],
    ['rotate-soon', { createdAtMs: now - 200 * DAY }],
  ] as const)('says %s for %o', (verdict, change) => {
    const result = keyHygiene({ ...healthy, ...change }, now);
    expect(result.verdict).toBe(verdict);
    expect(result.reason.length).toBeGreaterThan(10);
  });

  it('does not call a key created yesterday dormant', () => {
    expect(keyHygiene({ ...healthy, createdAtMs: now - DAY, lastUsedDayMs: null }, now).verdict).toBe('ok');
  });

  it('puts the most urgent problem first: an expiring key of a removed creator is "expiring"', () => {
    expect(keyHygiene({ ...healthy, expiresAtMs: now + DAY, creatorIsMember: false }, now).verdict).toBe('expiring');
  });

  it('counts days to expiry in the reason', () => {
    expect(keyHygiene({ ...healthy, expiresAtMs: now + 3 * DAY }, now).reason).toBe('The key expires in 3 days.');
  });
});
