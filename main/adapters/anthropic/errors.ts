/** Translates the SDK's errors into the core's AdminApiError, keeping status, endpoint and request id. */
import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { AdminApiError, type ApiErrorKind } from '../../core/api-error';

export function toAdminApiError(e: unknown, endpoint: string): AdminApiError {
  if (e instanceof AdminApiError) return e;
  if (e instanceof APIConnectionError) return new AdminApiError('network', e.message, endpoint, null, null);
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
