import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { csvCell } from '../../../../main/core/audit/export-format';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { streamAuditExport } from '../../../../main/db/audit/export';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

/**
 * What keeps a large export's memory down (see the bench's audit-export row): a small SQLite page cache while it
 * reads, put back afterwards, and number cells formatted without V8's number-to-string cache but as String does.
 */
let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
  appendAuditEvents(
    env.db,
    Array.from({ length: 2000 }, (_, i) => localDraft(i + 1)),
    { now: fixedNow },
  );
});
afterEach(() => env.cleanup());

function sink(): Writable {
  return new Writable({
    write(_chunk, _enc, done) {
      setImmediate(done);
    },
  });
}

describe('export page cache', () => {
  it('is small while the export reads and the connection gets its own setting back', async () => {
    env.db.pragma('cache_size = -12345');
    // The iterating statement keeps the connection busy, so the setting is seen through the pragma calls.
    const set = vi.spyOn(env.db, 'pragma');
    const { count } = await streamAuditExport(env.db, { query: '', format: 'csv' }, sink());
    expect(count).toBe(2000);
    expect(set.mock.calls.map(([source]) => source).filter((source) => source.includes('='))).toEqual([
      'cache_size = -1024',
      'cache_size = -12345',
    ]);
    set.mockRestore();
    expect(env.db.pragma('cache_size', { simple: true })).toBe(-12345);
  });

  it('gets its setting back when the export fails, and the connection is usable again', async () => {
    env.db.pragma('cache_size = 500');
    const out = new Writable({
      highWaterMark: 1024,
      write(_chunk, _enc, done) {
        setImmediate(() => done(new Error('disk full')));
      },
    });
    out.on('error', () => {});
    await expect(streamAuditExport(env.db, { query: '', format: 'jsonl' }, out)).rejects.toThrow('disk full');
    expect(env.db.pragma('cache_size', { simple: true })).toBe(500);
    expect(env.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(2000);
  });
});

describe('number cells', () => {
  it.each([
    0,
    -0,
    7,
    -42,
    1_700_000_000_000,
    2 ** 53 + 2,
    0.1,
    -1.5e-300,
    1e21,
    123456789012345680000,
    NaN,
    Infinity,
    -Infinity,
  ])('%d reads as String(n)', (n) => {
    expect(csvCell(n)).toBe(String(n));
  });
});
