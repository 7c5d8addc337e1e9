/** The final report of an offboarding run, from what the mirror recorded: the CLI prints it, the window shows it. */
import type Database from 'better-sqlite3';
import type { OffboardReport } from '../../../preload/contract-offboarding';
import { readRun, readRunSteps } from '../../db/repos/offboarding-repo';

export function runReport(db: Database.Database, runId: number): OffboardReport {
  const run = readRun(db, runId);
  const steps = readRunSteps(db, runId).map(({ action: _action, ...step }) => step);
  return {
    person: { id: run.userId, email: run.email, name: run.name, role: run.role },
    run: { runId: run.id, startedAtMs: run.startedAtMs, finishedAtMs: run.finishedAtMs, status: run.status },
    steps,
    outcome: outcomeLine(run.email, steps, run.status),
  };
}

function outcomeLine(email: string, steps: OffboardReport['steps'], status: string): string {
  if (status === 'abandoned')
    return `This offboarding of ${email} was abandoned; running \`offboard\` again plans afresh from what they still hold.`;
  const failed = steps.find((step) => step.status === 'failed');
  if (failed)
    return `Stopped at step ${failed.seq} of ${steps.length} (${failed.label}): ${failed.detail ?? 'failed'}. Run it again to continue from there.`;
  const pending = steps.find((step) => step.status === 'pending');
  if (pending)
    return `Everything the Admin API allows is done for ${email}. One step remains, in the Console: ${pending.detail ?? ''}`.trim();
  const planned = steps.filter((step) => step.status === 'planned').length;
  if (planned > 0) return `${planned} of ${steps.length} steps not run yet.`;
  return `${email} is offboarded: ${steps.length} step${steps.length === 1 ? '' : 's'} done.`;
}
