/**
 * The sync's write worker (its own electron-vite entry, out/main/sync-writer.js): writes each page of rows the sync
 * sends with its cursor, in one transaction, on a connection of its own. Pages come one at a time, in order; each
 * answer says what was written, or the error that stopped it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { applyPageWrite, applyReportWrite } from '../../core/sync/page-jobs';
import { packedBatch, unpackRows } from '../../core/sync/row-columns';
import { SqliteMirrorStore } from '../mirror-store';
import { openWriteConnection } from '../open';
import { crossError, type FromWorker, type ToWorker, type WriterWorkerData } from './messages';

const port = parentPort;
if (!port) throw new Error('the sync write worker runs only as a worker thread');
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
      const { write } = message;
      // Report rows are bound straight from their columns; entity pages are small and diffed as row objects.
      const written =
        write.kind === 'report'
          ? applyReportWrite(store, write, packedBatch(write.rows))
          : applyPageWrite(store, { ...write, rows: unpackRows(write.rows) });
      answer = { id: message.id, written };
    } catch (error) {
      failedPage = message.id;
      answer = { id: message.id, error: crossError(error) };
    }
  }
  port.postMessage(answer);
});
port.postMessage({ ready: true } satisfies FromWorker);
