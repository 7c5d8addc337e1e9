/**
 * Where the access review gets its posture section: the one place the posture checklist (core/posture, built in
 * parallel for issue #23) is wired in for both the CLI's `review` and the window's Export review. Until it is, the
 * answer is null and the report says "posture not evaluated": an honest blank, never an invented score.
 */
import type Database from 'better-sqlite3';
import type { ReviewPosture } from '../core/review/access-review';

export function reviewPostureOf(db: Database.Database, nowMs: number): ReviewPosture | null {
  void db;
  void nowMs;
  return null;
}
