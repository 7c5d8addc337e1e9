// The documented error body: {type:"error", error:{type, message, details?}, request_id} (admin-api.md §1.3).

export type ApiErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'billing_error'
  | 'permission_error'
  | 'not_found_error'
  | 'conflict_error'
  | 'request_too_large'
  | 'rate_limit_error'
  | 'api_error'
  | 'timeout_error'
  | 'overloaded_error';

export class ApiError extends Error {
  /** extra response headers (e.g. retry-after on 429) */
  headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    message: string,
    readonly errorCode?: string,
  ) {
    super(message);
  }
}

export function errorBody(err: ApiError, requestId: string): unknown {
  const error: Record<string, unknown> = { type: err.type, message: err.message };
  if (err.errorCode) error.details = { error_code: err.errorCode };
  return { type: 'error', error, request_id: requestId };
}

export const badRequest = (message: string, code?: string): ApiError =>
  new ApiError(400, 'invalid_request_error', message, code);
export const notFound = (message: string): ApiError => new ApiError(404, 'not_found_error', message);
export const forbidden = (message: string, code?: string): ApiError =>
  new ApiError(403, 'permission_error', message, code);
export const unauthorized = (message: string): ApiError => new ApiError(401, 'authentication_error', message);
export const conflict = (message: string, code?: string): ApiError =>
  new ApiError(409, 'conflict_error', message, code);

/** Status → error type, for injected faults. */
export function errorTypeForStatus(status: number): ApiErrorType {
  switch (status) {
    case 400:
      return 'invalid_request_error';
    case 401:
      return 'authentication_error';
    case 402:
      return 'billing_error';
    case 403:
      return 'permission_error';
    case 404:
      return 'not_found_error';
    case 409:
      return 'conflict_error';
    case 413:
      return 'request_too_large';
    case 429:
      return 'rate_limit_error';
    case 504:
      return 'timeout_error';
    case 529:
      return 'overloaded_error';
    default:
      return status >= 500 ? 'api_error' : 'invalid_request_error';
  }
}
