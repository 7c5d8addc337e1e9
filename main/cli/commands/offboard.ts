/**
 * `clade-admin offboard USER [--dry-run] [--keep KEY --inherit-to PERSON] [--yes]`: remove a person safely, in one
 * resumable flow (issue #22). USER is an e-mail or a user id. It first prints what they hold and the plan (keys
 * first, then workspace memberships, then the org; an org admin ends with the Console step), asks for the person's
 * e-mail to confirm (or `--yes`), runs each step through the confirmed and recorded admin actions, and prints the
 * final report. A rerun after a failure continues at the failed step. `--dry-run` sends nothing.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { KeepKey, OffboardHoldings } from '../../../preload/contract-offboarding';
import { ensureMirrorFile } from '../../adapters/data-dir';
import type { MirrorDb } from '../../db/open';
import type { OffboardingPreview } from '../../services/offboarding/preview-offboarding';
import { apiBaseUrl } from '../api-base-url';
import { sealProfileMirror } from '../audit-seal';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { refuseUnknownProfile } from '../unknown-profile';
import { confirm } from './admin-run';
import { parseInstant } from './alerts';
import { formatHoldings, formatPlan, formatReport } from './offboard-format';
import { NO_MIRROR_EXIT, noMirrorYet } from '../read-mirror';

/** Exit codes: 0 done (or only the Console step left), 1 a step failed or a choice was refused, 2 usage, 3 no key. */
const STEP_FAILED_EXIT = 1;
const NO_CREDENTIAL_EXIT = 3;

interface OffboardOptions {
  dryRun?: boolean;
  abandon?: boolean;
  yes?: boolean;
  keep?: string[];
  inheritTo?: string;
  now?: string;
}

export function registerOffboardCommand(program: Command, context: () => CliContext): void {
  program
    .command('offboard <user>')
    .description(
      'remove a person safely: shows what they hold, then deactivates their keys, removes their workspace ' +
        'memberships and removes them from the org (an org admin: everything else, then the Console step); ' +
        'a rerun continues after a failure',
    )
    .option('--dry-run', 'show what they hold and the plan; send nothing')
    .option(
      '--keep <key>',
      'keep this key (id or name) instead of deactivating it; repeat for more (needs --inherit-to)',
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--inherit-to <person>', 'who inherits the kept keys (recorded as a note in the audit trail)')
    .option(
      '--abandon',
      'close their stopped offboarding without finishing it (a step that can never succeed); the next run plans afresh',
    )
    .option('-y, --yes', 'confirm without typing their e-mail (required when standard input is not a terminal)')
    .option('--now <iso-time>', 'judge the last 30 days at this instant instead of now (dry runs and tests)')
    .addHelpText(
      'after',
      '\nUSER is an e-mail or a user id. Every step is recorded in the audit trail; progress is kept in the mirror.\n' +
        'Examples:\n  clade-admin offboard jamal@example.com --dry-run\n' +
        '  clade-admin offboard jamal@example.com --keep ci-deploy --inherit-to ana@example.com --yes\n',
    )
    .action((user: string, options: OffboardOptions) => offboard(context(), user, options));
}

async function offboard(ctx: CliContext, user: string, options: OffboardOptions): Promise<void> {
  if ((options.keep?.length ?? 0) > 0 && !options.inheritTo?.trim())
    throw new CliError('--keep needs --inherit-to: say who inherits the kept keys.', USAGE_EXIT);
  if (options.inheritTo !== undefined && (options.keep?.length ?? 0) === 0)
    throw new CliError('--inherit-to needs at least one --keep KEY.', USAGE_EXIT);
  const nowMs = options.now === undefined ? Date.now() : parseInstant(options.now);
  if (!existsSync(ctx.mirrorFile)) {
    refuseUnknownProfile(ctx);
    throw new CliError(noMirrorYet(ctx.profileId), NO_MIRROR_EXIT);
  }
  if (!options.dryRun && ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey)
    throw new CliError(
      'the demo org lives inside the app; offboard on it in the window, or use a profile with an admin key.',
      NO_CREDENTIAL_EXIT,
    );
  const { openMirror } = await import('../../db/open');
  const { findMember } = await import('../../db/queries/offboarding-holdings');
  const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
  try {
    const member = findMember(db, user);
    if (!member) return await showGone(ctx, db, user);
    if (options.abandon) return await abandon(ctx, db, member);
    const { previewOffboarding } = await import('../../services/offboarding/preview-offboarding');
    const keep = keptKeys(previewOffboarding(db, member.id, [], nowMs)!.holdings, options);
    const preview = previewOffboarding(db, member.id, keep, nowMs)!;
    if (preview.resumes && keep.length > 0)
      note(ctx.io, 'A stopped offboarding continues with its own plan: --keep is not used (--abandon to plan afresh).');
    if (options.dryRun || preview.problems.length > 0) return showPlan(ctx, preview);
    if (!ctx.json) {
      ctx.io.stdout.write(formatHoldings(preview.holdings));
      ctx.io.stdout.write(formatPlan(preview.plan, preview.resumes?.startedAtMs ?? null));
    }
    await sealProfileMirror(ctx, db, 'open');
    if (!options.yes)
      await confirm(ctx.io, `Offboard ${member.email} (${preview.plan.steps.length} steps)`, member.email);
    await runPlan(ctx, db, member.id, keep);
  } finally {
    db.close();
  }
}

/** Gone from the org: the report of their last offboarding, if there was one. */
async function showGone(ctx: CliContext, db: MirrorDb, user: string): Promise<void> {
  const { readLatestRun } = await import('../../db/repos/offboarding-repo');
  const { runReport } = await import('../../services/offboarding/offboarding-report');
  const run = readLatestRun(db, user);
  if (!run) throw new CliError(`no member "${user}" in the mirror of profile "${ctx.profileId}".`, USAGE_EXIT);
  const report = runReport(db, run.id);
  if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, report });
  else ctx.io.stdout.write(`${run.email} is no longer a member.${formatReport(report)}`);
}

