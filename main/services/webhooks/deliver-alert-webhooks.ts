/**
 * Delivers a profile's due alert episodes (and its digest) to its team webhook. The ONE entry point every runner
 * calls after recording an alert cycle: the app's alert loop, `clade-admin check`, and `serve-metrics`' sync loop.
 * It does not evaluate: the caller has just reconciled the episodes (recordAlertCycle / runAppAlertCycle).
 *
 * Once per episode and channel, across processes: each post is preceded by a claim in its own IMMEDIATE transaction
 * (db/alerts/alert-deliveries-repo.ts) and followed by the delivered mark, or by releasing the claim when the post
 * failed, so the next cycle of whichever process runs first tries again. Quiet hours, snoozes and the digest follow
 * the desktop's rules (core/webhooks/webhook-plan.ts). A webhook that keeps failing is asked again after a growing
 * pause (1, 2, 4 … 60 min), not every minute.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { buildDigest, type Episode } from '../../core/alerts/index';
import { systemTimeZone } from '../../core/time';
import { webhookBody, type WebhookContext, type WebhookMessage } from '../../core/webhooks/webhook-message';
import { digestMarkKey, planWebhookDeliveries } from '../../core/webhooks/webhook-plan';
import type { RetryPolicy } from '../../core/webhooks/retry';
import type { WebhookTarget } from '../../core/webhooks/webhook-url';
import { loadAlertRules, loadEpisodes, loadSnoozes } from '../../db/alerts/index';
import {
  claimDelivery,
  completeDelivery,
  pruneDeliveries,
  readChannelState,
  recordChannelFailure,
  recordChannelSuccess,
  releaseDelivery,
  takenDeliveryKeys,
} from '../../db/alerts/alert-deliveries-repo';
import { OrganizationRepo } from '../../db/repos/organization-repo';
import { postWebhook, type PostResult, type WebhookFetch } from './post-webhook';

/** The channel name of a profile's team webhook in the delivery marks. */
export const WEBHOOK_CHANNEL = 'webhook';
/**
 * A burst (a first connection to a busy org, a night's worth after quiet hours) posts the most severe few one by one
 * and folds the rest into one summary post, like the desktop notifier: the channel hears of everything once, without
 * a wall of messages.
 */
export const MAX_INDIVIDUAL_POSTS = 5;
const MAX_PAUSE_MS = 60 * 60_000;

export interface DeliverAlertWebhooksOptions {
  db: Database.Database;
  profileId: string;
  /** The profile's webhook (resolve it with resolveWebhook); null = none configured: nothing happens. */
  webhook: WebhookTarget | null;
  nowMs: number;
  fetch?: WebhookFetch;
  /** The zone quiet hours and the digest use unless the admin pinned one; default the system's. */
  timeZone?: string;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** Ignore the pause after failures (a test post, an explicit `check`). Default false. */
  ignorePause?: boolean;
}

export interface WebhookDeliveryReport {
  /** Episode ids posted by this call. */
  posted: string[];
  /** The local day whose digest this call posted, if any. */
  digestDay: string | null;
  /** Undelivered open episodes waiting for quiet hours or a snooze to end. */
  held: number;
  /** Why this call stopped early (a failed post, redacted); null when everything due went out. */
  error: string | null;
  /** True when the call did nothing because the webhook is in its pause after failures. */
  paused: boolean;
}

/** A fresh report each time: its `posted` list is filled in place. */
function nothing(): WebhookDeliveryReport {
  return { posted: [], digestDay: null, held: 0, error: null, paused: false };
}

