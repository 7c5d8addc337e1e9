/**
 * Where a team webhook may post: https anywhere, or plain http only to a loopback address (tests, a local relay).
 * The URL is a secret (a Slack incoming-webhook URL is its own credential), so a refusal never repeats it: it
 * names only the scheme and host. Credentials in the URL (user:pass@) are refused: they would travel in clear logs
 * of proxies and are never how incoming webhooks authenticate.
 */
export type WebhookUrlCheck = { ok: true; url: string; host: string } | { ok: false; reason: string };

export const WEBHOOK_FORMATS = ['slack', 'json'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** A resolved webhook: its URL (secret) and the body format it takes. */
export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
}

const MAX_URL_CHARS = 2048;

export function checkWebhookUrl(text: string): WebhookUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: 'no webhook URL given' };
  if (trimmed.length > MAX_URL_CHARS)
    return { ok: false, reason: `a webhook URL is at most ${MAX_URL_CHARS} characters` };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: 'not a URL (expected https://…)' };
  }
  if (parsed.username || parsed.password)
    return { ok: false, reason: 'a webhook URL may not carry a user or password' };
  if (parsed.hash) return { ok: false, reason: 'a webhook URL may not carry a #fragment' };
  if (parsed.protocol === 'https:') return { ok: true, url: parsed.href, host: parsed.host };
  if (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname)) {
    return { ok: true, url: parsed.href, host: parsed.host };
  }
  const where = /^[a-z][a-z0-9+.-]*:$/i.test(parsed.protocol) ? `${parsed.protocol}//${parsed.host}` : 'this URL';
  return {
    ok: false,
    reason: `webhooks go only to https URLs (or http on a loopback address for tests), not ${where}`,
  };
}

/** The host to show for a stored URL ("hooks.slack.com"): never its path, which holds the secret. */
export function webhookHost(url: string): string | null {
  const checked = checkWebhookUrl(url);
  return checked.ok ? checked.host : null;
}

export function isWebhookFormat(value: unknown): value is WebhookFormat {
  return typeof value === 'string' && (WEBHOOK_FORMATS as readonly string[]).includes(value);
}

function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host === '[::1]') return true;
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && Number(m[1]) === 127 && m.slice(1).every((octet) => Number(octet) <= 255);
}
