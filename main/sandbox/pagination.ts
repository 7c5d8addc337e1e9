// `Page` pagination (admin-api.md §2): limit 1–1000 (default 20), after_id / before_id, has_more, first_id, last_id.
// A cursor id is resolved to its position by sort key, so an item removed between two page requests still
// works as a cursor (the sandbox keeps tombstones for that), as a keyset-paginated API would.
import { badRequest } from './errors';
import type { Query } from './query';

/** Position of an item in list order: ascending by `rank`, ties broken by `id`. */
export interface SortKey {
  rank: number;
  id: string;
}

export interface PageBody<T> {
  data: T[];
  has_more: boolean;
  first_id: string | null;
  last_id: string | null;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export interface PageSpec<R> {
  /** the visible items after filtering, in any order */
  items: R[];
  keyOf(item: R): SortKey;
  /** resolves any id ever issued for this list (including removed items) to its sort key */
  resolveCursor(id: string): SortKey | undefined;
  serialize(item: R): unknown;
  defaultLimit?: number;
  maxLimit?: number;
}

export function paginatePage<R>(query: Query, spec: PageSpec<R>): PageBody<unknown> {
  const limit = query.int('limit', spec.defaultLimit ?? 20, 1, spec.maxLimit ?? 1000);
  const afterId = query.string('after_id');
  const beforeId = query.string('before_id');
  if (afterId !== undefined && beforeId !== undefined) {
    throw badRequest('Only one of after_id and before_id may be provided.');
  }
  const sorted = [...spec.items].sort((a, b) => compareKeys(spec.keyOf(a), spec.keyOf(b)));
  let slice: R[];
  let hasMore: boolean;
  if (beforeId !== undefined) {
    const cursor = resolve(spec, beforeId, 'before_id');
    const before = sorted.filter((item) => compareKeys(spec.keyOf(item), cursor) < 0);
    slice = before.slice(Math.max(0, before.length - limit));
    hasMore = before.length > limit;
  } else {
    let rest = sorted;
    if (afterId !== undefined) {
      const cursor = resolve(spec, afterId, 'after_id');
      rest = sorted.filter((item) => compareKeys(spec.keyOf(item), cursor) > 0);
    }
    slice = rest.slice(0, limit);
    hasMore = rest.length > limit;
  }
  const first = slice[0];
  const last = slice[slice.length - 1];
  return {
    data: slice.map((item) => spec.serialize(item)),
    has_more: hasMore,
    first_id: first === undefined ? null : spec.keyOf(first).id,
    last_id: last === undefined ? null : spec.keyOf(last).id,
  };
}

function resolve<R>(spec: PageSpec<R>, id: string, param: string): SortKey {
  const key = spec.resolveCursor(id);
  if (!key) throw badRequest(`${param}: invalid cursor '${id}'`);
  return key;
}
