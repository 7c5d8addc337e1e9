/**
 * One pass over one list resource (and scope): resume from the stored cursor, write each page with its cursor in
 * one transaction, and let the last page close the pass (which decides removals).
 */
import type { AdminApiPort, ListRoutes } from '../ports';
import { CursorProgress } from './cursor-progress';
import type { EntityResource } from './entities';
import type { RequestBudget } from './pace';
import type { PageWriterPort } from './page-jobs';
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
  /** Converts and writes each page (in this thread, or in the sync's write worker): one at a time, in order. */
  writer: PageWriterPort;
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
  const pass = deps.store.openPass(resource, scope, ctx.runId, null);
  const progress = new CursorProgress(resource, pass.cursor);
  await deps.budget.acquire();
  for await (const page of deps.api.list(resource, params, pass.cursor)) {
    progress.nextCursor(page.nextCursor, page.requestId);
    const queued = await deps.writer.write({
      kind: 'entity',
      resource,
      pass,
      items: page.items,
      requestId: page.requestId,
      nextCursor: page.nextCursor,
      ctx,
    });
    // Entity pages are small and their journal events are counted: wait for each to commit.
    const written = await queued.committed;
    pass.cursor = page.nextCursor;
    tally.pages += 1;
    tally.rows += written.rows;
    tally.events += written.events;
    deps.onProgress({ resource, page: tally.pages, rows: tally.rows });
    if (page.nextCursor == null) return;
    await deps.budget.acquire();
  }
}
