/**
 * What the CLI's `offboard --dry-run` and the window's Offboard dialog show before anything is sent: what the
 * person holds, and either the plan for the admin's choices or, when an earlier run stopped, that run's own steps
 * with their state (a rerun continues it; choices are not re-asked).
 */
import type Database from 'better-sqlite3';
import type { KeepKey, OffboardHoldings, OffboardPlan, OffboardStep } from '../../../preload/contract-offboarding';
import { buildOffboardingPlan, type PlannedStep } from '../../core/offboarding/build-plan';
import { readOffboardingHoldings } from '../../db/queries/offboarding-holdings';
import { readOpenRun, readRunSteps, type StoredRun } from '../../db/repos/offboarding-repo';

export interface OffboardingPreview {
  holdings: OffboardHoldings;
  plan: OffboardPlan;
  /** Choices that cannot be honoured: nothing runs until they are fixed. */
  problems: string[];
  resumes: StoredRun | null;
}

export function previewOffboarding(
  db: Database.Database,
  userId: string,
  keep: readonly KeepKey[],
  nowMs: number,
): OffboardingPreview | null {
  const holdings = readOffboardingHoldings(db, userId, nowMs);
  if (!holdings) return null;
  const open = readOpenRun(db, userId);
  const built = buildOffboardingPlan(holdings, keep);
  if (open) {
    const steps = readRunSteps(db, open.id).map(({ action: _action, ...step }) => step);
    return { holdings, plan: { userId, steps, warnings: built.warnings }, problems: [], resumes: open };
  }
  return {
    holdings,
    plan: { userId, steps: built.steps.map(plannedToDto), warnings: built.warnings },
    problems: built.problems,
    resumes: null,
  };
}

function plannedToDto(step: PlannedStep, index: number): OffboardStep {
  return {
    seq: index + 1,
    kind: step.kind,
    label: step.label,
    targetId: step.targetId,
    status: 'planned',
    detail: step.detail,
    atMs: null,
  };
}