export async function deliverAlertWebhooks(options: DeliverAlertWebhooksOptions): Promise<WebhookDeliveryReport> {
  const { db, webhook, nowMs } = options;
  if (webhook === null) return nothing();
  if (!options.ignorePause && inPause(db, nowMs)) return { ...nothing(), paused: true };
  const rules = loadAlertRules(db, options.timeZone ?? systemTimeZone());
  const episodes = loadEpisodes(db);
  const plan = planWebhookDeliveries(
    episodes,
    takenDeliveryKeys(db, WEBHOOK_CHANNEL, nowMs),
    rules,
    loadSnoozes(db),
    nowMs,
  );
  const context: WebhookContext = {
    profileId: options.profileId,
    orgName: new OrganizationRepo(db).get()?.name ?? options.profileId,
  };
  const report: WebhookDeliveryReport = { ...nothing(), held: plan.held.length };
  const post = (message: WebhookMessage) =>
    postWebhook(webhook.url, webhookBody(webhook.format, message, context), {
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.sleep ? { sleep: options.sleep } : {}),
    });
  /** Records the post's outcome for `status` (and the pause after failures); true when it went out. */
  const outcome = (result: PostResult): boolean => {
    if (result.ok) recordChannelSuccess(db, WEBHOOK_CHANNEL, nowMs);
    else {
      recordChannelFailure(db, WEBHOOK_CHANNEL, nowMs, result.error);
      report.error = result.error;
    }
    return result.ok;
  };
  const send = async (key: string, message: WebhookMessage | null): Promise<boolean> => {
    const token = randomUUID();
    if (!claimDelivery(db, WEBHOOK_CHANNEL, key, token, nowMs)) return false;
    if (message === null) {
      completeDelivery(db, WEBHOOK_CHANNEL, key, token, nowMs);
      return false;
    }
    const result = await post(message);
    if (result.ok) completeDelivery(db, WEBHOOK_CHANNEL, key, token, nowMs);
    else releaseDelivery(db, WEBHOOK_CHANNEL, key, token);
    return outcome(result);
  };

  // One left over would make a summary of one: it is posted as itself.
  const fold = plan.episodes.length > MAX_INDIVIDUAL_POSTS + 1;
  const individual = fold ? plan.episodes.slice(0, MAX_INDIVIDUAL_POSTS) : plan.episodes;
  /** The rest in one post: each claimed first (another runner may hold some), all marked or all released. */
  const sendSummary = async (rest: readonly Episode[]): Promise<string[]> => {
    const token = randomUUID();
    const claimed = rest.filter((episode) => claimDelivery(db, WEBHOOK_CHANNEL, episode.id, token, nowMs));
    if (claimed.length === 0) return [];
    const message: WebhookMessage =
      claimed.length === 1 ? { kind: 'episode', episode: claimed[0]! } : { kind: 'summary', episodes: claimed };
    const result = await post(message);
    for (const episode of claimed) {
      if (result.ok) completeDelivery(db, WEBHOOK_CHANNEL, episode.id, token, nowMs);
      else releaseDelivery(db, WEBHOOK_CHANNEL, episode.id, token);
    }
    return outcome(result) ? claimed.map((episode) => episode.id) : [];
  };
  for (const episode of individual) {
    if (await send(episode.id, { kind: 'episode', episode })) report.posted.push(episode.id);
    if (report.error !== null) return report;
  }
  if (fold) {
    report.posted.push(...(await sendSummary(plan.episodes.slice(MAX_INDIVIDUAL_POSTS))));
    if (report.error !== null) return report;
  }
  if (plan.digestDay !== null) {
    const digest = buildDigest(stillStored(db, episodes), nowMs, rules);
    // Nothing open: the day is marked without a post, so a later opening does not trigger a digest that day.
    if (await send(digestMarkKey(plan.digestDay), digest && { kind: 'digest', digest }))
      report.digestDay = plan.digestDay;
  }
  pruneDeliveries(db, nowMs);
  return report;
}

/** The episodes as stored now (another process may have closed some while we posted). */
function stillStored(db: Database.Database, before: readonly Episode[]): Episode[] {
  try {
    return loadEpisodes(db);
  } catch {
    return [...before];
  }
}

/** After n consecutive failed runs, the webhook is asked again 2^(n-1) minutes after the last (at most an hour). */
function inPause(db: Database.Database, nowMs: number): boolean {
  const state = readChannelState(db, WEBHOOK_CHANNEL);
  if (state.consecutiveFailures === 0 || state.lastFailureAtMs === null) return false;
  const pause = Math.min(60_000 * 2 ** (state.consecutiveFailures - 1), MAX_PAUSE_MS);
  return nowMs < state.lastFailureAtMs + pause;
}

/** Posts the test message now (no marks; the outcome is recorded for `status`). */
export async function sendTestWebhook(options: {
  db: Database.Database | null;
  profileId: string;
  webhook: WebhookTarget;
  nowMs: number;
  fetch?: WebhookFetch;
  retry?: RetryPolicy;
}): Promise<{ ok: boolean; error: string | null }> {
  const orgName = options.db ? (new OrganizationRepo(options.db).get()?.name ?? options.profileId) : options.profileId;
  const body = webhookBody(
    options.webhook.format,
    { kind: 'test', atMs: options.nowMs },
    { profileId: options.profileId, orgName },
  );
  const result = await postWebhook(options.webhook.url, body, {
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.retry ? { retry: options.retry } : {}),
  });
  if (options.db) {
    if (result.ok) recordChannelSuccess(options.db, WEBHOOK_CHANNEL, options.nowMs);
    else recordChannelFailure(options.db, WEBHOOK_CHANNEL, options.nowMs, result.error);
  }
  return result.ok ? { ok: true, error: null } : { ok: false, error: result.error };
}
