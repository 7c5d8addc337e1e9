import { describe, expect, it } from 'vitest';
import {
  activeSnoozeFor,
  addSnooze,
  pruneSnoozes,
  removeSnooze,
  type Snooze,
} from '../../../../main/core/alerts/snooze';

const NOW = 1_000_000;

describe('snoozes', () => {
  const rule: Snooze = { rule: 'key-dormant', targetId: null, untilMs: NOW + 100 };
  const target: Snooze = { rule: '*', targetId: 'apikey_01A', untilMs: NOW + 500 };

  it.each([
    [{ rule: 'key-dormant', targetId: 'apikey_01Z' }, NOW, rule], // rule-wide
    [{ rule: 'key-rotation', targetId: 'apikey_01A' }, NOW, target], // target-wide
    [{ rule: 'key-dormant', targetId: 'apikey_01A' }, NOW, target], // both match: the longest wins
    [{ rule: 'key-rotation', targetId: 'apikey_01Z' }, NOW, undefined],
    [{ rule: 'key-dormant', targetId: 'apikey_01Z' }, NOW + 100, undefined], // ended exactly now
  ] as const)('%o at %i → %o', (subject, nowMs, expected) => {
    expect(activeSnoozeFor([rule, target], subject, nowMs)).toEqual(expected);
  });

  it('replaces a snooze of the same scope and prunes ended ones', () => {
    const ended: Snooze = { rule: 'sync-health', targetId: null, untilMs: NOW - 1 };
    const extended = addSnooze([rule, ended], { ...rule, untilMs: NOW + 900 }, NOW);
    expect(extended).toEqual([{ ...rule, untilMs: NOW + 900 }]);
    expect(addSnooze(extended, { ...rule, untilMs: NOW }, NOW)).toEqual([]); // a snooze "until now" clears it
    expect(pruneSnoozes([rule, ended], NOW)).toEqual([rule]);
    expect(removeSnooze([rule, target], '*', 'apikey_01A')).toEqual([rule]);
  });
});
