import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BucketPageJob, PageWriterPort } from '../../../../main/core/sync/page-jobs';
import { SqliteMirrorStore } from '../../../../main/db/mirror-store';
import { stagedElectronBindingPath } from '../../../../main/db/native-binding';
import { openMirror, openWriteConnection } from '../../../../main/db/open';
import type { ToWorker } from '../../../../main/db/write-worker/messages';
import {
  findWorkerEntry,
  startWorkerPageWriter,
  type WorkerLike,
} from '../../../../main/db/write-worker/worker-writer';
import { tempMirrorFile } from '../../sync/sandbox-helpers';

const DAY_MS = 86_400_000;
const DAY1 = Date.UTC(2026, 10, 1);
const temps: Array<{ cleanup(): void }> = [];
afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

/** A daily usage bucket as the API documents it (admin-api.md §4), one result per model. */
function bucket(dayMs: number, models: string[], tokens: number | null = 10) {
  return {
    starting_at: new Date(dayMs).toISOString(),
    ending_at: new Date(dayMs + DAY_MS).toISOString(),
    results: models.map((model) => ({
      uncached_input_tokens: tokens,
      cache_creation: { ephemeral_1h_input_tokens: 0, ephemeral_5m_input_tokens: 0 },
      cache_read_input_tokens: 0,
      output_tokens: 5,
      server_tool_use: null,
      workspace_id: null,
      api_key_id: 'apikey_1',
      model,
    })),
  };
}

function migratedMirror() {
  const temp = tempMirrorFile();
  temps.push(temp);
  openMirror(temp.file).close();
  return temp.file;
}

describe('the sync write worker', () => {
  it('is given the Electron build of better-sqlite3 inside Electron (Electron double)', async () => {
    const root = '/opt/clade-admin';
    const staged = stagedElectronBindingPath(root, '41.7.1');
    const started: Array<{ script: string; workerData: unknown }> = [];
    const double = (script: string, options: { workerData?: unknown }): WorkerLike => {
      started.push({ script, workerData: options.workerData });
      const listeners: Record<string, Array<(v: never) => void>> = {};
      queueMicrotask(() => listeners['message']?.forEach((l) => l({ ready: true } as never)));
      return {
        postMessage: (_m: ToWorker) => undefined,
        on: (event: string, listener: (v: never) => void) => ((listeners[event] ??= []).push(listener), undefined),
        terminate: async () => 0,
      } as WorkerLike;
    };
    await startWorkerPageWriter('/data/mirror.sqlite', {
      entry: { script: join(root, 'out/main/sync-writer.js'), eval: false },
      createWorker: double,
      nativeBindingContext: { electronVersion: '41.7.1', root, exists: (f) => f === staged },
    });
    expect(started).toEqual([
      {
        script: join(root, 'out/main/sync-writer.js'),
        workerData: { file: '/data/mirror.sqlite', nativeBinding: staged },
      },
    ]);
  });

  it('opens its connection with the binding it was given (a wrong one fails, not the Node default)', () => {
    const file = migratedMirror();
    expect(() => openWriteConnection(file, '/nowhere/better_sqlite3.node')).toThrow();
    openWriteConnection(file, undefined).close();
  });

  it('finds the built entry beside the bundle, one folder up from chunks/, and nothing else unless from source', () => {
    const out = join(__dirname, '../../../../out/main');
    expect(findWorkerEntry({ here: join(out, 'chunks') })?.script).toBe(join(out, 'sync-writer.js'));
    expect(findWorkerEntry({ here: '/nowhere' })).toBeNull();
  });

  describe('a real worker (from source)', () => {
    let writer: PageWriterPort | null = null;
    afterEach(async () => {
      await writer?.close();
      writer = null;
    });

    it('writes pages in order with their cursors; after a failed page it writes none behind it until told', async () => {
      const file = migratedMirror();
      const db = openMirror(file);
      const store = new SqliteMirrorStore(db);
      const pass = store.openPass('usage_daily', '', 1, '{}');
      writer = await startWorkerPageWriter(file, { entry: findWorkerEntry({ fromSource: true }) });
      const job = (dayMs: number, cursor: string, tokens: number | null = 10): BucketPageJob => ({
        kind: 'buckets',
        resource: 'usage_daily',
        pass,
        buckets: [bucket(dayMs, ['claude-opus-4-5', 'claude-haiku-4-5'], tokens)],
        requestId: null,
        nextCursor: cursor,
        coverage: null,
        atMs: DAY1,
      });
      const cursor = () =>
        (db.prepare(`SELECT cursor FROM sync_passes WHERE resource = 'usage_daily'`).get() as { cursor: string })
          .cursor;
      const days = () =>
        db.prepare(`SELECT DISTINCT bucket_start_ms AS d FROM usage_daily ORDER BY 1`).pluck().all() as number[];

      const first = await writer.write(job(DAY1, 'c1'));
      expect(first).toMatchObject({ rows: 2, bucketStarts: [DAY1] });
      // A NOT NULL token count passes conversion but not SQLite: the page fails in the worker.
      await writer.write(job(DAY1 + DAY_MS, 'c2', null));
      await writer.write(job(DAY1 + 2 * DAY_MS, 'c3'));
      await expect(writer.flush()).rejects.toThrow(/NOT NULL/);
      expect(cursor()).toBe('c1');
      expect(days()).toEqual([DAY1]); // the third page was not written past the failed second

      await writer.write(job(DAY1 + DAY_MS, 'c2'));
      await writer.flush();
      expect(cursor()).toBe('c2');
      expect(days()).toEqual([DAY1, DAY1 + DAY_MS]);
      db.close();
    }, 30_000);

    it('refuses a page the engine rejects before anything of it reaches the worker', async () => {
      const file = migratedMirror();
      const db = openMirror(file);
      const pass = new SqliteMirrorStore(db).openPass('usage_daily', '', 1, '{}');
      writer = await startWorkerPageWriter(file, { entry: findWorkerEntry({ fromSource: true }) });
      const page: BucketPageJob = {
        kind: 'buckets',
        resource: 'usage_daily',
        pass,
        buckets: [bucket(DAY1, ['m'])],
        requestId: 'req_1',
        nextCursor: 'c1',
        coverage: null,
        atMs: DAY1,
      };
      await expect(
        writer.write(page, () => {
          throw new Error('a report page did not move forward');
        }),
      ).rejects.toThrow(/did not move forward/);
      await writer.flush();
      expect(db.prepare('SELECT count(*) FROM usage_daily').pluck().get()).toBe(0);
      db.close();
    }, 30_000);
  });
});
