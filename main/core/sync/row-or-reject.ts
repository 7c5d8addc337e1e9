/** A row that cannot be normalised (bad time, over-precise money) rejects the whole page, like a schema failure. */
import { AdminApiError, isAdminApiError } from '../api-error';
import type { Row } from './entities';

export function toRowOrReject(resource: string, make: () => Row, requestId: string | null): Row {
  try {
    return make();
  } catch (e) {
    if (isAdminApiError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new AdminApiError('malformed', `${resource}: ${message}`, resource, null, requestId);
  }
}
