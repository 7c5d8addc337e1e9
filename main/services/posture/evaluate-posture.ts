/**
 * The access checklist over a profile's mirror: the one entry the CLI (`posture`), the window's Posture view, the
 * access review and the metrics endpoint call, so they cannot disagree. Reads the profile's alert rules as they
 * apply to this mirror (the same rules the alerts and the key inventory judge with) and the `posture.*` settings.
 */
import type Database from 'better-sqlite3';
import { evaluatePosture, type PostureReport } from '../../core/posture/index';
import { readProfileAlertRules } from '../../db/queries/profile-rules';
import {
  readPostureInputs,
  readPostureSettings,
  readPostureTrend,
  savePostureScore,
  type PostureScorePoint,
} from '../../db/queries/posture';

export type { PostureScorePoint } from '../../db/queries/posture';

/** Evaluates the checklist at `nowMs` from the mirror; reads only. */
export function evaluatePostureFromMirror(db: Database.Database, nowMs: number): PostureReport {
  return db.transaction((): PostureReport => {
    const rules = readProfileAlertRules(db);
    return evaluatePosture(readPostureInputs(db, nowMs, rules), rules, readPostureSettings(db), nowMs);
  })();
}

/**
 * Evaluates and stores the day's score (the trend's point for that UTC day), unless the mirror cannot be trusted
 * (then a score would say nothing about the org). Returns the report and the trend including it.
 */
export function evaluateAndRecordPosture(
  db: Database.Database,
  nowMs: number,
  trendDays = 90,
): { report: PostureReport; trend: PostureScorePoint[] } {
  const report = evaluatePostureFromMirror(db, nowMs);
  if (report.problems.length === 0) savePostureScore(db, report);
  return { report, trend: readPostureTrend(db, nowMs, trendDays) };
}
