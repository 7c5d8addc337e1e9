/**
 * `clade-admin alerts webhook set | remove | test | status`: the profile's team webhook (Slack-compatible or generic
 * JSON). The URL is a credential to the channel: it is read from a hidden prompt or stdin (never an argument, which
 * shell history and process lists keep), stored in the OS keychain only, and shown as its host. Where there is no
 * keychain (a container), `--webhook-file` names a 0600 file holding it, for `test`, `status` and `check`.
 * Exit codes: 0 done; 1 the post failed; 2 usage (URL refused, argument given, nothing on stdin); 3 no keychain.
 */
import type { Command } from 'commander';
import type { SecretStorePort } from '../../core/vault/ports';
import type { RetryPolicy } from '../../core/webhooks/retry';
import { isWebhookFormat, type WebhookFormat } from '../../core/webhooks/webhook-url';
import type { MirrorDb } from '../../db/open';
import type { WebhookFetch } from '../../services/webhooks/post-webhook';
import type { CliContext } from '../context';
import { CliError, USAGE_EXIT } from '../errors';
import { note, printJson } from '../io';
import { openProfileMirror } from './alerts';
import { readAllStdin, readHiddenLine, type KeyInput } from './key-input';

/** What the webhook commands and `check` reach outside the process through; tests pass doubles. */
export interface WebhookCliDeps {
  secrets?: () => SecretStorePort & { close?(): void };
  fetch?: WebhookFetch;
  retry?: RetryPolicy;
}

export interface WebhookFileOptions {
  webhookFile?: string;
  webhookFormat?: string;
}

export function parseFormat(text: string | undefined, flag: string): WebhookFormat | undefined {
  if (text === undefined) return undefined;
  if (!isWebhookFormat(text)) throw new CliError(`${flag}: expected slack or json, got "${text}"`, USAGE_EXIT);
  return text;
}

async function withSecrets<T>(deps: WebhookCliDeps, use: (secrets: SecretStorePort) => Promise<T>): Promise<T> {
  const { createKeytarSecretStore } = await import('../../adapters/secret-store-keytar');
  const secrets = deps.secrets?.() ?? createKeytarSecretStore();
  try {
    return await use(secrets);
  } finally {
    secrets.close?.();
  }
}

/**
 * The webhook of this run: `--webhook-file` (format: --webhook-format, else the profile's, else slack), else the
 * keychain's when the profile has one set up (`webhook.format`). Null when none. Keychain and file problems throw.
 */
export async function webhookForRun(
  ctx: CliContext,
  db: MirrorDb | null,
  options: WebhookFileOptions,
  deps: WebhookCliDeps,
): Promise<{ target: import('../../core/webhooks/webhook-url').WebhookTarget; source: 'keychain' | 'file' } | null> {
  const { readProfileSetting } = await import('../../db/settings/profile-settings');
  const { resolveWebhook } = await import('../../services/webhooks/webhook-store');
  const { WebhookFileError } = await import('../../adapters/webhook-file');
  const format = db ? readProfileSetting(db, 'webhook.format') : null;
  const fileFormat = parseFormat(options.webhookFormat, '--webhook-format') ?? null;
  const resolve = (secrets: SecretStorePort | null) =>
    resolveWebhook({ profileId: ctx.profileId, format, webhookFile: options.webhookFile ?? null, fileFormat, secrets });
  try {
    if (options.webhookFile || format === null) return await resolve(null);
    return await withSecrets(deps, resolve);
  } catch (error) {
    if (error instanceof WebhookFileError) throw new CliError(error.message, USAGE_EXIT);
    if (error instanceof Error && error.name === 'KeychainUnavailableError')
      throw new CliError(`the team webhook's URL cannot be read: ${error.message}`, 3);
    throw error;
  }
}

