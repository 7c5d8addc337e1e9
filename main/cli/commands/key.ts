/**
 * `clade-admin key set | status | remove`: the admin key in the OS keychain, from the command line.
 * The key is read from a hidden prompt on a terminal, or from stdin when piped; NEVER from an argument, because
 * arguments end up in shell history and process lists. Errors are thrown as CliError: one line, no stack trace.
 * Exit codes: 0 done; 1 key refused (shape, API verification, other org); 2 usage (argument given, no input, bad
 * profile id); 3 no usable keychain (missing, locked, refusing, not answering; same code as "no credential" in sync);
 * 130 prompt cancelled.
 */
import type { Command } from 'commander';
import { createKeytarSecretStore } from '../../adapters/secret-store-keytar';
import { createSdkVerifier } from '../../adapters/anthropic/verify-key';
import { redactSecrets } from '../../core/redact';
import { KeychainUnavailableError, VaultError } from '../../core/vault/errors';
import { assertAdminKeyShape } from '../../core/vault/key-shape';
import { isDemoProfile } from '../../core/vault/profiles';
import type { SecretStorePort, VaultClock, VerifyKey } from '../../core/vault/ports';
import { ADMIN_KEY_ENV } from '../../core/vault/resolve-key';
import { createKeyVaultService, type KeyVaultService } from '../../services/key-vault';
import { apiBaseUrl } from '../api-base-url';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { readHiddenLine, readAllStdin, type KeyInput } from './key-input';

/** Exit code when the OS keychain is unavailable, locked, refusing or not answering: no usable credential. */
export const KEYCHAIN_EXIT = 3;

export interface KeyCommandContext {
  dataDir: string;
  profileId: string;
  /** Where this run sends the key: --base-url, else the profile's `api.baseUrl`, else the API (cli/api-base-url.ts). */
  baseUrl: () => Promise<string>;
  /** `--base-url` as given (checked), which `key set` stores as the profile's `api.baseUrl`; null when not given. */
  rememberBaseUrl: string | null;
  /** `--json`: only JSON on stdout. */
  json: boolean;
  /** Verifies a key with `GET /v1/organizations/me` at baseUrl(); createSdkVerifier is the real one. */
  verify: VerifyKey;
  secrets: SecretStorePort;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  stdin: KeyInput;
  env?: Record<string, string | undefined>;
  clock?: VaultClock;
}

export function registerKeyCommands(program: Command, context: () => KeyCommandContext): Command {
  const key = program.command('key').description('the admin key of a profile, kept only in the OS keychain');

  key
    .command('set')
    .description(
      'verify an Admin API key and store it in the OS keychain (hidden prompt, or piped on stdin; never an argument)',
    )
    .option('--label <name>', "a label for the profile (default: the organization's name)")
    .allowExcessArguments(true)
    .action(async (options: { label?: string }, command: Command) => {
      const ctx = context();
      if (command.args.length > 0) {
        throw new CliError(
          'refusing to take the key as an argument: arguments are kept in shell history and visible to other processes. ' +
            'Run `clade-admin key set` and paste the key at the hidden prompt, or pipe it in: `clade-admin key set < key.txt`. ' +
            'If that was a real key, consider it exposed and rotate it.',
          USAGE_EXIT,
        );
      }
      if (isDemoProfile(ctx.profileId)) {
        throw new CliError(
          'the demo profile uses the built-in sandbox and takes no key; choose a profile with --profile <id>.',
          USAGE_EXIT,
        );
      }
      const pasted = await readKey(ctx);
      // Shape first, so a regular API key is refused before we claim to verify anything.
      const adminKey = await run(async () => assertAdminKeyShape(pasted));
      const baseUrl = await ctx.baseUrl();
      note(ctx, `Verifying the key with the Admin API (${baseUrl})…`);
      const { result: status, trailError } = await run(() =>
        vaultOf(ctx).connect(ctx.profileId, adminKey, {
          via: 'cli',
          ...(options.label !== undefined ? { label: options.label } : {}),
        }),
      );
      warnTrail(ctx, trailError);
      // Only after the key was verified there: a mistyped URL is not remembered.
      if (ctx.rememberBaseUrl !== null)
        await (
          await import('../../services/api-base-url')
        ).rememberProfileBaseUrl(
          ctx.dataDir,
          ctx.profileId,
          ctx.rememberBaseUrl,
          (ctx.clock ?? { now: () => Date.now() }).now(),
          ctx.secrets,
        );
      if (ctx.json) return printJson(ctx, { profile: ctx.profileId, ...status });
      ctx.stdout.write(
        `Connected profile "${ctx.profileId}" to ${status.orgName} (verified ${status.verifiedAt}). ` +
          'The key is stored in the OS keychain and nowhere else.\n',
      );
      if (ctx.rememberBaseUrl !== null)
        ctx.stdout.write(`The profile's key now goes to ${baseUrl} (api.baseUrl; see \`clade-admin config get\`).\n`);
      if (ctx.env?.[ADMIN_KEY_ENV])
        note(ctx, `note: ${ADMIN_KEY_ENV} is set; headless runs use it instead of the stored key.`);
    });

  key
    .command('status')
    .description(
      'whether the profile has a key, for which organization, verified when (--json: {present, orgName, verifiedAt})',
    )
    .action(async () => {
      const ctx = context();
      const status = await run(() => vaultOf(ctx).status(ctx.profileId));
      const envKeySet = Boolean(ctx.env?.[ADMIN_KEY_ENV]?.trim());
      if (ctx.json) return printJson(ctx, { profile: ctx.profileId, ...status, envKeySet });
      const line = status.present
        ? `Profile "${ctx.profileId}": key stored in the OS keychain for ${status.orgName ?? 'an unverified organization'}` +
          `${status.verifiedAt ? `, verified ${status.verifiedAt}` : ''}.`
        : `Profile "${ctx.profileId}": no key stored. Run \`clade-admin key set\` to connect one.`;
      ctx.stdout.write(
        `${line}${envKeySet ? ` (${ADMIN_KEY_ENV} is set and takes precedence for headless runs.)` : ''}\n`,
      );
    });

  key
    .command('remove')
    .description("delete the profile's key from the OS keychain (the local mirror stays unless --delete-mirror)")
    .option('--delete-mirror', 'also delete the local mirror and forget the profile')
    .action(async (options: { deleteMirror?: boolean }) => {
      const ctx = context();
      if (options.deleteMirror) {
        const result = await run(() => vaultOf(ctx).removeProfile(ctx.profileId));
        if (ctx.json) return printJson(ctx, { profile: ctx.profileId, ...result });
        ctx.stdout.write(
          `Profile "${ctx.profileId}" removed: ${result.keyDeleted ? 'key deleted from the OS keychain' : 'no key was stored'}, ` +
            `${result.mirrorFilesDeleted.length} mirror file(s) deleted.\n`,
        );
        return;
      }
      const { result: keyDeleted, trailError } = await run(() => vaultOf(ctx).clear(ctx.profileId, { via: 'cli' }));
      warnTrail(ctx, trailError);
      if (ctx.json)
        return printJson(ctx, { profile: ctx.profileId, keyDeleted, profileRemoved: false, mirrorFilesDeleted: [] });
      ctx.stdout.write(
        keyDeleted
          ? `Deleted the key of profile "${ctx.profileId}" from the OS keychain. The local mirror stays (use --delete-mirror to delete it too).\n`
          : `Profile "${ctx.profileId}" had no key in the OS keychain.\n`,
      );
    });

  return key;
}

