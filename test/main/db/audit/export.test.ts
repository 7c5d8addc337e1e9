import { readFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent, AuditEventDraft } from '../../../../main/core/audit/event';
import { AUDIT_CSV_COLUMNS } from '../../../../main/core/audit/export-format';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { streamAuditExport } from '../../../../main/db/audit/export';
import { exportAuditToFile } from '../../../../main/services/export-audit';
import { AuditQueryError, searchAuditEvents } from '../../../../main/db/audit/search';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { parseCsv } from './csv-parse';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

/** Awkward but realistic content: commas, quotes, newlines, unicode, JSON with nested values. */
function awkwardDrafts(): AuditEventDraft[] {
  return [
    localDraft(1, {
      source: 'compliance',
      type: 'platform_api_key_updated',
      externalId: 'activity_1',
      actor: { kind: 'user', id: 'user_1', email: 'ada@example.com', name: 'Ada, "the" Countess' },
      keyId: 'apikey_1',
      workspaceId: 'wrkspc_1',
      summary: 'line one,\nline "two"',
      raw: { id: 'activity_1', updates: [{ field: 'name' }], nested: { a: [1, 2.5, null, true] } },
    }),
    localDraft(2, {
      source: 'journal',
      type: 'user.changed',
      externalId: 'j2',
      actor: null,
      summary: ' leading space and ümlaut — ✓ ',
      before: { role: 'developer' },
      after: { role: 'admin' },
    }),
    localDraft(3, { type: 'settings.changed', summary: 'plain', targets: [] }),
    localDraft(4, {
      source: 'journal',
      type: 'api_key.created',
      externalId: 'j4',
      actor: { kind: 'user', id: 'user_1' },
      summary: 'key\r\nwith CRLF',
      keyId: 'apikey_1',
    }),
  ];
}

/** Rebuilds an event from a CSV record, as an auditor's script would. */
function csvRecordToEvent(cells: string[]): AuditEvent {
  const c = Object.fromEntries(AUDIT_CSV_COLUMNS.map((name, i) => [name, cells[i] ?? ''])) as Record<
    (typeof AUDIT_CSV_COLUMNS)[number],
    string
  >;
  const orNull = (v: string): string | null => (v === '' ? null : v);
  const json = (v: string): never => (v === '' ? null : JSON.parse(v)) as never;
  const actor =
    c.actor_kind === ''
      ? null
      : {
          kind: c.actor_kind,
          ...(c.actor_id && { id: c.actor_id }),
          ...(c.actor_email && { email: c.actor_email }),
          ...(c.actor_name && { name: c.actor_name }),
        };
  expect(new Date(Number(c.at_ms)).toISOString()).toBe(c.at);
  return {
    id: Number(c.id),
    atMs: Number(c.at_ms),
    recordedAtMs: Number(c.recorded_at_ms),
    source: c.source as AuditEvent['source'],
    type: c.type,
    externalId: orNull(c.external_id),
    actor,
    workspaceId: orNull(c.workspace_id),
    keyId: orNull(c.key_id),
    targets: json(c.targets),
    summary: c.summary,
    before: json(c.before),
    after: json(c.after),
    raw: json(c.raw),
    prevHash: c.prev_hash,
    hash: c.hash,
  };
}

