/**
 * The sync's page writer in a worker thread: each page is converted to rows here, packed as columns and moved to the
 * worker, and awaited, so pages are written one at a time and in order, each with its cursor in one transaction on
 * the worker's own connection (a kill leaves the page and its cursor, or neither). Meanwhile this thread reads and
 * validates the next page: the SQLite work of a large sync no longer waits behind the network, nor the network
 * behind it.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import {
  convertPageJob,
  rowCount,
  type PageJob,
  type PageQueued,
  type PageWriterPort,
} from '../../core/sync/page-jobs';
import { transferListOf } from '../../core/sync/row-columns';
import type { PageWriteResult } from '../../core/sync/store-port';
import { betterSqliteNativeBinding, type NativeBindingContext } from '../native-binding';
import { rebuildError, type FromWorker, type ToWorker, type WriterWorkerData } from './messages';

/** How the worker is started: a built entry file, or (from source: tests, tsx) a bootstrap that compiles it. */
export interface WorkerEntry {
  script: string;
  eval: boolean;
}

/** What this module needs of a worker (node:worker_threads' Worker; a double in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: FromWorker) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  terminate(): Promise<number>;
}

export type WorkerFactory = (script: string, options: WorkerOptions) => WorkerLike;

export interface WorkerWriterOptions {
  entry?: WorkerEntry | null;
  createWorker?: WorkerFactory;
  /** Default: the build this process loads (db/native-binding.ts), so inside Electron the Electron-ABI one. */
  nativeBinding?: string | undefined;
  /** What that default is decided from (tests: an Electron double's version and files). */
  nativeBindingContext?: NativeBindingContext;
  /** How long the worker may take to open the mirror before it is given up (default 15 s). */
  readyTimeoutMs?: number;
}

const BUILT_NAMES = ['sync-writer.js', 'sync-writer.cjs'];
const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 };
/** Pages handed to the worker and not yet committed (see `inFlight`). */
const IN_FLIGHT = 2;
const SOURCE_NAME = 'worker-main.ts';

/**
 * The built entry beside the running bundle (out/main/sync-writer.js; shared code may sit one folder down in
 * chunks/), or null. `fromSource` also accepts this folder's TypeScript entry, compiled by tsx in the worker.
 */
export function findWorkerEntry(opts: { fromSource?: boolean; here?: string } = {}): WorkerEntry | null {
  const here = opts.here ?? __dirname;
  for (const dir of [here, dirname(here)]) {
    for (const name of BUILT_NAMES) {
      const file = join(dir, name);
      if (existsSync(file)) return { script: file, eval: false };
    }
  }
  const source = join(here, SOURCE_NAME);
  if (!opts.fromSource || !existsSync(source)) return null;
  const tsx = createRequire(join(here, 'x.js')).resolve('tsx/cjs');
  return { script: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)});`, eval: true };
}

const nodeWorker: WorkerFactory = (script, options) => new Worker(script, options);

/**
 * Starts the worker on `file` and resolves once it has opened the mirror; rejects when it cannot (no entry, a
 * native build that does not load, a timeout), and the caller then writes in its own thread.
 */
export async function startWorkerPageWriter(file: string, opts: WorkerWriterOptions = {}): Promise<PageWriterPort> {
  const entry = opts.entry === undefined ? findWorkerEntry() : opts.entry;
  if (!entry) throw new Error('the sync write worker was not built (out/main/sync-writer.js is missing)');
  const workerData: WriterWorkerData = {
    file,
    nativeBinding: 'nativeBinding' in opts ? opts.nativeBinding : betterSqliteNativeBinding(opts.nativeBindingContext),
  };
  const worker = (opts.createWorker ?? nodeWorker)(entry.script, {
    eval: entry.eval,
    workerData,
    // The worker binds rows from moved buffers and allocates little: a small heap keeps the sync's memory in bounds.
    resourceLimits: WORKER_HEAP,
  });
  const pending = new Map<number, { resolve: (w: PageWriteResult) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let stopped: Error | null = null;
  let ready: { resolve: () => void; reject: (e: Error) => void } | null = null;

  const stop = (error: Error): void => {
    stopped ??= error;
    ready?.reject(error);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.on('message', (message) => {
    if ('ready' in message) return ready?.resolve();
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if ('error' in message) waiting.reject(rebuildError(message.error));
    else waiting.resolve(message.written);
  });
  worker.on('error', (error) => stop(new Error(`the sync write worker failed: ${error.message}`)));
  worker.on('exit', (code) => stop(new Error(`the sync write worker stopped (exit code ${code})`)));

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the sync write worker did not open the mirror in time')),
      opts.readyTimeoutMs ?? 15_000,
    );
    ready = {
      resolve: () => (clearTimeout(timer), resolve()),
      reject: (e) => (clearTimeout(timer), reject(e)),
    };
  }).catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  ready = null;

  // Pages posted and not yet committed, oldest first. At most IN_FLIGHT: the worker always has the next page to
  // write while this thread fetches, and memory stays bounded by a few pages whatever the worker's pace.
  const inFlight: Array<Promise<PageWriteResult>> = [];
  let failed: Error | null = null;
  const settleOldest = async (): Promise<void> => {
    const oldest = inFlight.shift();
    if (oldest) await oldest.catch(() => undefined);
  };

  const writer: PageWriterPort = {
    async write(job: PageJob, accept?: (bucketStarts: number[]) => void): Promise<PageQueued> {
      while (inFlight.length >= IN_FLIGHT) await settleOldest();
      if (failed) throw failed;
      if (stopped) throw stopped;
      // Converted here (a malformed item or a refused page stops before anything is sent), packed, and moved: the
      // worker only writes.
      const { write, bucketStarts } = convertPageJob(job);
      accept?.(bucketStarts);
      const id = nextId++;
      const committed = new Promise<PageWriteResult>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, write }, write.kind === 'report' ? transferListOf(write.rows) : []);
      });
      committed.catch((error: Error) => (failed ??= error)); // the first failure is what flush and write report
      inFlight.push(committed);
      return { rows: rowCount(write), bucketStarts, committed };
    },
    async flush(): Promise<void> {
      while (inFlight.length > 0) await settleOldest();
      if (failed) {
        const error = failed;
        // Reported once: the engine retries from the committed cursor with the same writer. The worker skipped every
        // page after the failed one (a later page's cursor would pass over the lost rows); now it may write again.
        failed = null;
        worker.postMessage({ resume: true });
        throw error;
      }
    },
    async close(): Promise<void> {
      await writer.flush().catch(() => undefined);
      if (stopped) return;
      const exited = new Promise<void>((resolve) => worker.on('exit', () => resolve()));
      worker.postMessage({ close: true });
      await exited;
    },
  };
  return writer;
}
