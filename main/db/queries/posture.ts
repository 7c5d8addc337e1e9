/**
 * The posture read model: the checklist's inputs from the mirror (the alerts' own snapshot, the inventory's reading of
 * the Default Workspace, the compliance probe, the last audit review in the trail), its settings, and the daily
 * score history. Every surface that shows the checklist goes through services/posture, which reads these.
 */
import type Database from 'better-sqlite3';
import type { AlertRules } from '../../core/alerts/index';
import type { PostureInputs, PostureReport, PostureSettings } from '../../core/posture/index';
import { utcDay } from '../../core/time';
import { readAlertInputs } from '../alerts/index';
import { readProfileSetting } from '../settings/profile-settings';
import { readJudgedKeyInventory } from './key-inventory';

/** The local audit event type the "mark reviewed" action records (core/audit/normalise-local.ts). */
export const AUDIT_REVIEWED_TYPE = 'audit.reviewed';

export function readPostureInputs(db: Database.Database, nowMs: number, rules: AlertRules): PostureInputs {
  const alert = readAlertInputs(db, nowMs, rules);
  const defaultRow = db.prepare(`SELECT id FROM workspaces WHERE is_default = 1 ORDER BY id LIMIT 1`).get() as
    { id: string } | undefined;
  const probe = readProfileSetting(db, 'compliance.probe');
  return {
    alert,
    defaultWorkspaceId: defaultRow?.id ?? null,
    defaultWorkspaceKeyIds: readJudgedKeyInventory(db, nowMs, rules)
      .filter((row) => row.inDefaultWorkspace)
      .map((row) => row.id),
    auditReviewedAtMs: readLastAuditReviewMs(db),
    complianceProbe: probe ? { status: probe.status, checkedAtMs: probe.checkedAtMs } : null,
  };
}

/** When the audit trail was last marked reviewed (the trail itself is the record); null: never. */
export function readLastAuditReviewMs(db: Database.Database): number | null {
  const row = db
    .prepare(`SELECT max(at_ms) AS at FROM audit_events WHERE source = 'local' AND type = ?`)
    .get(AUDIT_REVIEWED_TYPE) as { at: number | null } | undefined;
  return row?.at ?? null;
}

/** How many events the trail holds (what a review mark says it covered). */
export function countAuditEvents(db: Database.Database): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}

export function readPostureSettings(db: Database.Database): PostureSettings {
  return {
    keyNameTemplate: readProfileSetting(db, 'posture.keyNameTemplate'),
    productionToken: 'prod',
    environments: readProfileSetting(db, 'posture.environments'),
    maxAdmins: readProfileSetting(db, 'posture.maxAdmins'),
    auditReviewDays: readProfileSetting(db, 'posture.auditReviewDays'),
    notApplicable: readProfileSetting(db, 'posture.notApplicable'),
  };
}

export interface PostureScorePoint {
  /** UTC day `YYYY-MM-DD`. */
  day: string;
  score: number;
  evaluatedAtMs: number;
  failing: string[];
}

/** Stores the report's score as its UTC day's point (a later evaluation the same day replaces it). */
export function savePostureScore(
  db: Database.Database,
  report: Pick<PostureReport, 'score' | 'evaluatedAtMs' | 'items'>,
): void {
  const failing = report.items.filter((item) => item.status === 'fail').map((item) => item.id);
  db.prepare(
    `INSERT INTO posture_scores (day, score, evaluated_at_ms, failing_json) VALUES (?, ?, ?, ?)
     ON CONFLICT(day) DO UPDATE SET score = excluded.score, evaluated_at_ms = excluded.evaluated_at_ms,
       failing_json = excluded.failing_json
     WHERE excluded.evaluated_at_ms >= posture_scores.evaluated_at_ms`,
  ).run(utcDay(report.evaluatedAtMs), report.score, report.evaluatedAtMs, JSON.stringify(failing));
}

/** The daily scores of the last `days` UTC days up to `nowMs`, oldest first. */
export function readPostureTrend(db: Database.Database, nowMs: number, days = 90): PostureScorePoint[] {
  const from = utcDay(nowMs - (days - 1) * 86_400_000);
  const rows = db
    .prepare(
      `SELECT day, score, evaluated_at_ms, failing_json FROM posture_scores WHERE day >= ? AND day <= ? ORDER BY day`,
    )
    .all(from, utcDay(nowMs)) as Array<{ day: string; score: number; evaluated_at_ms: number; failing_json: string }>;
  return rows.map((row) => ({
    day: row.day,
    score: row.score,
    evaluatedAtMs: row.evaluated_at_ms,
    failing: JSON.parse(row.failing_json) as string[],
  }));
}
