/**
 * `clade-admin posture [--now T]`: does the org follow the access checklist (question 12)? Every item pass, fail or
 * not applicable, with the offending keys, workspaces and people and the command that fixes each. Exit codes like
 * `check`: 0 every applicable item passes, 1 some item fails, 3 cannot evaluate (no data, too old, key rejected).
 * Records the day's score (the window's trend) unless evaluated at another instant.
 *
 * `clade-admin posture mark-reviewed [--note TEXT]`: records in the audit trail that the admin reviewed it.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../context';
import { note, printJson } from '../io';
import { refuseUnknownProfile } from '../unknown-profile';
import { CANNOT_EVALUATE_EXIT, openProfileMirror, parseInstant } from './alerts';
import { describePosture, postureJson } from './posture-format';
import { CliError } from '../errors';
import { noMirrorYet } from '../read-mirror';

export function registerPostureCommands(program: Command, context: () => CliContext): void {
  const posture = program
    .command('posture')
    .description(
      'evaluate the access checklist from the mirror (environments, naming, rotation, budgets, admins, audit review…); exit 0 all pass, 1 failing items, 3 cannot evaluate',
    )
    .option('--now <iso-time>', 'evaluate at this instant instead of now (not recorded in the trend)')
    .action(async (options: { now?: string }) => {
      const ctx = context();
      const nowMs = options.now === undefined ? Date.now() : parseInstant(options.now);
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        if (ctx.json)
          printJson(ctx.io, {
            profile: ctx.profileId,
            exitCode: CANNOT_EVALUATE_EXIT,
            problems: ['no-data'],
            items: [],
          });
        else note(ctx.io, noMirrorYet(ctx.profileId, { so: 'nothing to evaluate' }));
        ctx.io.exitCode = CANNOT_EVALUATE_EXIT;
        return;
      }
      const { evaluateAndRecordPosture, evaluatePostureFromMirror } =
        await import('../../services/posture/evaluate-posture');
      const { readPostureTrend } = await import('../../db/queries/posture');
      const { postureExitCode } = await import('../../core/posture/index');
      const { OrganizationRepo } = await import('../../db/repos/organization-repo');
      const db = await openProfileMirror(ctx, false);
      try {
        const { report, trend } =
          options.now === undefined
            ? evaluateAndRecordPosture(db, nowMs)
            : { report: evaluatePostureFromMirror(db, nowMs), trend: readPostureTrend(db, nowMs) };
        const orgName = new OrganizationRepo(db).get()?.name ?? ctx.profileId;
        const exitCode = postureExitCode(report);
        if (ctx.json) printJson(ctx.io, postureJson(ctx.profileId, orgName, report, trend, exitCode));
        else ctx.io.stdout.write(describePosture(orgName, report, trend));
        ctx.io.exitCode = exitCode;
      } finally {
        db.close();
      }
    });

  posture
    .command('mark-reviewed')
    .description('record in the audit trail that you reviewed it (the checklist item "audit trail reviewed")')
    .option('--note <text>', 'what the review covered, kept with the mark')
    .action(async (options: { note?: string }) => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        throw new CliError(noMirrorYet(ctx.profileId, { so: 'no audit trail to review' }), CANNOT_EVALUATE_EXIT);
      }
      const { markAuditReviewed } = await import('../../services/posture/mark-reviewed');
      const db = await openProfileMirror(ctx, true);
      try {
        const mark = markAuditReviewed(db, Date.now(), 'cli', options.note?.trim() || null);
        if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...mark });
        else
          ctx.io.stdout.write(
            `Marked the audit trail reviewed at ${new Date(mark.reviewedAtMs).toISOString()}` +
              `${mark.previousAtMs === null ? ' (the first review)' : ` (previous: ${new Date(mark.previousAtMs).toISOString()})`}.\n`,
          );
      } finally {
        db.close();
      }
    });
}