export function registerWebhookCommands(alerts: Command, context: () => CliContext, deps: WebhookCliDeps = {}): void {
  const webhook = alerts
    .command('webhook')
    .description("this profile's team webhook (Slack-compatible or JSON): its URL is kept in the OS keychain only");

  webhook
    .command('set')
    .description('store the webhook URL (hidden prompt, or piped on stdin; never an argument) and its format')
    .option('--format <format>', 'slack (incoming-webhook JSON with text and blocks) or json (a generic body)', 'slack')
    .allowExcessArguments(true)
    .action(async (options: { format: string }, command: Command) => {
      const ctx = context();
      if (command.args.length > 0)
        throw new CliError(
          'refusing to take the webhook URL as an argument: arguments are kept in shell history and visible to other processes. ' +
            'Run `clade-admin alerts webhook set` and paste it at the hidden prompt, or pipe it in: `clade-admin alerts webhook set < url.txt`.',
          USAGE_EXIT,
        );
      const format = parseFormat(options.format, '--format')!;
      const url = await readUrl(ctx);
      const { checkWebhookUrl } = await import('../../core/webhooks/webhook-url');
      const checked = checkWebhookUrl(url);
      if (!checked.ok) throw new CliError(`webhook URL refused: ${checked.reason}`, USAGE_EXIT);
      const { saveWebhookUrl } = await import('../../services/webhooks/webhook-store');
      await keychainStep(() =>
        withSecrets(deps, async (secrets) => {
          await saveWebhookUrl(secrets, ctx.profileId, checked.url);
          await recordFormat(ctx, format, secrets);
        }),
      );
      if (ctx.json) return printJson(ctx.io, { profile: ctx.profileId, configured: true, host: checked.host, format });
      ctx.io.stdout.write(
        `Team webhook of profile "${ctx.profileId}" set: alerts go to ${checked.host} (${format} format). ` +
          'The URL is stored in the OS keychain and nowhere else. Try it: `clade-admin alerts webhook test`.\n',
      );
    });

  webhook
    .command('remove')
    .description('delete the webhook URL from the OS keychain; alerts stop going to it')
    .action(async () => {
      const ctx = context();
      const { removeWebhookUrl } = await import('../../services/webhooks/webhook-store');
      const deleted = await keychainStep(() =>
        withSecrets(deps, async (secrets) => {
          const removed = await removeWebhookUrl(secrets, ctx.profileId);
          await recordFormat(ctx, null, secrets);
          return removed;
        }),
      );
      if (ctx.json) return printJson(ctx.io, { profile: ctx.profileId, removed: deleted });
      ctx.io.stdout.write(
        deleted
          ? `Removed the team webhook of profile "${ctx.profileId}" from the OS keychain.\n`
          : `Profile "${ctx.profileId}" had no team webhook in the OS keychain.\n`,
      );
    });

  webhook
    .command('test')
    .description('post a test message to the webhook now')
    .option('--webhook-file <path>', 'read the URL from this 0600 file instead of the keychain')
    .option('--webhook-format <format>', 'the format for --webhook-file: slack or json')
    .action(async (options: WebhookFileOptions) => {
      const ctx = context();
      await withMirror(ctx, async (db) => {
        const found = await webhookForRun(ctx, db, options, deps);
        if (found === null) throw new CliError(noWebhook(ctx), USAGE_EXIT);
        const { sendTestWebhook } = await import('../../services/webhooks/deliver-alert-webhooks');
        const result = await sendTestWebhook({
          db,
          profileId: ctx.profileId,
          webhook: found.target,
          nowMs: Date.now(),
          ...(deps.fetch ? { fetch: deps.fetch } : {}),
          ...(deps.retry ? { retry: deps.retry } : {}),
        });
        const { webhookHost } = await import('../../core/webhooks/webhook-url');
        const host = webhookHost(found.target.url);
        if (ctx.json) printJson(ctx.io, { profile: ctx.profileId, host, ok: result.ok, error: result.error });
        else if (result.ok) ctx.io.stdout.write(`Test message posted to ${host} (${found.target.format} format).\n`);
        if (!result.ok) {
          if (!ctx.json) note(ctx.io, `clade-admin: the test post to ${host} failed: ${result.error}`);
          ctx.io.exitCode = 1;
        }
      });
    });

  webhook
    .command('status')
    .description('whether a webhook is set (its host and format, never the URL) and how its last post went')
    .option('--webhook-file <path>', 'check this 0600 file instead of the keychain')
    .option('--webhook-format <format>', 'the format for --webhook-file: slack or json')
    .action(async (options: WebhookFileOptions) => {
      const ctx = context();
      await withMirror(ctx, async (db) => {
        const found = await webhookForRun(ctx, db, options, deps);
        const { summariseWebhook, NO_WEBHOOK } = await import('../../services/webhooks/webhook-store');
        const summary = found ? summariseWebhook(found.target, found.source) : NO_WEBHOOK;
        const { readChannelState } = await import('../../db/alerts/alert-deliveries-repo');
        const { WEBHOOK_CHANNEL } = await import('../../services/webhooks/deliver-alert-webhooks');
        const state = db ? readChannelState(db, WEBHOOK_CHANNEL) : null;
        if (ctx.json) return printJson(ctx.io, { profile: ctx.profileId, ...summary, lastOutcome: state });
        if (!summary.configured) return void ctx.io.stdout.write(`${noWebhook(ctx)}\n`);
        const lines = [
          `Profile "${ctx.profileId}": alerts go to ${summary.host} (${summary.format} format; URL in the ${summary.source === 'file' ? 'file' : 'OS keychain'}).`,
        ];
        if (state?.lastSuccessAtMs) lines.push(`Last delivered: ${new Date(state.lastSuccessAtMs).toISOString()}.`);
        if (state?.lastFailureAtMs && state.consecutiveFailures > 0)
          lines.push(
            `Last failure: ${new Date(state.lastFailureAtMs).toISOString()}: ${state.lastFailure ?? 'unknown'}.`,
          );
        ctx.io.stdout.write(`${lines.join('\n')}\n`);
      });
    });
}

