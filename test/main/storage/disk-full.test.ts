/**
 * A full disk, simulated with SQLite's max_page_count on the sync's connection: the sync stops at once with a
 * StorageError naming the mirror and what to do, keeps every page it committed, and the next sync (with room again)
 * resumes to exactly the mirror one uninterrupted sync gives.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StorageError } from '../../../main/core/storage-error';
import { openMirror } from '../../../main/db/open';
import { asStorageError } from '../../../main/db/storage-errors';
import { crossError, rebuildError } from '../../../main/db/write-worker/messages';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { syncProfile } from '../../../main/services/sync/sync-profile';
import { snapshotMirror } from '../sync/mirror-snapshot';
import { tempMirrorFile } from '../sync/sandbox-helpers';

let sandbox: RunningSandbox;
const files: Array<{ cleanup(): void }> = [];
const at = Date.parse('2026-11-20T12:00:00Z');
const options = {
  requestsPerMinute: null,
  historyDays: 20,
  writer: 'inline' as const, // the limit is set on this connection; the worker would open its own
  alerts: false as const,
  compliance: false,
  clock: { now: () => at, sleep: async () => undefined },
};

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 1, now: new Date(at), freezeClock: true });
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  for (const f of files) f.cleanup();
});

function mirror() {
  const temp = tempMirrorFile();
  files.push(temp);
  return temp.file;
}

describe('a full disk', () => {
  it('stops the sync with what, where and what to do, and the next sync resumes without loss', async () => {
    const reference = mirror();
    const whole = openMirror(reference);
    await syncProfile(whole, { apiKey: sandbox.adminKey, baseURL: sandbox.url }, options);
    whole.close();

    const file = mirror();
    const db = openMirror(file);
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 40}`); // room for a few pages of the sync, not all of them
    const error = await syncProfile(db, { apiKey: sandbox.adminKey, baseURL: sandbox.url }, options).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StorageError);
    expect(error).toMatchObject({ problem: 'disk-full', path: file });
    expect((error as Error).message).toContain(`the disk holding ${file} is full`);
    expect((error as Error).message).toContain('Free some space, then sync again');
    const kept = db.prepare(`SELECT count(*) FROM users`).pluck().get() as number;
    expect(kept).toBeGreaterThan(0); // what was committed before the disk filled stays

    db.pragma('max_page_count = 1073741823');
    const summary = await syncProfile(db, { apiKey: sandbox.adminKey, baseURL: sandbox.url }, options);
    expect(summary.status).toBe('ok');
    db.close();
    expect(snapshotMirror(file)).toEqual(snapshotMirror(reference));
  }, 60_000);

  it('is recognised when it crosses back from the write worker', () => {
    const db = new Database(':memory:');
    db.pragma('max_page_count = 2');
    let full: unknown;
    try {
      db.exec(`CREATE TABLE t (x BLOB); INSERT INTO t VALUES (zeroblob(100000));`);
    } catch (e) {
      full = e;
    }
    db.close();
    expect((full as { code?: string }).code).toBe('SQLITE_FULL');
    const crossed = rebuildError(crossError(full));
    expect(asStorageError(crossed, '/data/mirror.sqlite')).toMatchObject({
      problem: 'disk-full',
      path: '/data/mirror.sqlite',
    });
  });
});
