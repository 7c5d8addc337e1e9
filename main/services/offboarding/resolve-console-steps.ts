/**
 * After a sync: an org admin's pending Console step resolves once a complete read of the users list (finished after
 * the step was recorded) no longer finds them. One trail event says so, and the run is done.
 */
import type Database from 'better-sqlite3';
import { adminAction } from '../../core/audit/normalise-local';
import { recordLocalAuditAction, type AuditStoreOptions } from '../../db/audit/append';
import { markStep, memberStillListed, readPendingConsoleSteps, setRunStatus } from '../../db/repos/offboarding-repo';

/** Returns how many pending Console steps resolved. */
export function resolveOffboardingConsoleSteps(
  db: Database.Database,
  nowMs: number,
  audit?: AuditStoreOptions,
): number {
  let resolved = 0;
  for (const step of readPendingConsoleSteps(db)) {
    if (step.usersReadAtMs === null || step.usersReadAtMs < step.atMs) continue;
    if (memberStillListed(db, step.userId)) continue;
    db.transaction(() => {
      markStep(db, step.runId, step.seq, 'resolved', nowMs);
      setRunStatus(db, step.runId, 'done', nowMs);
    })();
    recordLocalAuditAction(
      db,
      adminAction({
        atMs: nowMs,
        summary: `Offboarding of ${step.email} finished: the sync no longer finds them in the organization (removed in the Console).`,
        targets: [{ type: 'user', id: step.userId, name: step.email }],
        after: { action: 'offboarding.console-step', outcome: 'resolved' },
      }),
      audit,
    );
    resolved++;
  }
  return resolved;
}