/**
 * The production context from the CLI's global context: the real keychain and the SDK verifier on the profile's
 * base URL (--base-url, else its stored `api.baseUrl`, else the API).
 * Wire it as `registerKeyCommands(program, () => keyContextFrom(context()))`.
 */
export function keyContextFrom(
  cli: CliContext,
  secrets: SecretStorePort = createKeytarSecretStore(),
): KeyCommandContext {
  return {
    dataDir: cli.dataDir,
    profileId: cli.profileId,
    baseUrl: () => apiBaseUrl(cli),
    rememberBaseUrl: cli.baseUrlFlag,
    json: cli.json,
    verify: async (key) => createSdkVerifier(await apiBaseUrl(cli))(key),
    secrets,
    stdout: cli.io.stdout,
    stderr: cli.io.stderr,
    stdin: cli.io.stdin,
    env: cli.io.env,
  };
}

async function readKey(ctx: KeyCommandContext): Promise<string> {
  let key: string;
  try {
    key = ctx.stdin.isTTY
      ? await readHiddenLine(ctx.stdin, ctx.stderr, `Admin API key for profile "${ctx.profileId}" (input hidden): `)
      : await readAllStdin(ctx.stdin);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new CliError(
      message === 'cancelled' ? 'cancelled; nothing was stored.' : `cannot read the key: ${message}`,
      message === 'cancelled' ? 130 : 1,
    );
  }
  if (key.trim() === '') {
    throw new CliError(
      ctx.stdin.isTTY
        ? 'no key entered.'
        : 'no key received on standard input. Pipe it in (`clade-admin key set < key.txt`) or run in a terminal to paste it at a hidden prompt.',
      USAGE_EXIT,
    );
  }
  return key;
}

function vaultOf(ctx: KeyCommandContext): KeyVaultService {
  return createKeyVaultService({
    dataDir: ctx.dataDir,
    secrets: ctx.secrets,
    verify: ctx.verify,
    clock: ctx.clock ?? { now: () => Date.now() },
  });
}

/** The key change has happened: a trail that could not be written is said on stderr, not turned into a failure. */
function warnTrail(ctx: KeyCommandContext, trailError: string | null): void {
  if (trailError !== null)
    note(ctx, `warning: the action could not be recorded in the profile's audit trail: ${trailError}`);
}

/** Runs a vault operation and turns its errors into one redacted CLI line with a meaningful exit code. */
async function run<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof KeychainUnavailableError) throw new CliError(redactSecrets(error.message), KEYCHAIN_EXIT);
    if (error instanceof VaultError) {
      const usage = error.code === 'INVALID_PROFILE_ID' || error.code === 'INVALID_PROFILE_LABEL';
      throw new CliError(redactSecrets(error.message), usage ? USAGE_EXIT : 1);
    }
    throw error;
  }
}

function printJson(ctx: KeyCommandContext, value: unknown): void {
  ctx.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

function note(ctx: KeyCommandContext, text: string): void {
  ctx.stderr.write(`${text}\n`);
}
