/**
 * The app's side of the team webhook: the alert loop's delivery after each cycle, and what the Settings view may do
 * (set the URL write-only, change the format, remove it, send a test, read "set / not set" with the host). The URL is
 * read from the keychain at most every URL_REREAD_MS per profile and kept in memory only, so the minute-by-minute
 * alert loop does not ask the keychain every time; a change through here forgets it at once, and one made with the CLI
 * (`alerts webhook set`) is picked up within that time (`remove` at once: it clears `webhook.format` in the mirror).
 * One delivery runs at a time.
 */
import type Database from 'better-sqlite3';
import type { SecretStorePort } from '../../core/vault/ports';
import { webhookHost, type WebhookFormat, type WebhookTarget } from '../../core/webhooks/webhook-url';
import { readChannelState, resetChannelState } from '../../db/alerts/alert-deliveries-repo';
import { readProfileSetting } from '../../db/settings/profile-settings';
import { setProfileSettingRecorded } from '../settings';
import {
  deliverAlertWebhooks,
  sendTestWebhook,
  WEBHOOK_CHANNEL,
  type WebhookDeliveryReport,
} from './deliver-alert-webhooks';
import type { WebhookFetch } from './post-webhook';
import { readStoredWebhookUrl, removeWebhookUrl, saveWebhookUrl } from './webhook-store';

export interface WebhookStatus {
  configured: boolean;
  host: string | null;
  format: WebhookFormat | null;
  lastSuccessAtMs: number | null;
  lastFailureAtMs: number | null;
  lastFailure: string | null;
}

export interface WebhookServiceDeps {
  secrets: SecretStorePort;
  profileId: () => string;
  mirror: () => Database.Database | null;
  now: () => number;
  log: (message: string, error?: unknown) => void;
  fetch?: WebhookFetch;
  timeZone?: string;
}

export interface WebhookService {
  /** Posts what is due for this mirror; never throws (failures are logged and kept for the status). */
  deliver(db: Database.Database, nowMs: number): Promise<WebhookDeliveryReport | null>;
  status(): Promise<WebhookStatus>;
  set(url: string, format: WebhookFormat): Promise<WebhookStatus>;
  setFormat(format: WebhookFormat): Promise<WebhookStatus>;
  remove(): Promise<WebhookStatus>;
  test(): Promise<{ ok: boolean; error: string | null }>;
}

/** How long the app keeps the keychain's answer before asking again. */
export const URL_REREAD_MS = 10 * 60_000;

export class WebhookUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUnavailable';
  }
}

export function createWebhookService(deps: WebhookServiceDeps): WebhookService {
  let cached: { profileId: string; url: string | null; readAtMs: number } | null = null;
  let running: Promise<WebhookDeliveryReport | null> | null = null;

  const storedUrl = async (): Promise<string | null> => {
    const profileId = deps.profileId();
    const nowMs = deps.now();
    if (cached === null || cached.profileId !== profileId || nowMs - cached.readAtMs >= URL_REREAD_MS)
      cached = { profileId, url: await readStoredWebhookUrl(deps.secrets, profileId), readAtMs: nowMs };
    return cached.url;
  };
  const target = async (db: Database.Database): Promise<WebhookTarget | null> => {
    const format = readProfileSetting(db, 'webhook.format');
    if (format === null) return null;
    const url = await storedUrl();
    return url === null ? null : { url, format };
  };
  const mirrorOrRefuse = (): Database.Database => {
    const db = deps.mirror();
    if (db === null)
      throw new WebhookUnavailable('The data of this profile is still being prepared; try again in a moment.');
    return db;
  };
  const status = async (): Promise<WebhookStatus> => {
    const db = deps.mirror();
    const found = db ? await target(db) : null;
    const state = db ? readChannelState(db, WEBHOOK_CHANNEL) : null;
    return {
      configured: found !== null,
      host: found ? webhookHost(found.url) : null,
      format: found?.format ?? null,
      lastSuccessAtMs: state?.lastSuccessAtMs ?? null,
      lastFailureAtMs: state && state.consecutiveFailures > 0 ? state.lastFailureAtMs : null,
      lastFailure: state && state.consecutiveFailures > 0 ? state.lastFailure : null,
    };
  };
  const recordFormat = (db: Database.Database, format: WebhookFormat | null): void => {
    const change = setProfileSettingRecorded(db, 'webhook.format', format, deps.now());
    if (!change.ok) throw new WebhookUnavailable(change.message);
  };

  return {
    deliver: (db, nowMs) => {
      if (running) return running;
      running = (async () => {
        try {
          const webhook = await target(db);
          if (webhook === null) return null;
          const report = await deliverAlertWebhooks({
            db,
            profileId: deps.profileId(),
            webhook,
            nowMs,
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
            ...(deps.timeZone ? { timeZone: deps.timeZone } : {}),
          });
          if (report.error) deps.log(`Alerts could not be posted to the team webhook: ${report.error}`);
          return report;
        } catch (error) {
          deps.log('The team webhook delivery failed', error);
          return null;
        } finally {
          running = null;
        }
      })();
      return running;
    },
    status,
    set: async (url, format) => {
      const db = mirrorOrRefuse();
      await saveWebhookUrl(deps.secrets, deps.profileId(), url);
      cached = null;
      recordFormat(db, format);
      resetChannelState(db, WEBHOOK_CHANNEL);
      return status();
    },
    setFormat: async (format) => {
      const db = mirrorOrRefuse();
      if ((await storedUrl()) === null) throw new WebhookUnavailable('Set the webhook URL first.');
      recordFormat(db, format);
      return status();
    },
    remove: async () => {
      const db = mirrorOrRefuse();
      await removeWebhookUrl(deps.secrets, deps.profileId());
      cached = null;
      recordFormat(db, null);
      resetChannelState(db, WEBHOOK_CHANNEL);
      return status();
    },
    test: async () => {
      const db = mirrorOrRefuse();
      const webhook = await target(db);
      if (webhook === null) throw new WebhookUnavailable('No team webhook is set for this profile.');
      return sendTestWebhook({
        db,
        profileId: deps.profileId(),
        webhook,
        nowMs: deps.now(),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      });
    },
  };
}
