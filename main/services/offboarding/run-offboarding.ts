/**
 * Runs (or continues) an offboarding, for the CLI and the window alike. Each step goes through the one admin-action
 * runner (run-admin-action.ts: rules, API, mirror, trail), so every step is one audit event; a kept key is one note
 * in the trail naming who inherits it; an org admin's run ends with the Console step, recorded as pending. Progress
 * is written to the mirror after every step: when a step fails the run stops there, and the next run starts at that
 * step with the plan it stored (what is done stays done). Confirmation happens before this is called.
 */
import type Database from 'better-sqlite3';
import type { KeepKey, OffboardReport } from '../../../preload/contract-offboarding';
import { adminAction } from '../../core/audit/normalise-local';
import { buildOffboardingPlan } from '../../core/offboarding/build-plan';
import { recordLocalAuditAction } from '../../db/audit/append';
import { readOffboardingHoldings } from '../../db/queries/offboarding-holdings';
import { readActionContext } from '../../db/repos/action-mirror-repo';
import {
  createRun,
  markStep,
  readOpenRun,
  readRun,
  readRunSteps,
  setRunStatus,
  type StoredStep,
} from '../../db/repos/offboarding-repo';
import { runAdminAction, type RunActionDeps } from '../actions/run-admin-action';
import { runReport } from './offboarding-report';

export class OffboardingRefused extends Error {}

export interface OffboardingProgress {
  seq: number;
  total: number;
  label: string;
  status: 'running' | 'done' | 'failed' | 'pending';
}

export async function runOffboarding(
  deps: RunActionDeps & { onProgress?: (progress: OffboardingProgress) => void },
  userId: string,
  keep: readonly KeepKey[],
): Promise<OffboardReport> {
  const { db } = deps;
  const runId = readOpenRun(db, userId)?.id ?? startRun(db, userId, keep, deps.now());
  const steps = readRunSteps(db, runId);
  for (const step of steps) {
    if (step.status === 'done' || step.status === 'pending' || step.status === 'resolved') continue;
    deps.onProgress?.({ seq: step.seq, total: steps.length, label: step.label, status: 'running' });
    const result = await runStep(deps, runId, step);
    deps.onProgress?.({ seq: step.seq, total: steps.length, label: step.label, status: result });
    if (result === 'failed') return runReport(db, runId);
  }
  const pending = readRunSteps(db, runId).some((step) => step.status === 'pending');
  setRunStatus(db, runId, pending ? 'awaiting-console' : 'done', deps.now());
  return runReport(db, runId);
}

function startRun(db: Database.Database, userId: string, keep: readonly KeepKey[], nowMs: number): number {
  const holdings = readOffboardingHoldings(db, userId, nowMs);
  if (!holdings) throw new OffboardingRefused(`${userId} is not a member of the organization in the mirror.`);
  const plan = buildOffboardingPlan(holdings, keep);
  if (plan.problems.length > 0) throw new OffboardingRefused(plan.problems.join(' '));
  return createRun(db, holdings.person, plan.steps, nowMs);
}

async function runStep(deps: RunActionDeps, runId: number, step: StoredStep): Promise<'done' | 'failed' | 'pending'> {
  const { db } = deps;
  const run = readRun(db, runId);
  const person = `${run.name || run.email} (${run.email})`;
  if (step.kind === 'key.keep') {
    const atMs = deps.now();
    recordLocalAuditAction(
      db,
      adminAction({
        atMs,
        summary: `Offboarding ${person}: ${step.label.replace(/^Keep /, 'kept ')}, ${step.detail ?? 'kept'}`,
        targets: [
          { type: 'api_key', id: step.targetId },
          { type: 'user', id: run.userId, name: run.email },
        ],
        keyId: step.targetId,
        after: { action: 'offboarding.keep-key', outcome: 'noted', note: step.detail, via: deps.via },
      }),
      deps.audit,
    );
    markStep(db, runId, step.seq, 'done', atMs);
    return 'done';
  }
  if (step.kind === 'console.remove') {
    const atMs = deps.now();
    recordLocalAuditAction(
      db,
      adminAction({
        atMs,
        summary: `Offboarding ${person}: the Console step is pending. ${step.detail ?? ''}`.trim(),
        targets: [{ type: 'user', id: run.userId, name: run.email }],
        after: { action: 'offboarding.console-step', outcome: 'pending', via: deps.via },
      }),
      deps.audit,
    );
    markStep(db, runId, step.seq, 'pending', atMs);
    setRunStatus(db, runId, 'awaiting-console', atMs);
    return 'pending';
  }
  const action = step.action!;
  // A step done out of band (or by a run whose answer was lost) is not sent again: the mirror already shows it.
  if (alreadyDone(db, step)) {
    markStep(db, runId, step.seq, 'done', deps.now());
    return 'done';
  }
  const outcome = await runAdminAction(deps, action);
  if (outcome.ok) {
    markStep(db, runId, step.seq, 'done', deps.now());
    return 'done';
  }
  markStep(db, runId, step.seq, 'failed', deps.now(), `${outcome.error.message} (code ${outcome.error.code})`);
  return 'failed';
}

function alreadyDone(db: Database.Database, step: StoredStep): boolean {
  const action = step.action!;
  const context = readActionContext(db, action);
  switch (action.kind) {
    case 'apikey.set-status':
      // An archived or expired key cannot be used any more: nothing left to deactivate.
      return (
        context.key?.status === action.status || context.key?.status === 'archived' || context.key?.status === 'expired'
      );
    case 'workspace-member.remove':
      return context.user !== undefined && context.member === null;
    case 'user.remove':
      return context.user === null;
    default:
      return false;
  }
}

/**
 * Closes the person's stopped run without finishing it (a step that can never succeed), recorded in the trail with
 * what was done; the next run plans afresh from what they still hold. Returns false when there was none.
 */
export function abandonOffboarding(deps: Pick<RunActionDeps, 'db' | 'now' | 'via' | 'audit'>, userId: string): boolean {
  const run = readOpenRun(deps.db, userId);
  if (!run) return false;
  const steps = readRunSteps(deps.db, run.id);
  const done = steps.filter((step) => step.status === 'done').length;
  const atMs = deps.now();
  setRunStatus(deps.db, run.id, 'abandoned', atMs);
  recordLocalAuditAction(
    deps.db,
    adminAction({
      atMs,
      summary: `Abandoned the offboarding of ${run.name || run.email} (${run.email}) after ${done} of ${steps.length} steps`,
      targets: [{ type: 'user', id: run.userId, name: run.email }],
      after: { action: 'offboarding.abandon', outcome: 'abandoned', stepsDone: done, via: deps.via },
    }),
    deps.audit,
  );
  return true;
}
