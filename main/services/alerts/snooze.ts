/**
 * Snoozing from the alert centre: compute when a snooze ends, store it (or end one early), record the
 * admin's action in the profile's audit trail, and re-run the alert cycle's recording step so the held marks in
 * the list are current. Recording only: the app's notifier still decides what to show (and shows released
 * episodes once when a snooze ends).
 */
import type Database from 'better-sqlite3';
import type { AlertRuleId, SnoozeDurationId } from '../../../preload/contract';
import { addSnooze, removeSnooze, type Snooze } from '../../core/alerts/index';
import { zonedParts } from '../../core/time';
import { recordLocalAuditAction } from '../../db/audit/index';
import { loadAlertRules, loadEpisodes, loadSnoozes, saveSnoozes } from '../../db/alerts/index';
import { recordAlertCycle } from './evaluate-alerts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** "Until tomorrow morning" ends at this local time. */
export const MORNING_MINUTE = 8 * 60;

/** The next day's 08:00 in `timeZone` (daylight-saving changes in between included). */
export function tomorrowMorningMs(nowMs: number, timeZone: string): number {
  const now = zonedParts(nowMs, timeZone);
  const startOfMinute = nowMs - (nowMs % MINUTE_MS);
  let candidate = startOfMinute + (24 * 60 - now.minuteOfDay + MORNING_MINUTE) * MINUTE_MS;
  // A clock change tonight shifts local time: correct by the difference (twice covers any real zone).
  for (let step = 0; step < 2; step += 1) {
    const got = zonedParts(candidate, timeZone);
    const dayShift = got.day === now.day ? 1 : 0;
    candidate += (MORNING_MINUTE - got.minuteOfDay + dayShift * 24 * 60) * MINUTE_MS;
  }
  return candidate;
}

export function snoozeUntilMs(duration: SnoozeDurationId, nowMs: number, timeZone: string): number {
  switch (duration) {
    case '1h':
      return nowMs + HOUR_MS;
    case '1d':
      return nowMs + DAY_MS;
    case '1w':
      return nowMs + 7 * DAY_MS;
    case 'tomorrow-morning':
      return tomorrowMorningMs(nowMs, timeZone);
  }
}

export interface SnoozeSubject {
  rule: AlertRuleId | '*';
  targetId: string | null;
}

/** "every alert", "every spend-threshold alert", "alerts on Production", "spend-threshold alerts on Production". */
function describeSubject(db: Database.Database, subject: SnoozeSubject): { text: string; targetName: string | null } {
  const targetName = subject.targetId === null ? null : nameOfTarget(db, subject.targetId);
  const rule = subject.rule === '*' ? 'every' : `${subject.rule}`;
  const target = subject.targetId === null ? '' : ` on “${targetName ?? subject.targetId}”`;
  const text =
    subject.rule === '*'
      ? `${subject.targetId === null ? 'every alert' : `every alert${target}`}`
      : `${rule} alerts${target}`;
  return { text, targetName };
}

function nameOfTarget(db: Database.Database, targetId: string): string | null {
  const episode = loadEpisodes(db)
    .reverse()
    .find((candidate) => candidate.targetId === targetId);
  return episode?.targetName ?? null;
}

function subjectJson(subject: SnoozeSubject, targetName: string | null, untilMs?: number) {
  return {
    rule: subject.rule,
    targetId: subject.targetId,
    ...(targetName === null ? {} : { targetName }),
    ...(untilMs === undefined ? {} : { until: new Date(untilMs).toISOString() }),
  };
}

export function snoozeAlerts(
  db: Database.Database,
  subject: SnoozeSubject,
  duration: SnoozeDurationId,
  nowMs: number,
  systemTimeZone: string,
): Snooze {
  const timeZone = loadAlertRules(db, systemTimeZone).quietHours.timeZone;
  const snooze: Snooze = { ...subject, untilMs: snoozeUntilMs(duration, nowMs, timeZone) };
  const before = loadSnoozes(db).find(
    (s) => s.rule === subject.rule && s.targetId === subject.targetId && s.untilMs > nowMs,
  );
  saveSnoozes(db, addSnooze(loadSnoozes(db), snooze, nowMs));
  const { text, targetName } = describeSubject(db, subject);
  recordLocalAuditAction(db, {
    type: 'alerts.snoozed',
    atMs: nowMs,
    summary: `Snoozed ${text} until ${new Date(snooze.untilMs).toISOString()}`,
    targets: [
      {
        type: 'alert-snooze',
        id: `${subject.rule}|${subject.targetId ?? '*'}`,
        ...(targetName === null ? {} : { name: targetName }),
      },
    ],
    before: before ? subjectJson(subject, targetName, before.untilMs) : null,
    after: subjectJson(subject, targetName, snooze.untilMs),
  });
  recordAlertCycle(db, nowMs, { defaultTz: systemTimeZone });
  return snooze;
}

/** Ends a snooze early; false (nothing recorded) when there was none. */
export function unsnoozeAlerts(
  db: Database.Database,
  subject: SnoozeSubject,
  nowMs: number,
  systemTimeZone: string,
): boolean {
  const stored = loadSnoozes(db);
  const existing = stored.find((s) => s.rule === subject.rule && s.targetId === subject.targetId);
  if (!existing) return false;
  saveSnoozes(db, removeSnooze(stored, subject.rule, subject.targetId));
  const { text, targetName } = describeSubject(db, subject);
  recordLocalAuditAction(db, {
    type: 'alerts.unsnoozed',
    atMs: nowMs,
    summary: `Ended the snooze of ${text}`,
    targets: [
      {
        type: 'alert-snooze',
        id: `${subject.rule}|${subject.targetId ?? '*'}`,
        ...(targetName === null ? {} : { name: targetName }),
      },
    ],
    before: subjectJson(subject, targetName, existing.untilMs),
    after: null,
  });
  recordAlertCycle(db, nowMs, { defaultTz: systemTimeZone });
  return true;
}
