/**
 * The one error type the core sees from the Admin API port. Adapters translate their library's errors into it,
 * so that sync failure rules are decided on `kind`, never on a library class.
 */
export type ApiErrorKind =
  | 'unauthorized' // 401
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'bad_request' // other 4xx
  | 'rate_limited' // 429 after the client's own retries
  | 'server' // 5xx after retries
  | 'network' // connection refused/reset, timeout
  | 'malformed' // a body that failed schema validation or could not be parsed
  | 'cursor_stuck'; // paging that does not advance: a cursor handed back twice, or report buckets going backwards

export class AdminApiError extends Error {
  override readonly name = 'AdminApiError';
  constructor(
    readonly kind: ApiErrorKind,
    message: string,
    readonly endpoint: string,
    readonly status: number | null = null,
    readonly requestId: string | null = null,
    /** The API's `error.details.error_code`, when it gave one. */
    readonly errorCode: string | null = null,
    /** How long the server asked us to wait (`retry-after-ms` / `retry-after`), when it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

export function isAdminApiError(e: unknown): e is AdminApiError {
  return e instanceof AdminApiError;
}