async function abandon(ctx: CliContext, db: MirrorDb, member: { id: string; email: string }): Promise<void> {
  await sealProfileMirror(ctx, db, 'open');
  const { abandonOffboarding } = await import('../../services/offboarding/run-offboarding');
  if (!abandonOffboarding({ db, now: () => Date.now(), via: 'cli' }, member.id))
    throw new CliError(`${member.email} has no stopped offboarding to abandon.`, USAGE_EXIT);
  if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, abandoned: true, userId: member.id });
  else note(ctx.io, `Abandoned the stopped offboarding of ${member.email} (recorded in the audit trail).`);
}

/** `--dry-run`, or choices that cannot be honoured (exit 1): what they hold and the plan; nothing is sent. */
function showPlan(ctx: CliContext, preview: OffboardingPreview): void {
  if (ctx.json)
    printJson(ctx.io, {
      profile: ctx.profileId,
      dryRun: true,
      holdings: preview.holdings,
      plan: preview.plan,
      problems: preview.problems,
      resumes: preview.resumes,
    });
  else {
    ctx.io.stdout.write(formatHoldings(preview.holdings));
    ctx.io.stdout.write(formatPlan(preview.plan, preview.resumes?.startedAtMs ?? null));
    for (const problem of preview.problems) note(ctx.io, `Refused: ${problem}`);
    if (preview.problems.length === 0) ctx.io.stdout.write('\nDry run: nothing was sent.\n');
  }
  if (preview.problems.length > 0) ctx.io.exitCode = STEP_FAILED_EXIT;
}

async function runPlan(ctx: CliContext, db: MirrorDb, userId: string, keep: KeepKey[]): Promise<void> {
  const { runOffboarding, OffboardingRefused } = await import('../../services/offboarding/run-offboarding');
  const { createAdminActionsClient } = await import('../../services/actions/run-admin-action');
  const { storedKey } = await import('./sync');
  const report = await runOffboarding(
    {
      db,
      client: async () => createAdminActionsClient({ apiKey: await storedKey(ctx), baseURL: await apiBaseUrl(ctx) }),
      now: () => Date.now(),
      via: 'cli',
      onProgress: (p) => {
        if (!ctx.json && p.status !== 'running') note(ctx.io, `[${p.seq}/${p.total}] ${p.status}: ${p.label}`);
      },
    },
    userId,
    keep,
  ).catch((error: unknown) => {
    if (error instanceof OffboardingRefused) throw new CliError(error.message, STEP_FAILED_EXIT);
    throw error;
  });
  if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, report });
  else ctx.io.stdout.write(formatReport(report));
  const failed = report.steps.find((step) => step.status === 'failed');
  if (failed)
    ctx.io.exitCode = /\(code no_credential\)$/.test(failed.detail ?? '') ? NO_CREDENTIAL_EXIT : STEP_FAILED_EXIT;
}

/** `--keep` names keys by id or name among the keys they created; anything else is a usage error naming those. */
function keptKeys(holdings: OffboardHoldings, options: OffboardOptions): KeepKey[] {
  const inheritor = options.inheritTo?.trim() ?? '';
  return (options.keep ?? []).map((wanted) => {
    const matches = holdings.keys.filter(
      (key) => key.id === wanted || key.name.toLowerCase() === wanted.trim().toLowerCase(),
    );
    if (matches.length !== 1) {
      const theirs = holdings.keys.map((key) => `${key.name} (${key.id})`).join(', ') || 'none';
      throw new CliError(
        `--keep ${wanted}: ${matches.length === 0 ? 'not one of the active keys they created' : 'more than one key has this name; use its id'}. Their keys: ${theirs}.`,
        USAGE_EXIT,
      );
    }
    return { keyId: matches[0]!.id, inheritor };
  });
}
