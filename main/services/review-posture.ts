/**
 * Where the access review gets its posture section, for both the CLI's `review` and the window's Export review: the
 * same evaluation as `posture` and the Posture view (services/posture), so the report's score is the one the admin
 * sees elsewhere. It is the posture now (when the report is made), not at the end of the period: the checklist
 * judges the org as it is, and the mirror keeps no past state of every item.
 */
import type Database from 'better-sqlite3';
import type { ReviewPosture } from '../core/review/access-review';
import { evaluatePostureFromMirror } from './posture/evaluate-posture';

export function reviewPostureOf(db: Database.Database, nowMs: number): ReviewPosture | null {
  const report = evaluatePostureFromMirror(db, nowMs);
  return {
    score: report.score,
    failing: report.items
      .filter((item) => item.status === 'fail')
      .map((item) => ({ title: item.title, evidence: item.evidence.map((e) => `${e.name}: ${e.detail}`) })),
  };
}
