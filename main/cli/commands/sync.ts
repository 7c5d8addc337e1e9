import type { Command } from 'commander';
import { ensureMirrorFile } from '../../adapters/data-dir';
import { apiBaseUrl } from '../api-base-url';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError } from '../errors';
import { note, printJson } from '../io';
import { parseIntInRange } from '../parse-args';
import { sealProfileMirror } from '../audit-seal';
import type { SyncTarget } from '../sync-with-progress';
import { describeSummary, syncExitCode, syncWithProgress } from '../sync-with-progress';

interface SyncCommandOptions {
  full?: boolean;
  history?: number;
  rate?: number;
}

/** Exit code when there is no usable credential (same as `check`'s "cannot evaluate"). */
const NO_CREDENTIAL_EXIT = 3;

/** `clade-admin sync`: bring the profile's mirror up to date with the Admin API (or, for "demo", the sandbox). */
export function registerSyncCommand(program: Command, context: () => CliContext): void {
  program
    .command('sync')
    .description("sync the profile's local mirror with the Admin API (only what is due, unless --full)")
    .option('--full', 'refresh every resource, ignoring the refresh intervals')
    .option(
      '--history <days>',
      "days of usage and cost history to backfill (default: the profile's sync.historyDays setting, 90)",
      parseIntInRange(1, 3650),
    )
    .option(
      '--rate <n>',
      "requests a minute to the API for this run, after a burst of 30 (1-600; default the profile's sync.requestsPerMinute, 60)",
      parseIntInRange(1, 600),
    )
    .action(async (options: SyncCommandOptions) => {
      const ctx = context();
      const runOptions = { full: options.full ?? false };
      const demo = ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey;
      const { startDemoTarget } = await import('../../services/profile-key');
      const { openMirror } = await import('../../db/open');
      const apiKey = demo ? null : await storedKey(ctx);
      const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
      try {
        const sandbox = demo ? await startDemoTarget(db) : null;
        try {
          await sealProfileMirror(ctx, db, 'open');
          const target: SyncTarget = sandbox ?? { apiKey: apiKey!, baseURL: await apiBaseUrl(ctx) };
          const run = () =>
            syncWithProgress(ctx, db, target, {
              ...runOptions,
              ...(options.history !== undefined ? { historyDays: options.history } : {}),
              ...(options.rate !== undefined
                ? { requestsPerMinute: options.rate }
                : demo
                  ? { requestsPerMinute: null }
                  : {}),
            });
          const summary = sandbox ? await sandbox.sync(run) : await run();
          if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...summary });
          else note(ctx.io, describeSummary(summary, ctx.profileId).trimEnd());
          ctx.io.exitCode = syncExitCode(summary);
        } finally {
          await sandbox?.close();
        }
      } finally {
        db.close();
      }
    });
}

/** The profile's key for this run (services/profile-key.ts); none is a one-line error with the "no credential" code. */
export async function storedKey(ctx: CliContext): Promise<string> {
  const { resolveProfileKey } = await import('../../services/profile-key');
  const key = await resolveProfileKey({
    dataDir: ctx.dataDir,
    profileId: ctx.profileId,
    env: ctx.io.env,
    baseUrl: await apiBaseUrl(ctx),
  });
  if (key === null) {
    throw new CliError(
      `no Admin key for profile "${ctx.profileId}". Store one with \`clade-admin key set\` or set ANTHROPIC_ADMIN_KEY for this run.`,
      NO_CREDENTIAL_EXIT,
    );
  }
  return key;
}
