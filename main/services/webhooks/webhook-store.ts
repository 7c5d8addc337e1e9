/**
 * Where a profile's team webhook is kept: its URL in the OS keychain, beside the admin key and the audit seal
 * (account `<profile>.webhook`, through the same SecretStorePort), as `{v, url}`; never in the mirror, a log or an
 * export. What the app and the CLI show is `webhookHost` (e.g. hooks.slack.com). The format, which is no secret, is
 * the profile setting `webhook.format`, which also says whether a webhook is set up at all, so runs of a profile
 * without one never reach for the keychain. Where no keychain is reachable (a container), `resolveWebhook` reads the
 * URL from a 0600 file instead (adapters/webhook-file.ts).
 */
import { readWebhookFile } from '../../adapters/webhook-file';
import type { SecretStorePort } from '../../core/vault/ports';
import { checkWebhookUrl, webhookHost, type WebhookFormat, type WebhookTarget } from '../../core/webhooks/webhook-url';

/** The keychain account of a profile's webhook (profile ids hold no dot, so it cannot collide with one). */
export function webhookAccount(profileId: string): string {
  return `${profileId}.webhook`;
}

export class WebhookUrlRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookUrlRefused';
  }
}

export type WebhookSource = 'keychain' | 'file';

export interface WebhookSummary {
  configured: boolean;
  /** Host (and port), never the path; null when none. */
  host: string | null;
  format: WebhookFormat | null;
  source: WebhookSource | null;
}

export const NO_WEBHOOK: WebhookSummary = { configured: false, host: null, format: null, source: null };

function parseStored(text: string | null): string | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { v?: unknown; url?: unknown };
    if (value.v !== 1 || typeof value.url !== 'string') return null;
    const checked = checkWebhookUrl(value.url);
    return checked.ok ? checked.url : null;
  } catch {
    return null;
  }
}

/** Checks and stores the URL (refused with a reason that never quotes it). Answers the host to show. */
export async function saveWebhookUrl(secrets: SecretStorePort, profileId: string, url: string): Promise<string> {
  const checked = checkWebhookUrl(url);
  if (!checked.ok) throw new WebhookUrlRefused(checked.reason);
  await secrets.set(webhookAccount(profileId), JSON.stringify({ v: 1, url: checked.url }));
  return checked.host;
}

export async function readStoredWebhookUrl(secrets: SecretStorePort, profileId: string): Promise<string | null> {
  return parseStored(await secrets.get(webhookAccount(profileId)));
}

export async function removeWebhookUrl(secrets: SecretStorePort, profileId: string): Promise<boolean> {
  return secrets.delete(webhookAccount(profileId));
}

export function summariseWebhook(target: WebhookTarget | null, source: WebhookSource): WebhookSummary {
  return target === null
    ? NO_WEBHOOK
    : { configured: true, host: webhookHost(target.url), format: target.format, source };
}

export interface ResolveWebhookOptions {
  profileId: string;
  /** The profile's `webhook.format`; null = no webhook set up in the keychain. */
  format: WebhookFormat | null;
  /** `--webhook-file`: read the URL from this 0600 file instead of the keychain. */
  webhookFile?: string | null;
  /** The format for a file's URL when the profile has none set (`--webhook-format`); default slack. */
  fileFormat?: WebhookFormat | null;
  /** The keychain; null when this run must not touch it (a headless run on ANTHROPIC_ADMIN_KEY). */
  secrets: SecretStorePort | null;
}

/**
 * The profile's webhook: from the file when one is named, else from the keychain when the profile has one set up;
 * null when none. Throws on a bad or too-open file, and when the keychain cannot be read.
 */
export async function resolveWebhook(
  options: ResolveWebhookOptions,
): Promise<{ target: WebhookTarget; source: WebhookSource } | null> {
  if (options.webhookFile) {
    const format = options.fileFormat ?? options.format ?? 'slack';
    return { target: { url: readWebhookFile(options.webhookFile), format }, source: 'file' };
  }
  if (options.format === null || options.secrets === null) return null;
  const url = await readStoredWebhookUrl(options.secrets, options.profileId);
  return url === null ? null : { target: { url, format: options.format }, source: 'keychain' };
}
