/**
 * An item that cannot be normalised (bad time, over-precise money) rejects the whole page as `malformed`, like a
 * schema failure: the page is not written and the engine's retry rules apply.
 */
import { AdminApiError, isAdminApiError } from '../api-error';

export function rejectMalformed<T>(resource: string, requestId: string | null, make: () => T): T {
  try {
    return make();
  } catch (e) {
    if (isAdminApiError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new AdminApiError('malformed', `${resource}: ${message}`, resource, null, requestId);
  }
}
