import type { Command } from 'commander';
import { ensureMirrorFile } from '../../adapters/data-dir';
import type { CliContext } from '../context';
import { DEMO_PROFILE } from '../context';
import { CliError } from '../errors';
import { note, printJson } from '../io';
import { parseIntInRange } from '../parse-args';
import type { SyncTarget } from '../sync-with-progress';
import { describeSummary, syncExitCode, syncWithProgress } from '../sync-with-progress';

interface SyncCommandOptions {
  full?: boolean;
  history?: number;
}

/** Exit code when there is no usable credential (same as `check`'s "cannot evaluate"). */
const NO_CREDENTIAL_EXIT = 3;

/** `clade-admin sync`: bring the profile's mirror up to date with the Admin API (or, for "demo", the sandbox). */
export function registerSyncCommand(program: Command, context: () => CliContext): void {
  program
    .command('sync')
    .description('sync the profile\'s local mirror with the Admin API (only what is due, unless --full)')
    .option('--full', 'refresh every resource, ignoring the refresh intervals')
    .option('--history <days>', "days of usage and cost history to backfill (default: the profile's sync.historyDays setting, 90)", parseIntInRange(1, 3650))
    .action(async (options: SyncCommandOptions) => {
      const ctx = context();
      const runOptions = { full: options.full ?? false };
      const demo = ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey;
      const sandbox = demo ? await startDemoSandbox() : null;
      try {
        const target: SyncTarget = sandbox ?? { apiKey: await storedKey(ctx), baseURL: ctx.baseUrl };
        const { openMirror } = await import('../../db/open');
        const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
        try {
          const { readProfileSetting } = await import('../../db/settings/profile-settings');
          const historyDays = options.history ?? readProfileSetting(db, 'sync.historyDays');
          const summary = await syncWithProgress(ctx, db, target, { ...runOptions, historyDays, ...(demo ? { requestsPerMinute: null } : {}) });
          if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, ...summary });
          else note(ctx.io, describeSummary(summary, ctx.profileId).trimEnd());
          ctx.io.exitCode = syncExitCode(summary);
        } finally {
          db.close();
        }
      } finally {
        await sandbox?.close();
      }
    });
}

export async function startDemoSandbox(): Promise<SyncTarget & { close(): Promise<void> }> {
  const { startSandbox } = await import('../../sandbox/index');
  const sandbox = await startSandbox({ size: 'demo', seed: 1 });
  return { apiKey: sandbox.adminKey, baseURL: sandbox.url, close: () => sandbox.close() };
}

export async function storedKey(ctx: CliContext): Promise<string> {
  const { resolveAdminKey } = await import('../../core/vault/resolve-key');
  const { createKeytarSecretStore } = await import('../../adapters/secret-store-keytar');
  const resolved = await resolveAdminKey({ env: ctx.io.env, secrets: createKeytarSecretStore(), profileId: ctx.profileId });
  if (!resolved) {
    throw new CliError(
      `no Admin key for profile "${ctx.profileId}". Store one with \`clade-admin key set\` or set ANTHROPIC_ADMIN_KEY for this run.`,
      NO_CREDENTIAL_EXIT,
    );
  }
  if (resolved.source === 'env') await refuseKeyOfAnotherOrg(ctx, resolved.key);
  return resolved.key;
}

/**
 * A profile is bound to one org. A stored key was checked when it was stored; a key from ANTHROPIC_ADMIN_KEY is
 * checked here (one cheap GET /v1/organizations/me) before it can write another org's data into this profile.
 */
async function refuseKeyOfAnotherOrg(ctx: CliContext, key: string): Promise<void> {
  const { createProfilesFile } = await import('../../adapters/profiles-file');
  const registry = createProfilesFile(ctx.dataDir).read();
  if (!registry.profiles.some((p) => p.id === ctx.profileId && p.orgId)) return;
  const { createSdkVerifier } = await import('../../adapters/anthropic/verify-key');
  const { assertKeyMatchesProfile } = await import('../../core/vault/connect-key');
  assertKeyMatchesProfile(registry, ctx.profileId, await createSdkVerifier(ctx.baseUrl)(key));
}
