/**
 * Episodes: a condition opens an episode when it starts and closes it when it clears. Each
 * episode notifies at most once: `notifiedAtMs` is persisted by the caller, so re-running `reconcileEpisodes`
 * on stored state (next cycle, after a restart, from the CLI) never asks for the same notification twice.
 *
 * Recording and notifying are separate: `reconcileEpisodes` only records and says what is due; the app's
 * notifier shows `toNotify` and then calls `markNotified`. `clade-admin check` records and never marks, so the
 * app still notifies an episode a cron run opened.
 */
import type { Condition } from './types';
import { isWithinQuietHours, quietHoursEndMs, type QuietHours } from './quiet-hours';
import { activeSnoozeFor, type Snooze } from './snooze';

export type HoldReason = 'quiet-hours' | 'snooze';

/** The condition's fields (its latest texts: amounts move while it is open) plus the episode's own life. */
export interface Episode extends Omit<Condition, 'id'> {
  /** `<conditionId>@<openedAtMs>`: a condition that clears and returns later is a new episode. */
  id: string;
  conditionId: string;
  openedAtMs: number;
  /** The last reconcile at which the condition still held. */
  lastSeenAtMs: number;
  /** null while open. */
  closedAtMs: number | null;
  /** When the app's notifier showed it; null = not yet (recorded only, or held). */
  notifiedAtMs: number | null;
  /** Why its notification was waiting at the last reconcile; null when not waiting. */
  heldBy: HoldReason | null;
  /** When the hold is expected to end (quiet hours end or snooze until); null when not held. */
  heldUntilMs: number | null;
}

export interface EpisodePrefs {
  quietHours: QuietHours;
  snoozes: readonly Snooze[];
}

export interface Reconciliation {
  /** Every episode, stored ones first in their order, new ones after: persist this whole list. */
  episodes: Episode[];
  opened: Episode[];
  closed: Episode[];
  /** Open, never notified, not held now: show these, then `markNotified` them. */
  toNotify: Episode[];
  /** Open, never notified, waiting for quiet hours or a snooze to end. */
  held: Episode[];
  /** The part of `toNotify` that was held at the previous reconcile (quiet hours or a snooze just ended). */
  released: Episode[];
}

export function isOpen(episode: Episode): boolean {
  return episode.closedAtMs === null;
}

function openEpisode(condition: Condition, nowMs: number, takenIds: ReadonlySet<string>): Episode {
  const { id: conditionId, ...content } = condition;
  // A condition that cleared and returned within the same instant (e.g. two `check --now` runs) still gets a fresh id.
  let id = `${conditionId}@${nowMs}`;
  for (let n = 2; takenIds.has(id); n += 1) id = `${conditionId}@${nowMs}#${n}`;
  return {
    id,
    conditionId,
    ...content,
    openedAtMs: nowMs,
    lastSeenAtMs: nowMs,
    closedAtMs: null,
    notifiedAtMs: null,
    heldBy: null,
    heldUntilMs: null,
  };
}

function refresh(episode: Episode, condition: Condition, nowMs: number): Episode {
  const { id: _conditionId, ...content } = condition;
  return { ...episode, ...content, lastSeenAtMs: nowMs };
}

function holdFor(episode: Episode, nowMs: number, prefs: EpisodePrefs): Pick<Episode, 'heldBy' | 'heldUntilMs'> {
  const snooze = activeSnoozeFor(prefs.snoozes, episode, nowMs);
  if (snooze) return { heldBy: 'snooze', heldUntilMs: snooze.untilMs };
  if (isWithinQuietHours(nowMs, prefs.quietHours)) {
    return { heldBy: 'quiet-hours', heldUntilMs: quietHoursEndMs(nowMs, prefs.quietHours) };
  }
  return { heldBy: null, heldUntilMs: null };
}

export function reconcileEpisodes(
  stored: readonly Episode[],
  conditions: readonly Condition[],
  nowMs: number,
  prefs: EpisodePrefs,
): Reconciliation {
  const current = new Map<string, Condition>();
  for (const condition of conditions) if (!current.has(condition.id)) current.set(condition.id, condition);
  const result: Reconciliation = { episodes: [], opened: [], closed: [], toNotify: [], held: [], released: [] };
  const stillOpen = new Set<string>();

  const place = (episode: Episode): Episode => {
    if (episode.notifiedAtMs !== null) {
      result.episodes.push(episode);
      return episode;
    }
    const wasHeld = episode.heldBy !== null;
    const next = { ...episode, ...holdFor(episode, nowMs, prefs) };
    result.episodes.push(next);
    if (next.heldBy !== null) result.held.push(next);
    else {
      result.toNotify.push(next);
      if (wasHeld) result.released.push(next);
    }
    return next;
  };

  for (const episode of stored) {
    if (!isOpen(episode)) {
      result.episodes.push(episode);
      continue;
    }
    const condition = current.get(episode.conditionId);
    if (condition && !stillOpen.has(episode.conditionId)) {
      stillOpen.add(episode.conditionId);
      place(refresh(episode, condition, nowMs));
    } else {
      // Cleared (or a duplicate open episode from a corrupted store): close without notifying.
      const closed = { ...episode, closedAtMs: nowMs, heldBy: null, heldUntilMs: null };
      result.episodes.push(closed);
      result.closed.push(closed);
    }
  }
  const takenIds = new Set(stored.map((episode) => episode.id));
  for (const condition of current.values()) {
    if (stillOpen.has(condition.id)) continue;
    result.opened.push(place(openEpisode(condition, nowMs, takenIds)));
  }
  return result;
}

/** Records that the notifier showed these episodes (first time only; later calls keep the first instant). */
export function markNotified(episodes: readonly Episode[], ids: Iterable<string>, nowMs: number): Episode[] {
  const wanted = new Set(ids);
  return episodes.map((episode) =>
    wanted.has(episode.id) && episode.notifiedAtMs === null
      ? { ...episode, notifiedAtMs: nowMs, heldBy: null, heldUntilMs: null }
      : episode,
  );
}

export function openEpisodes(episodes: readonly Episode[]): Episode[] {
  return episodes.filter(isOpen);
}

/** Drops episodes closed before `closedBeforeMs` (history retention is the caller's policy). */
export function pruneClosedEpisodes(episodes: readonly Episode[], closedBeforeMs: number): Episode[] {
  return episodes.filter((episode) => episode.closedAtMs === null || episode.closedAtMs >= closedBeforeMs);
}
