// `PageCursor` pagination (admin-api.md §2): `limit` + opaque `page`, response `{data, next_page}` (no has_more).
import { badRequest } from './errors';
import type { Query } from './query';

export interface CursorPageBody {
  data: unknown[];
  next_page: string | null;
}

/** `defaultLimit: undefined` = everything in one page when `limit` is omitted (rate-limit lists). */
export function paginateCursor<T>(
  query: Query,
  items: T[],
  serialize: (t: T) => unknown,
  defaultLimit?: number,
): CursorPageBody {
  const limit =
    query.has('limit') || defaultLimit !== undefined ? query.int('limit', defaultLimit ?? 20, 1, 1000) : items.length;
  const page = query.string('page');
  let offset = 0;
  if (page !== undefined) {
    const m = /^pc_(\d+)$/.exec(Buffer.from(page, 'base64url').toString('utf8'));
    if (!m) throw badRequest('page: invalid page cursor');
    offset = Number(m[1]);
  }
  const slice = items.slice(offset, offset + Math.max(limit, 1));
  const next = offset + slice.length;
  return {
    data: slice.map(serialize),
    next_page: next < items.length ? Buffer.from(`pc_${next}`).toString('base64url') : null,
  };
}
