/**
 * When to try a webhook post again: up to `attempts` tries; a 429 waits what its Retry-After says (seconds or an
 * HTTP date, capped), a 5xx or a network failure or timeout waits an exponential backoff, and any other 4xx is
 * final (the URL or the body is wrong: repeating it would only be refused again).
 */
export interface RetryPolicy {
  attempts: number;
  /** The first backoff; doubled on each further try. */
  baseDelayMs: number;
  /** No single wait is longer than this (a Retry-After of an hour is not honoured inside one cycle). */
  maxDelayMs: number;
  /** Per attempt. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  attempts: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  timeoutMs: 10_000,
};

export type AttemptOutcome = { status: number; retryAfter: string | null } | { status: null; error: string };

/** The wait before the next attempt, or null when there is none (success, a final refusal, no tries left). */
export function nextDelayMs(
  outcome: AttemptOutcome,
  attempt: number,
  policy: RetryPolicy,
  nowMs: number,
): number | null {
  if (attempt >= policy.attempts) return null;
  if (outcome.status !== null) {
    if (outcome.status >= 200 && outcome.status < 300) return null;
    if (outcome.status === 429) {
      const asked = retryAfterMs(outcome.retryAfter, nowMs);
      return Math.min(asked ?? backoff(attempt, policy), policy.maxDelayMs);
    }
    if (outcome.status < 500) return null;
  }
  return Math.min(backoff(attempt, policy), policy.maxDelayMs);
}

function backoff(attempt: number, policy: RetryPolicy): number {
  return policy.baseDelayMs * 2 ** (attempt - 1);
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110 §10.2.3); null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}
