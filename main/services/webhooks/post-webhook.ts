/**
 * One webhook post with retries: a timeout per attempt, backoff on 5xx and network failures, Retry-After on 429,
 * no retry on any other 4xx (core/webhooks/retry.ts). Redirects are refused rather than followed, so a post can
 * never be bounced to a plain-http or other host. Every error message is redacted of the URL before it leaves.
 */
import { redactSecrets, redactUrl } from '../../core/redact';
import { DEFAULT_RETRY_POLICY, nextDelayMs, type AttemptOutcome, type RetryPolicy } from '../../core/webhooks/retry';

/** The part of fetch a post needs (tests pass a recording one; the default is Node's global fetch). */
export type WebhookFetch = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal: AbortSignal; redirect: 'error' },
) => Promise<{ status: number; headers: { get(name: string): string | null } }>;

export interface PostOptions {
  fetch?: WebhookFetch;
  retry?: RetryPolicy;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export type PostResult =
  { ok: true; status: number; attempts: number } | { ok: false; attempts: number; error: string };

const USER_AGENT = 'clade-admin-webhook/1';

export async function postWebhook(url: string, body: unknown, options: PostOptions = {}): Promise<PostResult> {
  const doFetch = options.fetch ?? (globalThis.fetch as unknown as WebhookFetch);
  const policy = options.retry ?? DEFAULT_RETRY_POLICY;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? (() => Date.now());
  const payload = JSON.stringify(body);
  let last: string;
  for (let attempt = 1; ; attempt += 1) {
    let outcome: AttemptOutcome;
    try {
      const response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': USER_AGENT },
        body: payload,
        signal: AbortSignal.timeout(policy.timeoutMs),
        redirect: 'error',
      });
      outcome = { status: response.status, retryAfter: response.headers.get('retry-after') };
      if (response.status >= 200 && response.status < 300)
        return { ok: true, status: response.status, attempts: attempt };
      last = `the webhook answered HTTP ${response.status}`;
    } catch (error) {
      const message = describeFailure(error, policy.timeoutMs);
      outcome = { status: null, error: message };
      last = message;
    }
    const delay = nextDelayMs(outcome, attempt, policy, now());
    if (delay === null) return { ok: false, attempts: attempt, error: redactUrl(redactSecrets(last), url) };
    await sleep(delay);
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError'))
    return `no answer from the webhook within ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  const message = error instanceof Error ? error.message : String(error);
  return `the webhook could not be reached (${message}${cause})`;
}
