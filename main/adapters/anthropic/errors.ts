/** Translates the SDK's errors into the core's AdminApiError, keeping status, endpoint and request id. */
import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { AdminApiError, type ApiErrorKind } from '../../core/api-error';

export function toAdminApiError(e: unknown, endpoint: string): AdminApiError {
  if (e instanceof AdminApiError) return e;
  if (e instanceof APIConnectionError) return new AdminApiError('network', connectionMessage(e), endpoint, null, null);
  if (e instanceof APIError) {
    const status = typeof e.status === 'number' ? e.status : null;
    return new AdminApiError(
      kindOfStatus(status),
      apiMessage(e),
      endpoint,
      status,
      e.requestID ?? null,
      e.errorCode ?? null,
      retryAfterMs(e.headers, Date.now()),
    );
  }
  // A body that is not JSON (truncated, or an HTML page from a proxy) surfaces as a SyntaxError from the SDK.
  if (e instanceof SyntaxError) return new AdminApiError('malformed', `unparsable response: ${e.message}`, endpoint);
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof TypeError || /ECONNRESET|ECONNREFUSED|socket|terminated|fetch failed/i.test(message)) {
    return new AdminApiError('network', message, endpoint);
  }
  return new AdminApiError('malformed', message, endpoint);
}

/** `retry-after-ms` first, else `retry-after` in seconds or as an HTTP date (admin-api.md §1.4). */
export function retryAfterMs(headers: Headers | undefined, nowMs: number): number | null {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

function kindOfStatus(status: number | null): ApiErrorKind {
  if (status == null) return 'network';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'bad_request';
}

function apiMessage(e: APIError): string {
  const body = e.error as { error?: { message?: unknown } } | undefined;
  const inner = body?.error?.message;
  return typeof inner === 'string' ? inner : e.message;
}

const SOCKET_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'name lookup failed',
  ETIMEDOUT: 'timed out',
  ECONNRESET: 'connection reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/**
 * The SDK says "Connection to <host> failed: <cause>". Its cause is the system's code when there is one
 * (ECONNREFUSED), said here in words too; when it is just "Error", the reason is further down the cause chain
 * (undici's "bad port", a certificate error) and is named instead.
 */
function connectionMessage(e: APIConnectionError): string {
  let code: string | null = null;
  let deepest: string | null = null;
  for (let cause: unknown = e.cause, depth = 0; cause && depth < 5; depth++) {
    const { code: found, message, cause: next } = cause as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof found === 'string') code ??= found;
    if (typeof message === 'string' && message) deepest = message;
    cause = next;
  }
  if (code && e.message.includes(code))
    return SOCKET_CAUSES[code] ? `${e.message} (${SOCKET_CAUSES[code]})` : e.message;
  if (/: Error$/.test(e.message) && deepest) return e.message.replace(/: Error$/, `: ${code ?? deepest}`);
  return e.message;
}
