import { describe, expect, it } from 'vitest';
import {
  markNotified,
  pruneClosedEpisodes,
  reconcileEpisodes,
  type Episode,
  type EpisodePrefs,
} from '../../../../main/core/alerts/episodes';
import { evaluateSpendThresholds } from '../../../../main/core/alerts/evaluators/spend-thresholds';
import { defaultAlertRules } from '../../../../main/core/alerts/rules';
import type { Condition } from '../../../../main/core/alerts/types';
import { at, costDays, inputs, PROD } from './fixtures';

const T0 = at('2026-11-23T10:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const awake: EpisodePrefs = {
  quietHours: { enabled: false, start: '22:00', end: '07:00', timeZone: 'UTC' },
  snoozes: [],
};
const berlinNights: EpisodePrefs = {
  quietHours: { enabled: true, start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' },
  snoozes: [],
};

function condition(id: string, overrides: Partial<Condition> = {}): Condition {
  return {
    id,
    rule: 'spend-threshold',
    severity: 'warning',
    targetKind: 'organization',
    targetId: 'org_01Acme',
    targetName: 'Acme',
    title: `title of ${id}`,
    body: `body of ${id}`,
    view: { view: 'spend' },
    ...overrides,
  };
}

/** What the app's notifier does each cycle: reconcile, show toNotify, mark them. */
function appCycle(stored: Episode[], conditions: Condition[], nowMs: number, prefs = awake) {
  const result = reconcileEpisodes(stored, conditions, nowMs, prefs);
  const shown = result.toNotify.map((episode) => episode.conditionId);
  return {
    ...result,
    shown,
    episodes: markNotified(
      result.episodes,
      result.toNotify.map((e) => e.id),
      nowMs,
    ),
  };
}

/** Persisting to the mirror and reading back after a restart: a JSON round trip. */
const restart = (episodes: Episode[]): Episode[] => JSON.parse(JSON.stringify(episodes)) as Episode[];

describe('reconcileEpisodes', () => {
  it('opens an episode when a condition starts and notifies it exactly once', () => {
    const first = appCycle([], [condition('spend:org:2026-11:80')], T0);
    expect(first.opened.map((e) => e.id)).toEqual([`spend:org:2026-11:80@${T0}`]);
    expect(first.shown).toEqual(['spend:org:2026-11:80']);
    const second = appCycle(first.episodes, [condition('spend:org:2026-11:80')], T0 + 5 * MIN);
    expect(second.shown).toEqual([]);
    expect(second.opened).toEqual([]);
    expect(second.episodes).toHaveLength(1);
    expect(second.episodes[0]).toMatchObject({
      openedAtMs: T0,
      lastSeenAtMs: T0 + 5 * MIN,
      notifiedAtMs: T0,
      closedAtMs: null,
    });
  });

  it('never notifies twice across restarts (re-running on persisted state)', () => {
    let episodes = appCycle([], [condition('a'), condition('b')], T0).episodes;
    for (let run = 1; run <= 3; run += 1) {
      const afterRestart = appCycle(restart(episodes), [condition('a'), condition('b')], T0 + run * HOUR);
      expect(afterRestart.shown).toEqual([]);
      episodes = afterRestart.episodes;
    }
    expect(episodes.map((e) => e.notifiedAtMs)).toEqual([T0, T0]);
  });

  it('lets the CLI record an episode without marking it, so the app still notifies it once', () => {
    const recordedByCheck = reconcileEpisodes([], [condition('key-expiry:apikey_01A:7d')], T0, awake).episodes;
    expect(recordedByCheck[0]?.notifiedAtMs).toBeNull();
    const checkAgain = reconcileEpisodes(
      restart(recordedByCheck),
      [condition('key-expiry:apikey_01A:7d')],
      T0 + HOUR,
      awake,
    );
    expect(checkAgain.opened).toEqual([]); // the same episode, not a second one
    const app = appCycle(restart(checkAgain.episodes), [condition('key-expiry:apikey_01A:7d')], T0 + 2 * HOUR);
    expect(app.shown).toEqual(['key-expiry:apikey_01A:7d']);
    expect(appCycle(restart(app.episodes), [condition('key-expiry:apikey_01A:7d')], T0 + 3 * HOUR).shown).toEqual([]);
  });

  it('closes an episode when its condition clears, and a return is a new episode that notifies again', () => {
    const opened = appCycle([], [condition('sync:data-too-old')], T0).episodes;
    const cleared = appCycle(opened, [], T0 + HOUR);
    expect(cleared.closed.map((e) => [e.conditionId, e.closedAtMs])).toEqual([['sync:data-too-old', T0 + HOUR]]);
    const back = appCycle(cleared.episodes, [condition('sync:data-too-old')], T0 + 2 * HOUR);
    expect(back.shown).toEqual(['sync:data-too-old']);
    expect(back.episodes.map((e) => e.id)).toEqual([`sync:data-too-old@${T0}`, `sync:data-too-old@${T0 + 2 * HOUR}`]);
  });

  it('treats a higher threshold in the same period as a new episode', () => {
    const at80 = appCycle([], [condition('spend:org:2026-11:80')], T0).episodes;
    const at95 = appCycle(at80, [condition('spend:org:2026-11:95', { severity: 'warning' })], T0 + HOUR);
    expect(at95.shown).toEqual(['spend:org:2026-11:95']);
    expect(at95.closed.map((e) => e.conditionId)).toEqual(['spend:org:2026-11:80']);
  });

  it('closes spend episodes at the month rollover (00:00 UTC on the 1st)', () => {
    const rules = defaultAlertRules();
    rules.budgets.orgMonthlyUsd = '1000';
    const data = inputs({ dailyCost: costDays(PROD.id, '2026-11-01', '2026-11-30', () => 50) });
    const lastNight = at('2026-11-30T23:59:00Z');
    const november = appCycle([], evaluateSpendThresholds(data, rules, lastNight), lastNight);
    expect(november.shown).toEqual(['spend:org:2026-11:100']);
    const december = appCycle(
      november.episodes,
      evaluateSpendThresholds(data, rules, at('2026-12-01T00:00:00Z')),
      at('2026-12-01T00:00:00Z'),
    );
    expect(december.closed.map((e) => e.conditionId)).toEqual(['spend:org:2026-11:100']);
    expect(december.toNotify).toEqual([]);
  });

  it('refreshes the texts of an open episode without re-notifying', () => {
    const first = appCycle([], [condition('spend:org:2026-11:80', { body: '$1,200.00 of $1,500.00' })], T0).episodes;
    const later = appCycle(first, [condition('spend:org:2026-11:80', { body: '$1,300.00 of $1,500.00' })], T0 + HOUR);
    expect(later.shown).toEqual([]);
    expect(later.episodes[0]?.body).toBe('$1,300.00 of $1,500.00');
  });

  it('gives a condition that clears and returns at the same instant a fresh episode id', () => {
    const opened = reconcileEpisodes([], [condition('a')], T0, awake).episodes;
    const closed = reconcileEpisodes(opened, [], T0, awake).episodes;
    const reopened = reconcileEpisodes(closed, [condition('a')], T0, awake).episodes;
    expect(reopened.map((e) => e.id)).toEqual([`a@${T0}`, `a@${T0}#2`]);
  });

  it('ignores a duplicated condition id', () => {
    const result = reconcileEpisodes([], [condition('a'), condition('a')], T0, awake);
    expect(result.episodes).toHaveLength(1);
  });
});

describe('quiet hours in reconcileEpisodes', () => {
  const lateEvening = at('2026-11-23T22:30:00Z'); // 23:30 in Berlin

  it('holds a notification until quiet hours end, then releases it once', () => {
    const night = appCycle([], [condition('k')], lateEvening, berlinNights);
    expect(night.shown).toEqual([]);
    expect(night.held[0]).toMatchObject({ heldBy: 'quiet-hours', heldUntilMs: at('2026-11-24T06:00:00Z') });
    const stillNight = appCycle(night.episodes, [condition('k')], at('2026-11-24T05:59:00Z'), berlinNights);
    expect(stillNight.shown).toEqual([]);
    const morning = appCycle(stillNight.episodes, [condition('k')], at('2026-11-24T06:00:00Z'), berlinNights);
    expect(morning.shown).toEqual(['k']);
    expect(morning.released.map((e) => e.conditionId)).toEqual(['k']);
    const later = appCycle(morning.episodes, [condition('k')], at('2026-11-24T06:05:00Z'), berlinNights);
    expect(later.shown).toEqual([]);
    expect(later.released).toEqual([]);
  });

  it('releases at 07:00 local on the night clocks go back (06:00Z, not 05:00Z)', () => {
    const night = appCycle([], [condition('k')], at('2026-10-24T21:30:00Z'), berlinNights);
    expect(night.held[0]?.heldUntilMs).toBe(at('2026-10-25T06:00:00Z'));
    expect(appCycle(night.episodes, [condition('k')], at('2026-10-25T05:30:00Z'), berlinNights).shown).toEqual([]);
    expect(appCycle(night.episodes, [condition('k')], at('2026-10-25T06:00:00Z'), berlinNights).shown).toEqual(['k']);
  });

  it('releases at 07:00 local on the night New York clocks go forward (11:00Z)', () => {
    const ny: EpisodePrefs = {
      ...berlinNights,
      quietHours: { ...berlinNights.quietHours, timeZone: 'America/New_York' },
    };
    const night = appCycle([], [condition('k')], at('2026-03-08T04:00:00Z'), ny); // 23:00 EST on the 7th
    expect(appCycle(night.episodes, [condition('k')], at('2026-03-08T10:30:00Z'), ny).shown).toEqual([]);
    expect(appCycle(night.episodes, [condition('k')], at('2026-03-08T11:00:00Z'), ny).shown).toEqual(['k']);
  });

  it('drops a held notification whose condition cleared before morning', () => {
    const night = appCycle([], [condition('k')], lateEvening, berlinNights);
    const cleared = appCycle(night.episodes, [], at('2026-11-24T02:00:00Z'), berlinNights);
    expect(cleared.closed[0]).toMatchObject({ notifiedAtMs: null, heldBy: null });
    expect(appCycle(cleared.episodes, [], at('2026-11-24T06:00:00Z'), berlinNights).shown).toEqual([]);
  });
});

describe('snooze in reconcileEpisodes', () => {
  const keyExpiry = condition('key-expiry:apikey_01A:7d', {
    rule: 'key-expiry',
    targetKind: 'key',
    targetId: 'apikey_01A',
  });
  const otherKey = condition('key-expiry:apikey_01B:7d', {
    rule: 'key-expiry',
    targetKind: 'key',
    targetId: 'apikey_01B',
  });
  const spend = condition('spend:org:2026-11:80');

  it('holds a snoozed rule until the snooze ends, then releases it; other rules notify at once', () => {
    const prefs: EpisodePrefs = { ...awake, snoozes: [{ rule: 'key-expiry', targetId: null, untilMs: T0 + HOUR }] };
    const now = appCycle([], [keyExpiry, spend], T0, prefs);
    expect(now.shown).toEqual(['spend:org:2026-11:80']);
    expect(now.held.map((e) => [e.conditionId, e.heldBy, e.heldUntilMs])).toEqual([
      ['key-expiry:apikey_01A:7d', 'snooze', T0 + HOUR],
    ]);
    expect(appCycle(now.episodes, [keyExpiry, spend], T0 + HOUR - 1, prefs).shown).toEqual([]);
    const after = appCycle(now.episodes, [keyExpiry, spend], T0 + HOUR, prefs);
    expect(after.shown).toEqual(['key-expiry:apikey_01A:7d']);
    expect(after.released.map((e) => e.conditionId)).toEqual(['key-expiry:apikey_01A:7d']);
  });

  it('snoozes one target only', () => {
    const prefs: EpisodePrefs = { ...awake, snoozes: [{ rule: '*', targetId: 'apikey_01A', untilMs: T0 + HOUR }] };
    expect(appCycle([], [keyExpiry, otherKey], T0, prefs).shown).toEqual(['key-expiry:apikey_01B:7d']);
  });

  it('pauses everything with a "*" snooze (tray: "Pause alerts for 1 h")', () => {
    const prefs: EpisodePrefs = { ...awake, snoozes: [{ rule: '*', targetId: null, untilMs: T0 + HOUR }] };
    const paused = appCycle([], [keyExpiry, otherKey, spend], T0, prefs);
    expect(paused.shown).toEqual([]);
    expect(appCycle(paused.episodes, [keyExpiry, otherKey, spend], T0 + HOUR, prefs).shown).toHaveLength(3);
  });

  it('hands a snooze that ends at night over to quiet hours', () => {
    const evening = at('2026-11-23T20:00:00Z'); // 21:00 Berlin
    const prefs: EpisodePrefs = {
      ...berlinNights,
      snoozes: [{ rule: '*', targetId: null, untilMs: evening + 2 * HOUR }],
    };
    const first = appCycle([], [spend], evening, prefs);
    expect(first.held[0]?.heldBy).toBe('snooze');
    const snoozeOver = appCycle(first.episodes, [spend], evening + 2 * HOUR, prefs);
    expect(snoozeOver.shown).toEqual([]);
    expect(snoozeOver.held[0]?.heldBy).toBe('quiet-hours');
    expect(appCycle(snoozeOver.episodes, [spend], at('2026-11-24T06:00:00Z'), prefs).shown).toEqual([
      'spend:org:2026-11:80',
    ]);
  });
});

describe('markNotified and pruneClosedEpisodes', () => {
  it('keeps the first notification instant', () => {
    const episodes = reconcileEpisodes([], [condition('a')], T0, awake).episodes;
    const once = markNotified(episodes, [`a@${T0}`], T0 + 1);
    expect(markNotified(once, [`a@${T0}`], T0 + 2)[0]?.notifiedAtMs).toBe(T0 + 1);
  });

  it('drops episodes closed before a cutoff and keeps open ones', () => {
    const opened = reconcileEpisodes([], [condition('a'), condition('b')], T0, awake).episodes;
    const closedA = reconcileEpisodes(opened, [condition('b')], T0 + HOUR, awake).episodes;
    expect(pruneClosedEpisodes(closedA, T0 + 2 * HOUR).map((e) => e.conditionId)).toEqual(['b']);
    expect(pruneClosedEpisodes(closedA, T0 + HOUR).map((e) => e.conditionId)).toEqual(['a', 'b']);
  });
});
