/**
 * An action's failure in words an admin can act on: the API's own reason where it gave one (role rules, archived
 * keys, last member), what to do next (sync, wait, replace the key), and a stable code for scripts and the window.
 * Redacted: an API message is foreign text and must not carry a key into the trail or a terminal.
 */
import { isAdminApiError } from '../../core/api-error';
import { redactSecrets } from '../../core/redact';
import type { ActionFailure } from '../../core/actions';

export function describeActionError(error: unknown): ActionFailure {
  if (!isAdminApiError(error)) {
    const message = error instanceof Error ? error.message : String(error);
    return { code: 'failed', message: redactSecrets(message) };
  }
  const reason = redactSecrets(error.message);
  const code = error.errorCode ? ` [${error.errorCode}]` : '';
  switch (error.kind) {
    case 'forbidden':
      // The API could not confirm the request came from the org (admin-api.md §8): a key update did not happen, a
      // member's removal may have signed them out without removing them. Not a permission problem: safe to retry.
      if (error.errorCode === 'api_key_requester_unconfirmed') {
        return {
          code: 'requester_unconfirmed',
          message:
            `The Admin API could not confirm this request came from your organization (403)${code}, so it may not have ` +
            `taken effect (a removal may only have signed the member out). Safe to retry: it is safe to send the same action again.`,
        };
      }
      return {
        code: 'forbidden',
        message: `The Admin API refused this action (403): ${reason}${code}. The admin key may not be allowed to do it; use the Console.`,
      };
    case 'bad_request':
      return { code: error.errorCode ?? 'refused', message: `The Admin API refused this action: ${reason}${code}` };
    case 'not_found':
      return {
        code: 'not_found',
        message: `Not found (404): ${reason}. It may have changed since the last sync; sync and try again.`,
      };
    case 'rate_limited': {
      const wait =
        error.retryAfterMs != null ? ` in ${Math.max(1, Math.ceil(error.retryAfterMs / 1000))} s` : ' in a minute';
      return {
        code: 'rate_limited',
        message: `The Admin API is rate limiting requests (429); nothing was changed. Try again${wait}.`,
      };
    }
    case 'unauthorized':
      return {
        code: 'unauthorized',
        message:
          'The admin key was refused (401); nothing was changed. Replace it in Settings or with `clade-admin key set`.',
      };
    case 'network':
      return {
        code: 'network',
        message: `Could not reach the Admin API: ${reason}. Nothing is known to have changed; sync to check.`,
      };
    case 'server':
      return {
        code: 'server',
        message: `The Admin API failed (${error.status ?? '5xx'}): ${reason}. Sync to check whether the change was applied.`,
      };
    case 'malformed':
    case 'cursor_stuck':
      return {
        code: 'malformed',
        message: `The Admin API gave an unexpected answer: ${reason}. Sync to see the current state.`,
      };
  }
}
