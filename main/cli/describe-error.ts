import { redactSecrets } from '../core/redact';

/**
 * One clear line for an error that reached the top of a command. SDK errors are recognised by their shape (status,
 * request id) rather than by class, so this file does not load the SDK at start-up.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return redactSecrets(String(error));
  const apiError = error as Error & { status?: number; requestID?: string | null };
  const requestId = apiError.requestID ? ` (request ${apiError.requestID})` : '';
  if (apiError.status === 401) {
    return `the Admin API rejected the key (401)${requestId}: it is invalid, revoked or not an Admin key. Run \`clade-admin key set\` with a valid sk-ant-admin… key.`;
  }
  if (apiError.status === 403) {
    return `the Admin API refused the request (403)${requestId}: the key lacks permission for it.`;
  }
  if (error.name === 'APIConnectionError' || error.name === 'APIConnectionTimeoutError') {
    return `cannot reach the Admin API: ${redactSecrets(error.message)}. Check the network (or HTTPS_PROXY) and try again.`;
  }
  if (typeof apiError.status === 'number') {
    return `the Admin API answered ${apiError.status}${requestId}: ${redactSecrets(error.message)}`;
  }
  return redactSecrets(error.message);
}