describe('export round-trips', () => {
  beforeEach(() => {
    appendAuditEvents(env.db, awkwardDrafts(), { now: fixedNow });
  });

  it.each(['', 'source:journal', 'key:apikey_1'])(
    'CSV and JSONL of %j parse back to the events search returns',
    async (query) => {
      const expected = searchAuditEvents(env.db, query, { limit: 1000 }).events;
      expect(expected.length).toBeGreaterThan(0);

      const csvFile = join(env.dir, 'out.csv');
      expect((await exportAuditToFile(env.db, { query, format: 'csv', file: csvFile }, { now: fixedNow })).count).toBe(
        expected.length,
      );
      const [header, ...records] = parseCsv(readFileSync(csvFile, 'utf8'));
      expect(header).toEqual([...AUDIT_CSV_COLUMNS]);
      expect(records.map(csvRecordToEvent)).toEqual(expected);

      // The CSV export is now in the trail too; the JSONL export answers the search as it stands now.
      const expectedNow = searchAuditEvents(env.db, query, { limit: 1000 }).events;
      const jsonlFile = join(env.dir, 'out.jsonl');
      await exportAuditToFile(env.db, { query, format: 'jsonl', file: jsonlFile }, { now: fixedNow });
      const lines = readFileSync(jsonlFile, 'utf8').split('\n');
      expect(lines.pop()).toBe('');
      expect(lines.map((line) => JSON.parse(line))).toEqual(expectedNow);
    },
  );

  it('records each export, with its query and count, in the trail; the chain still verifies', async () => {
    const file = join(env.dir, 'x.csv');
    await exportAuditToFile(env.db, { query: 'source:journal', format: 'csv', file }, { now: fixedNow });
    const [recorded] = searchAuditEvents(env.db, 'type:export.created').events;
    expect(recorded).toMatchObject({
      source: 'local',
      after: { query: 'source:journal', format: 'csv', count: 2, file: 'x.csv' },
    });
    expect(verifyAuditChain(env.db).ok).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('defuses a name that would run as a formula by default; raw keeps the text exact', async () => {
    appendAuditEvents(env.db, [localDraft(9, { summary: '=HYPERLINK("http://evil.test","Q3 plan")' })], {
      now: fixedNow,
    });
    const safe = join(env.dir, 'safe.csv');
    await exportAuditToFile(
      env.db,
      { query: 'type:settings.changed hyperlink', format: 'csv', file: safe },
      { now: fixedNow },
    );
    const exact = join(env.dir, 'exact.csv');
    await exportAuditToFile(
      env.db,
      { query: 'type:settings.changed hyperlink', format: 'csv', file: exact, raw: true },
      { now: fixedNow },
    );
    const summaryOf = (file: string) => parseCsv(readFileSync(file, 'utf8'))[1]![AUDIT_CSV_COLUMNS.indexOf('summary')];
    expect(summaryOf(safe)).toBe(`'=HYPERLINK("http://evil.test","Q3 plan")`);
    expect(summaryOf(exact)).toBe('=HYPERLINK("http://evil.test","Q3 plan")');
  });

  it('a bad query creates no file and records nothing', async () => {
    const file = join(env.dir, 'bad.csv');
    await expect(exportAuditToFile(env.db, { query: 'before:soon', format: 'csv', file })).rejects.toThrow(
      AuditQueryError,
    );
    expect(existsSync(file) || existsSync(`${file}.partial`)).toBe(false);
    expect(searchAuditEvents(env.db, 'type:export.created').events).toEqual([]);
  });
});

describe('streaming', () => {
  it('waits for drain: the writer never buffers more than about one chunk', async () => {
    appendAuditEvents(
      env.db,
      Array.from({ length: 3000 }, (_, i) => localDraft(i + 1)),
      { now: fixedNow },
    );
    let maxBuffered = 0;
    let bytes = 0;
    const slow = new Writable({
      highWaterMark: 16 * 1024,
      write(chunk: Buffer, _enc, done) {
        bytes += chunk.length;
        setImmediate(done);
      },
    });
    const originalWrite = slow.write.bind(slow);
    slow.write = ((chunk: string) => {
      const result = originalWrite(chunk);
      maxBuffered = Math.max(maxBuffered, slow.writableLength);
      return result;
    }) as typeof slow.write;
    const { count } = await streamAuditExport(env.db, { query: '', format: 'jsonl' }, slow);
    expect(count).toBe(3000);
    expect(bytes).toBeGreaterThan(1_000_000);
    expect(maxBuffered).toBeLessThan(200 * 1024);
  });

  it('exports 100,000 events to a file', async () => {
    appendAuditEvents(
      env.db,
      Array.from({ length: 100_000 }, (_, i) => localDraft(i + 1)),
      { now: fixedNow, headPath: null },
    );
    const file = join(env.dir, 'big.csv');
    const { count } = await exportAuditToFile(
      env.db,
      { query: '', format: 'csv', file },
      { now: fixedNow, headPath: null },
    );
    expect(count).toBe(100_000);
    expect(statSync(file).size).toBeGreaterThan(100_000 * 200);
  }, 120_000);
});
