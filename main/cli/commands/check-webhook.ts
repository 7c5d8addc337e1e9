/**
 * `check`'s last step: post what is due to the profile's team webhook (keychain, or `--webhook-file`), after the
 * cycle was recorded. A webhook that cannot be reached does not change check's exit code (that code is about the
 * org's alerts); it is said on stderr and in `--json` under `webhook`.
 */
import type { MirrorDb } from '../../db/open';
import type { CliContext } from '../context';
import { CliError } from '../errors';
import { note } from '../io';
import { systemTimeZone } from '../../core/time';
import { webhookForRun, type WebhookCliDeps, type WebhookFileOptions } from './alerts-webhook';

export interface CheckWebhookJson {
  host: string | null;
  posted: number;
  digest: string | null;
  held: number;
  error: string | null;
}

/** Undefined when the profile has no webhook (nothing said); else what happened. */
export async function deliverForCheck(
  ctx: CliContext,
  db: MirrorDb,
  nowMs: number,
  options: WebhookFileOptions,
  deps: WebhookCliDeps,
  run: { keepPause?: boolean } = {},
): Promise<CheckWebhookJson | undefined> {
  let found;
  try {
    found = await webhookForRun(ctx, db, options, deps);
  } catch (error) {
    // A bad --webhook-file is a usage error the admin must see; a locked keychain only skips the posts.
    if (error instanceof CliError && error.exitCode !== 3) throw error;
    const message = error instanceof Error ? error.message : String(error);
    note(ctx.io, `warning: alerts were not posted to the team webhook: ${message}`);
    return { host: null, posted: 0, digest: null, held: 0, error: message };
  }
  if (found === null) return undefined;
  const { deliverAlertWebhooks } = await import('../../services/webhooks/deliver-alert-webhooks');
  const { webhookHost } = await import('../../core/webhooks/webhook-url');
  const report = await deliverAlertWebhooks({
    db,
    profileId: ctx.profileId,
    webhook: found.target,
    nowMs,
    timeZone: systemTimeZone(),
    // A cron run is the admin's explicit ask: it does not wait out the pause the app keeps after failures (a
    // long-running serve-metrics does).
    ignorePause: !run.keepPause,
    ...(deps.fetch ? { fetch: deps.fetch } : {}),
    ...(deps.retry ? { retry: deps.retry } : {}),
  });
  const host = webhookHost(found.target.url);
  if (report.error !== null) note(ctx.io, `warning: posting alerts to ${host} failed: ${report.error}`);
  return { host, posted: report.posted.length, digest: report.digestDay, held: report.held, error: report.error };
}
