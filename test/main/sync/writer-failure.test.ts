/**
 * A page write that fails (in the write worker: a constraint) ends that resource as an error, and the resources after
 * it are written as usual: the engine has the writer report the failure once and resume. A failure of the mirror's
 * files (a full disk) stops the whole sync instead, said as a StorageError: every later write would fail the same way.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../../main/core/sync/engine';
import { inlinePageWriter, type PageWriterPort } from '../../../main/core/sync/page-jobs';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { FakeAdminApi } from './fake-admin-api';
import { StorageError } from '../../../main/core/storage-error';

// Errors as better-sqlite3 raises them (SqliteError: message and code) and as they cross back from the worker.
const constraintFailure = () =>
  Object.assign(new Error('NOT NULL constraint failed: users.email'), { code: 'SQLITE_CONSTRAINT_NOTNULL' });
const diskFull = () => Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });

/**
 * The worker's contract (db/write-worker): after a failed page it refuses every write until `flush` has reported
 * the failure. This one fails the first page of `failing`.
 */
function writerFailingOnce(store: SqliteMirrorStore, failing: string, failure: Error): PageWriterPort {
  const inline = inlinePageWriter(store);
  let failed: Error | null = null;
  let done = false;
  return {
    async write(job, accept) {
      if (failed) throw failed;
      if (!done && job.kind === 'entity' && job.resource === failing) {
        done = true;
        failed = failure;
        return { rows: 0, bucketStarts: [], committed: Promise.reject(failed) };
      }
      return inline.write(job, accept);
    },
    async flush() {
      const error = failed;
      failed = null;
      if (error) throw error;
    },
    close: async () => undefined,
  };
}

describe('a failed page write', () => {
  it('ends its resource as an error and leaves the next resources to be written', async () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const store = new SqliteMirrorStore(db);
    const api = new FakeAdminApi();
    const now = Date.parse('2026-11-20T12:00:30Z');
    const summary = await runSync(
      {
        api,
        store,
        clock: { now: () => now, sleep: async () => undefined },
        writer: writerFailingOnce(store, 'users', constraintFailure()),
      },
      { requestsPerMinute: null, historyDays: 3, maxAttempts: 1 },
    );
    expect(summary.status).toBe('partial');
    expect(summary.resources.find((r) => r.resource === 'users')).toMatchObject({
      status: 'error',
      detail: 'NOT NULL constraint failed: users.email',
    });
    const after = summary.resources.filter((r) => r.resource !== 'users' && r.resource !== 'organization');
    expect(after.length).toBeGreaterThan(3);
    expect(after.filter((r) => r.status === 'error')).toEqual([]);
    // Each of them wrote its (empty, in this fake org) page and closed its pass.
    expect(after.find((r) => r.resource === 'api_keys')).toMatchObject({ status: 'ok', pages: 1 });
    expect(db.prepare(`SELECT resource FROM sync_passes`).pluck().all()).toEqual(['users']);
  });

  it('stops the sync when the disk is full, saying where and what to do', async () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const store = new SqliteMirrorStore(db);
    const now = Date.parse('2026-11-20T12:00:30Z');
    const sync = runSync(
      {
        api: new FakeAdminApi(),
        store,
        clock: { now: () => now, sleep: async () => undefined },
        writer: writerFailingOnce(store, 'users', diskFull()),
      },
      { requestsPerMinute: null, historyDays: 3, maxAttempts: 3 },
    );
    const error = await sync.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ problem: 'disk-full' });
    expect((error as Error).message).toMatch(/^the disk holding :memory: is full \(database or disk is full\)\. Free/);
    // The run is recorded as failed with that message, and no resource after users was attempted.
    expect(db.prepare(`SELECT status, detail FROM sync_runs`).get()).toEqual({
      status: 'failed',
      detail: (error as Error).message,
    });
    expect(db.prepare(`SELECT resource FROM resource_state`).pluck().all()).toEqual(['organization']);
  });
});
