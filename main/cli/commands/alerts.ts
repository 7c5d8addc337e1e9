/**
 * `clade-admin alerts`, `clade-admin check` and `clade-admin config get|set`: the alert core over the
 * profile's mirror, headless, for cron and monitoring scripts.
 *
 * `check` exits 0 ok / 1 warnings / 2 critical / 3 cannot evaluate (no data, data too old, credential invalid).
 * It records the episodes it opens and closes, but never marks one notified: only the app's notifier does, so the
 * app still shows what a cron run found first.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { apiBaseUrl } from '../api-base-url';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import type { MirrorDb } from '../../db/open';
import { checkJson, describeCheck, episodeJson, episodeLines } from './alerts-format';
import { registerConfigCommands } from './alerts-config';
import { storedKey } from './sync';
import { describeSummary, failedResources, syncWithProgress } from '../sync-with-progress';
import type { SyncSummary } from '../../services/sync/sync-mirror';
import { describeError } from '../describe-error';
import { systemTimeZone } from '../../core/time';
import { refuseUnknownProfile } from '../unknown-profile';
import { sealProfileMirror } from '../audit-seal';
import { registerWebhookCommands, type WebhookCliDeps, type WebhookFileOptions } from './alerts-webhook';
import { deliverForCheck } from './check-webhook';
import { noMirrorYet } from '../read-mirror';

/** check's "cannot evaluate" exit code. */
export const CANNOT_EVALUATE_EXIT = 3;
/** A `--now` further ahead than this is a simulation: evaluated, not recorded. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

export { systemTimeZone } from '../../core/time';

/**
 * Opens the profile's mirror (migrating it) or says why it cannot, with check's exit code 3. `writesTrail`: the
 * command records something in the audit trail (a snooze, a setting), so the mirror is opened with the profile's seal.
 */
export async function openProfileMirror(ctx: CliContext, writesTrail = true): Promise<MirrorDb> {
  const { openMirror } = await import('../../db/open');
  let db: MirrorDb;
  try {
    db = openMirror(ctx.mirrorFile);
  } catch (error) {
    throw new CliError(
      `cannot open the mirror of profile "${ctx.profileId}": ${error instanceof Error ? error.message : String(error)}`,
      CANNOT_EVALUATE_EXIT,
    );
  }
  if (!writesTrail) return db;
  try {
    await sealProfileMirror(ctx, db, 'open');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function registerAlertCommands(
  program: Command,
  context: () => CliContext,
  webhookDeps: WebhookCliDeps = {},
): void {
  const alerts = program
    .command('alerts')
    .description('list the open alert episodes of this profile (from the local mirror)')
    .action(async () => {
      const ctx = context();
      if (!existsSync(ctx.mirrorFile)) {
        refuseUnknownProfile(ctx);
        if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, episodes: [] });
        else ctx.io.stdout.write(`${noMirrorYet(ctx.profileId, { so: 'no alerts' })}\n`);
        return;
      }
      const { loadEpisodes } = await import('../../db/alerts/index');
      const { openEpisodes, severityRank } = await import('../../core/alerts/index');
      const db = await openProfileMirror(ctx, false);
      try {
        const open = openEpisodes(loadEpisodes(db)).sort(
          (a, b) => severityRank[b.severity] - severityRank[a.severity] || a.openedAtMs - b.openedAtMs,
        );
        if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, episodes: open.map(episodeJson) });
        else ctx.io.stdout.write(open.length === 0 ? 'No open alerts.\n' : `${episodeLines(open).join('\n')}\n`);
      } finally {
        db.close();
      }
    });
  registerWebhookCommands(alerts, context, webhookDeps);

  program
    .command('check')
    .description('evaluate the alert rules from the mirror; exit 0 ok, 1 warnings, 2 critical, 3 cannot evaluate')
    .option('--sync', 'sync the mirror first (otherwise only the mirror is read; no network)')
    .option('--now <iso-time>', 'evaluate at this instant instead of now (e.g. 2026-11-23T10:00:00Z)')
    .option(
      '--webhook-file <path>',
      'post due alerts to the webhook URL in this 0600 file (where there is no keychain)',
    )
    .option('--webhook-format <format>', 'the format for --webhook-file: slack (default) or json')
    .action(async (options: { sync?: boolean; now?: string } & WebhookFileOptions) => {
      const ctx = context();
      const nowMs = options.now === undefined ? Date.now() : parseInstant(options.now);
      const synced = options.sync ? await syncFirst(ctx) : undefined;
      // With --json, how the sync before the check went: a partial one names what failed.
      const syncJson =
        synced === undefined
          ? {}
          : { sync: synced ? { status: synced.status, failed: failedResources(synced) } : null };
      if (!existsSync(ctx.mirrorFile)) {
        if (ctx.json)
          printJson(ctx.io, {
            profile: ctx.profileId,
            exitCode: CANNOT_EVALUATE_EXIT,
            health: { problems: ['no-data'], lastSuccessAtMs: null, spend: [] },
            conditions: [],
            ...syncJson,
          });
        else note(ctx.io, noMirrorYet(ctx.profileId, { so: 'nothing to evaluate', orElse: '`check --sync`' }));
        ctx.io.exitCode = CANNOT_EVALUATE_EXIT;
        return;
      }
      const { latestEpisodeActivityMs, recordAlertCycle } = await import('../../services/alerts/evaluate-alerts');
      const db = await openProfileMirror(ctx, false);
      try {
        const persist = options.now === undefined || isOnTimeline(nowMs, latestEpisodeActivityMs(db));
        const result = recordAlertCycle(db, nowMs, { defaultTz: systemTimeZone(), persist });
        if (result.rulesProblem) note(ctx.io, `warning: ${result.rulesProblem}`);
        const { cycle, inputs } = result;
        // A simulation (--now off the timeline) is not recorded, so it posts nothing either.
        const webhook = persist ? await deliverForCheck(ctx, db, nowMs, options, webhookDeps) : undefined;
        const webhookJson = webhook === undefined ? {} : { webhook };
        if (ctx.json)
          printJson(ctx.io, {
            ...checkJson(ctx.profileId, inputs.org.name, cycle, nowMs, persist),
            ...syncJson,
            ...webhookJson,
          });
        else ctx.io.stdout.write(describeCheck(inputs.org.name, cycle, nowMs, persist));
        ctx.io.exitCode = cycle.exitCode;
      } finally {
        db.close();
      }
    });

  registerConfigCommands(program, context);
}

