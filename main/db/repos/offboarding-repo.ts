/**
 * The offboarding runs and their steps (migration 0380): created once from a plan, then each step's state as it
 * runs, so a rerun after a failure continues at the first step not done. Only the offboarding service writes here.
 */
import type Database from 'better-sqlite3';
import type { AdminAction } from '../../core/actions';
import type { PlannedStep } from '../../core/offboarding/build-plan';
import type { OffboardStep } from '../../../preload/contract-offboarding';

export type RunStatus = 'running' | 'awaiting-console' | 'done' | 'abandoned';

export interface StoredRun {
  id: number;
  userId: string;
  email: string;
  name: string;
  role: string;
  status: RunStatus;
  startedAtMs: number;
  finishedAtMs: number | null;
}

export interface StoredStep extends OffboardStep {
  action: AdminAction | null;
}

const RUN_COLUMNS = `id, user_id AS userId, email, name, role, status, started_at_ms AS startedAtMs,
  finished_at_ms AS finishedAtMs`;

/** The person's unfinished run (stopped at a failure, or waiting for the Console step), if any. */
export function readOpenRun(db: Database.Database, userId: string): StoredRun | null {
  return (
    (db
      .prepare(`SELECT ${RUN_COLUMNS} FROM offboarding_runs WHERE user_id = ? AND finished_at_ms IS NULL`)
      .get(userId) as StoredRun | undefined) ?? null
  );
}

/** The person's latest run by user id or e-mail, finished or not (for a person the mirror no longer lists). */
export function readLatestRun(db: Database.Database, userOrEmail: string): StoredRun | null {
  const value = userOrEmail.trim();
  return (
    (db
      .prepare(
        `SELECT ${RUN_COLUMNS} FROM offboarding_runs WHERE user_id = ? OR lower(email) = lower(?)
         ORDER BY id DESC LIMIT 1`,
      )
      .get(value, value) as StoredRun | undefined) ?? null
  );
}

export function readRunSteps(db: Database.Database, runId: number): StoredStep[] {
  const rows = db
    .prepare(
      `SELECT seq, kind, label, target_id AS targetId, action_json AS actionJson, detail, status, error,
              at_ms AS atMs
       FROM offboarding_steps WHERE run_id = ? ORDER BY seq`,
    )
    .all(runId) as Array<Omit<StoredStep, 'action'> & { actionJson: string | null; error: string | null }>;
  return rows.map(({ actionJson, error, ...row }) => ({
    ...row,
    // A failed step shows why; other steps show the inheritor or the Console instruction.
    detail: row.status === 'failed' ? error : row.detail,
    action: actionJson === null ? null : (JSON.parse(actionJson) as AdminAction),
  }));
}

export function createRun(
  db: Database.Database,
  person: { id: string; email: string; name: string; role: string },
  steps: readonly PlannedStep[],
  atMs: number,
): number {
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO offboarding_runs (user_id, email, name, role, status, started_at_ms)
         VALUES (?, ?, ?, ?, 'running', ?)`,
      )
      .run(person.id, person.email, person.name, person.role, atMs);
    const runId = Number(lastInsertRowid);
    const insert = db.prepare(
      `INSERT INTO offboarding_steps (run_id, seq, kind, label, target_id, action_json, detail, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'planned')`,
    );
    steps.forEach((step, index) =>
      insert.run(
        runId,
        index + 1,
        step.kind,
        step.label,
        step.targetId,
        step.action ? JSON.stringify(step.action) : null,
        step.detail,
      ),
    );
    return runId;
  })();
}

export function markStep(
  db: Database.Database,
  runId: number,
  seq: number,
  status: OffboardStep['status'],
  atMs: number,
  error: string | null = null,
): void {
  db.prepare(`UPDATE offboarding_steps SET status = ?, error = ?, at_ms = ? WHERE run_id = ? AND seq = ?`).run(
    status,
    error,
    atMs,
    runId,
    seq,
  );
}

export function setRunStatus(db: Database.Database, runId: number, status: RunStatus, atMs: number): void {
  db.prepare(`UPDATE offboarding_runs SET status = ?, finished_at_ms = ? WHERE id = ?`).run(
    status,
    status === 'done' || status === 'abandoned' ? atMs : null,
    runId,
  );
}

export function readRun(db: Database.Database, runId: number): StoredRun {
  return db.prepare(`SELECT ${RUN_COLUMNS} FROM offboarding_runs WHERE id = ?`).get(runId) as StoredRun;
}

/** Console steps still pending, with when the users list was last read completely (null: never). */
export function readPendingConsoleSteps(
  db: Database.Database,
): Array<{ runId: number; seq: number; userId: string; email: string; atMs: number; usersReadAtMs: number | null }> {
  return db
    .prepare(
      `SELECT s.run_id AS runId, s.seq, r.user_id AS userId, r.email, s.at_ms AS atMs,
              (SELECT last_complete_at_ms FROM resource_state WHERE resource = 'users') AS usersReadAtMs
       FROM offboarding_steps s JOIN offboarding_runs r ON r.id = s.run_id
       WHERE s.kind = 'console.remove' AND s.status = 'pending' AND r.status = 'awaiting-console'`,
    )
    .all() as Array<{
    runId: number;
    seq: number;
    userId: string;
    email: string;
    atMs: number;
    usersReadAtMs: number | null;
  }>;
}

export function memberStillListed(db: Database.Database, userId: string): boolean {
  return db.prepare(`SELECT 1 FROM users WHERE id = ?`).get(userId) !== undefined;
}
