/**
 * Which page writer a sync uses. A mirror file gets the write worker (db/write-worker) wherever its built entry is
 * found, as in the app, the CLI and the bench; in-memory mirrors and source runs (vitest) write in this thread,
 * unless a test asks for the worker. A worker that cannot start leaves the sync to write in this thread: slower,
 * never wrong.
 */
import { inlinePageWriter, type PageWriterPort } from '../../core/sync/page-jobs';
import type { MirrorStorePort } from '../../core/sync/store-port';
import type { MirrorDb } from '../../db/open';
import { findWorkerEntry, startWorkerPageWriter } from '../../db/write-worker/worker-writer';

/** 'worker' insists (and starts from the TypeScript source when nothing is built); 'auto' is the default. */
export type WriterMode = 'auto' | 'worker' | 'inline';

export async function openPageWriter(
  db: MirrorDb,
  store: MirrorStorePort,
  mode: WriterMode,
  onFallback: (why: string) => void = () => undefined,
): Promise<PageWriterPort> {
  if (mode === 'inline' || db.memory || !db.name) return inlinePageWriter(store);
  const entry = findWorkerEntry({ fromSource: mode === 'worker' });
  if (!entry) return inlinePageWriter(store);
  try {
    return await startWorkerPageWriter(db.name, { entry });
  } catch (error) {
    if (mode === 'worker') throw error;
    onFallback(error instanceof Error ? error.message : String(error));
    return inlinePageWriter(store);
  }
}
