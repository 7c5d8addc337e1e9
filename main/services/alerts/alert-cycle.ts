/**
 * The app's alert cycle: read the mirror → evaluate and reconcile (recorded in one transaction) →
 * notify what is due, including what quiet hours or a snooze just released → mark exactly what was shown as
 * notified (re-reading the store, so a concurrent `clade-admin check` is never overwritten) → the morning digest
 * when due. Every step is persisted, so a restart never repeats a notification.
 * Plain Node over the mirror and a NotifierPort: tested with the Electron double's Notification.
 */
import type Database from 'better-sqlite3';
import {
  addSnooze,
  planDigest,
  removeSnooze,
  type AlertCycle,
  type AlertRules,
  type Digest,
  type Episode,
} from '../../core/alerts/index';
import {
  getLastDigestDay,
  loadEpisodes,
  loadSnoozes,
  markEpisodesNotified,
  saveSnoozes,
  setLastDigestDay,
} from '../../db/alerts/index';
import { recordAlertCycle } from './evaluate-alerts';
import type { NotifierPort } from '../../core/ports';

export interface AppAlertCycleDeps {
  db: Database.Database;
  nowMs: number;
  /** The system's IANA zone (quiet hours, digest and dates in texts use it unless the admin pinned another). */
  timeZone: string;
  notifier: NotifierPort;
}

export interface AppAlertCycleResult {
  cycle: AlertCycle;
  rules: AlertRules;
  /** The episodes as stored after this cycle (notified marks included). */
  episodes: Episode[];
  /** Ids shown now (first notifications, and releases after quiet hours or a snooze). */
  notifiedIds: string[];
  /** The digest shown now, if one was due and something was open. */
  digest: Digest | null;
  rulesProblem: string | null;
}

export function runAppAlertCycle(deps: AppAlertCycleDeps): AppAlertCycleResult {
  const { db, nowMs, notifier } = deps;
  const recorded = recordAlertCycle(db, nowMs, { defaultTz: deps.timeZone });
  const { reconciliation } = recorded.cycle;
  // `released` is part of `toNotify`: the episodes whose hold just ended are shown like new ones, once.
  const notifiedIds = notifier.notifyEpisodes(reconciliation.toNotify);
  const episodes = notifiedIds.length > 0 ? markEpisodesNotified(db, notifiedIds, nowMs) : loadEpisodes(db);
  const digest = runDigest(db, episodes, nowMs, recorded.rules, notifier);
  return {
    cycle: recorded.cycle,
    rules: recorded.rules,
    episodes,
    notifiedIds,
    digest,
    rulesProblem: recorded.rulesProblem,
  };
}

function runDigest(
  db: Database.Database,
  episodes: readonly Episode[],
  nowMs: number,
  rules: AlertRules,
  notifier: NotifierPort,
): Digest | null {
  const plan = planDigest(episodes, nowMs, rules, getLastDigestDay(db));
  if (plan === null) return null;
  // Nothing open, or notifications unavailable: the day still counts, so a later opening does not trigger one.
  const shown = plan.digest !== null && notifier.notifyDigest(plan.digest);
  setLastDigestDay(db, plan.localDay, nowMs);
  return shown ? plan.digest : null;
}

export const PAUSE_MS = 3_600_000;

/** "Pause alerts for 1 h": a snooze of every rule and target; notifications due meanwhile wait for its end. */
export function pauseAlerts(db: Database.Database, nowMs: number, durationMs = PAUSE_MS): number {
  const untilMs = nowMs + durationMs;
  saveSnoozes(db, addSnooze(loadSnoozes(db), { rule: '*', targetId: null, untilMs }, nowMs));
  return untilMs;
}

export function resumeAlerts(db: Database.Database): void {
  saveSnoozes(db, removeSnooze(loadSnoozes(db), '*', null));
}

/** When the global pause ends; null when alerts are not paused. */
export function pausedUntilMs(db: Database.Database, nowMs: number): number | null {
  const pause = loadSnoozes(db).find(
    (snooze) => snooze.rule === '*' && snooze.targetId === null && snooze.untilMs > nowMs,
  );
  return pause?.untilMs ?? null;
}
