/**
 * One pass over one list resource (and scope): resume from the stored cursor, write each page with its cursor in
 * one transaction, and let the last page close the pass (which decides removals).
 */
import { AdminApiError, isAdminApiError } from '../api-error';
import type { AdminApiPort, ListRoutes } from '../ports';
import { CursorProgress } from './cursor-progress';
import { ENTITY_SPECS, type EntityResource, type Row } from './entities';
import type { RequestBudget } from './pace';
import type { IncompleteDay } from './summary';
import type { MirrorStorePort, WriteContext } from './store-port';
import type { SyncProgress } from './summary';

export interface PassTally {
  pages: number;
  rows: number;
  events: number;
  /** Report days the API would not return whole, left out and said (report-sync.ts). */
  incompleteDays?: IncompleteDay[];
}

export interface PassDeps {
  api: AdminApiPort;
  store: MirrorStorePort;
  budget: RequestBudget;
  onProgress: (p: SyncProgress) => void;
}

export async function runEntityPass<R extends EntityResource>(
  deps: PassDeps,
  resource: R,
  scope: string,
  params: ListRoutes[R]['params'],
  ctx: WriteContext,
  tally: PassTally,
): Promise<void> {
  const spec = ENTITY_SPECS[resource];
  const pass = deps.store.openPass(resource, scope, ctx.runId, null);
  const progress = new CursorProgress(resource, pass.cursor);
  await deps.budget.acquire();
  for await (const page of deps.api.list(resource, params, pass.cursor)) {
    progress.nextCursor(page.nextCursor, page.requestId);
    const rows = page.items.map((item) => toRowOrReject(resource, () => spec.toRow(item), page.requestId));
    const written = deps.store.applyEntityPage(spec, pass, rows, page.nextCursor, ctx);
    pass.cursor = page.nextCursor;
    tally.pages += 1;
    tally.rows += written.rows;
    tally.events += written.events;
    deps.onProgress({ resource, page: tally.pages, rows: tally.rows });
    if (page.nextCursor == null) return;
    await deps.budget.acquire();
  }
}

/** A row that cannot be normalised (bad time, over-precise money) rejects the whole page, like a schema failure. */
export function toRowOrReject(resource: string, make: () => Row, requestId: string | null): Row {
  try {
    return make();
  } catch (e) {
    if (isAdminApiError(e)) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new AdminApiError('malformed', `${resource}: ${message}`, resource, null, requestId);
  }
}