function noWebhook(ctx: CliContext): string {
  return `Profile "${ctx.profileId}" has no team webhook. Set one with \`clade-admin alerts webhook set\` (or pass --webhook-file).`;
}

/** The profile's mirror when it exists (read-only use: no trail written), else null. */
async function withMirror(ctx: CliContext, use: (db: MirrorDb | null) => Promise<void>): Promise<void> {
  const { existsSync } = await import('node:fs');
  const db = existsSync(ctx.mirrorFile) ? await openProfileMirror(ctx, false) : null;
  try {
    await use(db);
  } finally {
    db?.close();
  }
}

/** Stores `webhook.format` (null = none) in the profile's mirror, recorded in its audit trail like `config set`. */
async function recordFormat(ctx: CliContext, format: WebhookFormat | null, secrets: SecretStorePort): Promise<void> {
  const { ensureMirrorFile } = await import('../../adapters/data-dir');
  const { setProfileSettingRecorded } = await import('../../services/settings');
  const { resetChannelState } = await import('../../db/alerts/alert-deliveries-repo');
  const { WEBHOOK_CHANNEL } = await import('../../services/webhooks/deliver-alert-webhooks');
  const { sealProfileMirror } = await import('../audit-seal');
  ensureMirrorFile(ctx.dataDir, ctx.profileId);
  const db = await openProfileMirror(ctx, false);
  try {
    // The trail is sealed with the same keychain the URL went to.
    await sealProfileMirror(ctx, db, 'open', secrets);
    const change = setProfileSettingRecorded(db, 'webhook.format', format, Date.now());
    if (!change.ok) throw new CliError(change.message, USAGE_EXIT);
    resetChannelState(db, WEBHOOK_CHANNEL);
  } finally {
    db.close();
  }
}

async function keychainStep<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof Error && error.name === 'KeychainUnavailableError') throw new CliError(error.message, 3);
    throw error;
  }
}

async function readUrl(ctx: CliContext): Promise<string> {
  const stdin = ctx.io.stdin as KeyInput;
  let text: string;
  try {
    text = stdin.isTTY
      ? await readHiddenLine(stdin, ctx.io.stderr, `Webhook URL for profile "${ctx.profileId}" (input hidden): `)
      : await readAllStdin(stdin);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (message === 'cancelled') throw new CliError('cancelled; nothing was stored.', 130);
    throw new CliError(`cannot read the webhook URL: ${message.replace('an Admin key; pipe only the key', 'a URL')}`);
  }
  if (text.trim() === '')
    throw new CliError(
      stdin.isTTY
        ? 'no URL entered.'
        : 'no webhook URL received on standard input. Pipe it in (`clade-admin alerts webhook set < url.txt`) or run in a terminal to paste it at a hidden prompt.',
      USAGE_EXIT,
    );
  return text.trim();
}
