import { describe, expect, it } from 'vitest';
import { evaluateKeyExpiry } from '../../../../../main/core/alerts/evaluators/key-expiry';
import { defaultAlertRules } from '../../../../../main/core/alerts/rules';
import type { AlertApiKey } from '../../../../../main/core/alerts/types';
import { at, inputs, key } from '../fixtures';

const NOW = at('2026-11-23T10:00:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function expiring(expiresAtMs: number | null, status: AlertApiKey['status'] = 'active'): AlertApiKey {
  return key({ id: 'apikey_01Deploy', name: 'deploy-bot', expiresAtMs, status });
}

describe('evaluateKeyExpiry', () => {
  it.each([
    ['15 days left', NOW + 15 * DAY, null, null],
    ['exactly 14 days left', NOW + 14 * DAY, 'key-expiry:apikey_01Deploy:14d', 'info'],
    ['7 days and 1 ms left', NOW + 7 * DAY + 1, 'key-expiry:apikey_01Deploy:14d', 'info'],
    ['exactly 7 days left', NOW + 7 * DAY, 'key-expiry:apikey_01Deploy:7d', 'warning'],
    ['exactly 1 day left', NOW + DAY, 'key-expiry:apikey_01Deploy:1d', 'critical'],
    ['2 hours left', NOW + 2 * HOUR, 'key-expiry:apikey_01Deploy:1d', 'critical'],
    ['expiring this very instant (already expired)', NOW, null, null],
    ['no expiry', null, null, null],
  ])('%s → %s', (_label, expiresAtMs, id, severity) => {
    const conditions = evaluateKeyExpiry(inputs({ keys: [expiring(expiresAtMs)] }), defaultAlertRules(), NOW);
    expect(conditions.map((c) => c.id)).toEqual(id === null ? [] : [id]);
    if (severity)
      expect(conditions[0]).toMatchObject({
        severity,
        targetKind: 'key',
        targetName: 'deploy-bot',
        view: { view: 'keys', id: 'apikey_01Deploy' },
      });
  });

  it.each(['inactive', 'archived', 'expired'] as const)('leaves %s keys alone', (status) => {
    expect(evaluateKeyExpiry(inputs({ keys: [expiring(NOW + DAY, status)] }), defaultAlertRules(), NOW)).toEqual([]);
  });

  it('says "in 6 days" and "in 5 hours"', () => {
    const rules = defaultAlertRules();
    expect(evaluateKeyExpiry(inputs({ keys: [expiring(NOW + 6 * DAY + 5 * HOUR)] }), rules, NOW)[0]?.title).toBe(
      'Key "deploy-bot" expires in 6 days',
    );
    expect(evaluateKeyExpiry(inputs({ keys: [expiring(NOW + 5 * HOUR)] }), rules, NOW)[0]?.title).toBe(
      'Key "deploy-bot" expires in 5 hours',
    );
  });

  it('writes a midnight-UTC expiry as the afternoon before for an admin in Los Angeles', () => {
    const rules = defaultAlertRules('America/Los_Angeles');
    const now = at('2026-11-23T00:00:00Z');
    const [condition] = evaluateKeyExpiry(inputs({ keys: [expiring(at('2026-11-30T00:00:00Z'))] }), rules, now);
    expect(condition?.id).toBe('key-expiry:apikey_01Deploy:7d');
    expect(condition?.body).toBe(
      'The key in Production expires Sun, 29 Nov 2026, 16:00 (America/Los_Angeles). Create a replacement in the Console and move its users before then.',
    );
  });

  it("measures a key expiring at midnight Tokyo time in exact hours, whatever the admin's zone", () => {
    const tokyoMidnight = at('2026-11-30T00:00:00+09:00'); // 2026-11-29T15:00Z
    const data = inputs({ keys: [expiring(tokyoMidnight)] });
    for (const zone of ['Asia/Tokyo', 'Europe/Berlin', 'Pacific/Honolulu']) {
      const rules = defaultAlertRules(zone);
      expect(evaluateKeyExpiry(data, rules, tokyoMidnight - 7 * DAY)[0]?.id).toBe('key-expiry:apikey_01Deploy:7d');
      expect(evaluateKeyExpiry(data, rules, tokyoMidnight - 7 * DAY - 1)[0]?.id).toBe('key-expiry:apikey_01Deploy:14d');
    }
    expect(evaluateKeyExpiry(data, defaultAlertRules('Asia/Tokyo'), NOW)[0]?.body).toContain(
      'Mon, 30 Nov 2026, 00:00 (Asia/Tokyo)',
    );
  });

  it('uses custom warning windows', () => {
    const rules = defaultAlertRules();
    rules.keys.expiryDays = [30, 3];
    expect(evaluateKeyExpiry(inputs({ keys: [expiring(NOW + 20 * DAY)] }), rules, NOW)[0]?.id).toBe(
      'key-expiry:apikey_01Deploy:30d',
    );
    expect(evaluateKeyExpiry(inputs({ keys: [expiring(NOW + 2 * DAY)] }), rules, NOW)[0]).toMatchObject({
      id: 'key-expiry:apikey_01Deploy:3d',
      severity: 'warning',
    });
  });
});
