/**
 * The sync's write worker (its own electron-vite entry, out/main/sync-writer.js): writes each page of rows the sync
 * sends with its cursor, in one transaction, on a connection of its own. Pages come one at a time, in order; each
 * answer says what was written, or the error that stopped it.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { applyPageWrite } from '../../core/sync/page-jobs';
import { SqliteMirrorStore } from '../mirror-store';
import { openWriteConnection } from '../open';
import { crossError, type FromWorker, type ToWorker, type WriterWorkerData } from './messages';

/** Nice value of the writer thread on Linux (0 is normal, 19 the lowest priority). */
const WRITER_NICE = 10;
const port = parentPort;
if (!port) throw new Error('the sync write worker runs only as a worker thread');
lowerThisThreadsPriority();
const { file, nativeBinding } = workerData as WriterWorkerData;
const db = openWriteConnection(file, nativeBinding);
const store = new SqliteMirrorStore(db);

// After a failed page, the pages already sent behind it are not written: their cursors would pass over its rows.
// The sync says `resume` once it has seen the failure (and will resume from the last committed cursor).
let failedPage: number | null = null;

port.on('message', (message: ToWorker) => {
  if ('close' in message) {
    db.close();
    port.close();
    return;
  }
  if ('resume' in message) {
    failedPage = null;
    return;
  }
  let answer: FromWorker;
  if (failedPage !== null) {
    const skipped = new Error(`not written: page ${failedPage} before it failed`);
    answer = { id: message.id, error: crossError(skipped) };
  } else {
    try {
      const written = applyPageWrite(store, message.write);
      answer = { id: message.id, written };
    } catch (error) {
      failedPage = message.id;
      answer = { id: message.id, error: crossError(error) };
    }
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies FromWorker);

/**
 * The writer keeps up with time to spare; what sets the sync's pace is the chain of requests (a page's cursor is
 * needed to ask for the next), which the sync's own thread and the API serve. So the writer yields the cores to
 * them: on Linux a thread has its own nice value, and setpriority(0) changes only the calling thread. Elsewhere it
 * would change the whole process (the app), so it is left alone.
 */
function lowerThisThreadsPriority(): void {
  if (process.platform !== 'linux') return;
  try {
    setPriority(0, WRITER_NICE);
  } catch {
    // Not allowed here (a container's policy): the writer runs at the usual priority, only the pace changes.
  }
}
