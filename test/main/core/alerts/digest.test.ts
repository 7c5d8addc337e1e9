import { describe, expect, it } from 'vitest';
import { buildDigest, isDigestDue, planDigest } from '../../../../main/core/alerts/digest';
import { reconcileEpisodes } from '../../../../main/core/alerts/episodes';
import { defaultAlertRules, type AlertRules } from '../../../../main/core/alerts/rules';
import type { Condition, Severity } from '../../../../main/core/alerts/types';
import { at } from './fixtures';

function berlinRules(edit: (rules: AlertRules) => void = () => undefined): AlertRules {
  const rules = defaultAlertRules('Europe/Berlin');
  rules.digest = { enabled: true, at: '08:30' };
  rules.quietHours.enabled = true; // 22:00–07:00
  edit(rules);
  return rules;
}

const condition = (id: string, severity: Severity, title: string): Condition => ({
  id,
  rule: 'key-rotation',
  severity,
  targetKind: 'key',
  targetId: id,
  targetName: id,
  title,
  body: '',
  view: { view: 'keys', id },
});

describe('isDigestDue', () => {
  it.each([
    ['08:29 local', '2026-11-24T07:29:00Z', null, false],
    ['08:30 local', '2026-11-24T07:30:00Z', null, true],
    ['15:00 local, none shown today (app started late)', '2026-11-24T14:00:00Z', '2026-11-23', true],
    ['later the same local day, already shown', '2026-11-24T14:00:00Z', '2026-11-24', false],
    ['00:30 local on the next day, before the time', '2026-11-24T23:30:00Z', '2026-11-24', false],
    ['08:30 local on the next day', '2026-11-25T07:30:00Z', '2026-11-24', true],
  ])('%s → %s', (_label, iso, lastDay, due) => {
    expect(isDigestDue(at(iso), berlinRules(), lastDay)).toBe(due);
  });

  it('follows local time across the October DST change', () => {
    const rules = berlinRules((r) => (r.digest.at = '07:30'));
    expect(isDigestDue(at('2026-10-25T05:30:00Z'), rules, '2026-10-24')).toBe(false); // 06:30 CET
    expect(isDigestDue(at('2026-10-25T06:30:00Z'), rules, '2026-10-24')).toBe(true); // 07:30 CET
  });

  it('waits for quiet hours to end when the digest time falls inside them', () => {
    const rules = berlinRules((r) => (r.digest.at = '06:30'));
    expect(isDigestDue(at('2026-11-24T05:45:00Z'), rules, null)).toBe(false); // 06:45, quiet
    expect(isDigestDue(at('2026-11-24T06:00:00Z'), rules, null)).toBe(true); // 07:00
  });

  it('is never due when disabled', () => {
    expect(
      isDigestDue(
        at('2026-11-24T12:00:00Z'),
        berlinRules((r) => (r.digest.enabled = false)),
        null,
      ),
    ).toBe(false);
  });
});

describe('buildDigest and planDigest', () => {
  const T = at('2026-11-24T07:30:00Z');
  const open = reconcileEpisodes(
    [],
    [
      condition('a', 'info', 'Key "ci" is 120 days old'),
      condition('b', 'critical', 'Acme has reached its monthly budget'),
      condition('c', 'warning', 'Key "x" expires in 6 days'),
    ],
    T - 3_600_000,
    { quietHours: berlinRules().quietHours, snoozes: [] },
  ).episodes;

  it('lists open episodes most severe first with counts', () => {
    const digest = buildDigest(open, T, berlinRules());
    expect(digest).toMatchObject({
      localDay: '2026-11-24',
      title: '3 open alerts (1 critical, 1 warning, 1 info)',
      lines: [
        '[critical] Acme has reached its monthly budget',
        '[warning] Key "x" expires in 6 days',
        'Key "ci" is 120 days old',
      ],
      counts: { critical: 1, warning: 1, info: 1 },
    });
    expect(digest?.episodeIds).toHaveLength(3);
  });

  it('leaves closed episodes out and sends nothing when nothing is open', () => {
    const allClosed = reconcileEpisodes(open, [], T, { quietHours: berlinRules().quietHours, snoozes: [] }).episodes;
    expect(buildDigest(allClosed, T, berlinRules())).toBeNull();
    expect(planDigest(allClosed, T, berlinRules(), null)).toEqual({ localDay: '2026-11-24', digest: null });
  });

  it('happens once per local day', () => {
    const first = planDigest(open, T, berlinRules(), '2026-11-23');
    expect(first?.digest?.title).toBe('3 open alerts (1 critical, 1 warning, 1 info)');
    expect(planDigest(open, T + 3_600_000, berlinRules(), first?.localDay ?? null)).toBeNull();
    expect(planDigest(open, T + 24 * 3_600_000, berlinRules(), first?.localDay ?? null)?.localDay).toBe('2026-11-25');
  });
});