export function parseInstant(text: string): number {
  // A date-time with an explicit zone only: a bare "2026-11-23" or a local time would depend on the machine's zone.
  const ms = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)
    ? Date.parse(text)
    : Number.NaN;
  if (Number.isNaN(ms))
    throw new CliError(
      `--now: expected an ISO date-time with a zone, e.g. 2026-11-23T10:00:00Z; got "${text}"`,
      USAGE_EXIT,
    );
  return ms;
}

/**
 * A `--now` evaluation is recorded only when it extends the recorded timeline: not before the latest stored
 * episode activity (that would close and reopen history backwards) and not in the future (a later real run
 * would then look like the past).
 */
function isOnTimeline(nowMs: number, latestMs: number | null): boolean {
  return (latestMs === null || nowMs >= latestMs) && nowMs <= Date.now() + FUTURE_TOLERANCE_MS;
}

/**
 * `check --sync`: the same sync as `clade-admin sync` (the demo profile syncs the built-in sandbox). Answers its
 * summary, or null when no sync ran (no key, or it failed outright); either way the check then reads the mirror.
 */
async function syncFirst(ctx: CliContext): Promise<SyncSummary | null> {
  const { ensureMirrorFile } = await import('../../adapters/data-dir');
  const demo = ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey;
  const { startDemoTarget } = await import('../../services/profile-key');
  // No key: not fatal here. The mirror (if any) still evaluates, and says how old it is.
  const apiKey = demo
    ? null
    : await storedKey(ctx).catch((error: unknown) => {
        if (error instanceof CliError) note(ctx.io, `warning: ${error.message}`);
        else throw error;
        return null;
      });
  if (!demo && apiKey === null) return null;
  const { openMirror } = await import('../../db/open');
  const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
  let sandbox: Awaited<ReturnType<typeof startDemoTarget>> | null = null;
  try {
    sandbox = demo ? await startDemoTarget(db) : null;
    await sealProfileMirror(ctx, db, 'open');
    const target = sandbox ?? { apiKey: apiKey!, baseURL: await apiBaseUrl(ctx) };
    const run = () => syncWithProgress(ctx, db, target, demo ? { requestsPerMinute: null } : {});
    const summary = sandbox ? await sandbox.sync(run) : await run();
    if (summary.status !== 'ok') note(ctx.io, describeSummary(summary, ctx.profileId).trimEnd());
    return summary;
  } catch (error) {
    // A failed sync leaves the mirror as it was; its age decides whether the check can still be trusted.
    note(ctx.io, `warning: sync failed: ${describeError(error)}`);
    return null;
  } finally {
    await sandbox?.close();
    db.close();
  }
}
