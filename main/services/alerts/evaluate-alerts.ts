/**
 * Evaluate alerts: one alert cycle over a profile's mirror, the way `clade-admin check`, the window and the app run it: read the rules,
 * the snoozes and the mirror, run the pure core's `runAlertCycle`, and record the reconciled episodes — all in
 * one IMMEDIATE transaction. Recording only: notifying (and `markEpisodesNotified`) is the app's job.
 */
import type Database from 'better-sqlite3';
import {
  pruneClosedEpisodes,
  runAlertCycle,
  type AlertCycle,
  type AlertInputs,
  type AlertRules,
  type Episode,
} from '../../core/alerts/index';
import {
  latestEpisodeActivityMs,
  loadAlertRulesChecked,
  loadEpisodes,
  loadSnoozes,
  saveEpisodes,
} from '../../db/alerts/alert-state-repo';

export { latestEpisodeActivityMs } from '../../db/alerts/alert-state-repo';
import { readAlertInputs, rulesForMirror } from '../../db/alerts/read-alert-inputs';

/** Closed episodes are kept this long (the alert centre's "recent"), then dropped. */
export const EPISODE_RETENTION_DAYS = 90;
const DAY_MS = 86_400_000;

export interface RecordedCycle {
  cycle: AlertCycle;
  rules: AlertRules;
  inputs: AlertInputs;
  /** False when asked not to persist (an evaluation at another instant than now). */
  recorded: boolean;
  /** A problem with the stored rules (defaults used instead), to show once. */
  rulesProblem: string | null;
}

export interface RecordOptions {
  /** The system's IANA zone, used unless the admin pinned another one. */
  defaultTz: string;
  /** Default true. */
  persist?: boolean;
}

export function recordAlertCycle(db: Database.Database, nowMs: number, options: RecordOptions): RecordedCycle {
  return db
    .transaction((): RecordedCycle => {
      const loaded = loadAlertRulesChecked(db, options.defaultTz);
      const rules = rulesForMirror(db, loaded.rules);
      const inputs = readAlertInputs(db, nowMs, rules);
      const stored = loadEpisodes(db);
      const cycle = runAlertCycle(inputs, rules, stored, loadSnoozes(db), nowMs);
      const persist = options.persist ?? true;
      if (persist) {
        const kept: Episode[] = pruneClosedEpisodes(
          cycle.reconciliation.episodes,
          nowMs - EPISODE_RETENTION_DAYS * DAY_MS,
        );
        saveEpisodes(db, kept);
      }
      return { cycle, rules, inputs, recorded: persist, rulesProblem: loaded.problem };
    })
    .immediate();
}

/**
 * The evaluation that follows every sync (CLI `sync`, `demo`, `check --sync`; the app runs its own cycle after each
 * sync), so `alerts`, the tray and the window agree without a `check`. Recorded unless the stored episodes already
 * know a later instant (a `check --now` in the future), which evaluating now would rewrite backwards.
 */
export function recordAlertCycleAfterSync(db: Database.Database, nowMs: number, defaultTz: string): RecordedCycle {
  const latest = latestEpisodeActivityMs(db);
  return recordAlertCycle(db, nowMs, { defaultTz, persist: latest === null || nowMs >= latest });
}
