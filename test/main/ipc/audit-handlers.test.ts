import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvents } from '../../../main/db/audit/append';
import { searchAuditEvents } from '../../../main/db/audit/search';
import { verifyAuditChain } from '../../../main/db/audit/verify';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { exportFileName } from '../../../main/ipc/domains/audit';
import type { Handlers } from '../../../main/ipc/handler-types';
import { fixedNow, localDraft, openAuditDb } from '../db/audit/audit-db';

let env: ReturnType<typeof openAuditDb>;
let handlers: Handlers;
const logged: unknown[] = [];
const call = (channel: string, payload: unknown) =>
  dispatch(handlers, channel, payload, 'ipc', (_m, e) => logged.push(e));
const vault = {
  status: async () => ({ present: false, orgName: null, verifiedAt: null }),
  connect: async () => ({ present: true, orgName: 'x', verifiedAt: null }),
  clear: async () => ({ present: false, orgName: null, verifiedAt: null }),
};

beforeEach(() => {
  env = openAuditDb();
  appendAuditEvents(
    env.db,
    [
      ...Array.from({ length: 7 }, (_, i) => localDraft(i + 1)),
      localDraft(8, {
        source: 'journal',
        type: 'user.changed',
        externalId: 'j8',
        actor: null,
        summary: 'User Ada changed: role',
        before: { role: 'developer' },
        after: { role: 'admin' },
      }),
      localDraft(9, {
        source: 'compliance',
        type: 'platform_api_key_created',
        externalId: 'activity_9',
        actor: { kind: 'user', id: 'user_1', email: 'ada@example.com' },
        summary: 'Ada created a key',
        raw: { id: 'activity_9', type: 'platform_api_key_created' },
      }),
    ],
    { now: fixedNow, headPath: env.headPath },
  );
  handlers = createHandlers({
    appInfo: () => ({ name: 'x', version: '0', mode: 'demo' }),
    mirror: () => env.db,
    now: () => Date.UTC(2026, 10, 23, 19, 52, 55),
    vault,
    onKeyChanged: async () => undefined,
  });
  logged.length = 0;
});
afterEach(() => env.cleanup());

describe('clade:audit/search', () => {
  it('answers the trail newest first, in the contract shape, with the raw activity and before/after', async () => {
    const result = await call('clade:audit/search', { query: '' });
    expect(result.ok).toBe(true);
    const page = (
      result as {
        ok: true;
        value: { events: Array<{ id: number; raw: unknown; before: unknown }>; nextCursor: string | null };
      }
    ).value;
    expect(page.events.map((event) => event.id)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(page.events[0]!.raw).toEqual({ id: 'activity_9', type: 'platform_api_key_created' });
    expect(page.events[1]!.before).toEqual({ role: 'developer' });
    expect(page.nextCursor).toBeNull();
  });

  it('pages through nextCursor without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const result = await call('clade:audit/search', { query: 'source:local', limit: 3, cursor });
      const page = (result as { ok: true; value: { events: Array<{ id: number }>; nextCursor: string | null } }).value;
      seen.push(...page.events.map((event) => event.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual([7, 6, 5, 4, 3, 2, 1]);
  });

  it('answers a query the user must fix as bad-request with the reason, never internal', async () => {
    const result = await call('clade:audit/search', { query: 'after:yesterday' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-request', message: expect.stringContaining('YYYY-MM-DD') },
    });
    expect(await call('clade:audit/search', { query: '', cursor: 'not-a-cursor' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
  });

  it('answers an empty page while there is no mirror', async () => {
    handlers = createHandlers({
      appInfo: () => ({ name: 'x', version: '0', mode: 'demo' }),
      mirror: () => null,
      now: () => 0,
      vault,
      onKeyChanged: async () => undefined,
    });
    expect(await call('clade:audit/search', { query: 'anything' })).toEqual({
      ok: true,
      value: { events: [], nextCursor: null },
    });
  });
});

describe('clade:audit/export', () => {
  it('writes the current query to a file main names under the data dir, and records the export in the trail', async () => {
    const result = await call('clade:audit/export', { query: 'source:local', format: 'jsonl' });
    expect(result.ok).toBe(true);
    const { count, file } = (result as { ok: true; value: { count: number; file: string } }).value;
    expect(count).toBe(7);
    expect(file).toBe(join(dirname(env.file), 'exports', exportFileName(Date.UTC(2026, 10, 23, 19, 52, 55), 'jsonl')));
    expect(file).toMatch(/audit-2026-11-23T19-52-55Z\.jsonl$/);
    const lines = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: number });
    expect(lines.map((line) => line.id)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(statSync(file).mode & 0o077).toBe(0);
    const [recorded] = searchAuditEvents(env.db, 'type:export.created').events;
    expect(recorded?.after).toMatchObject({ query: 'source:local', format: 'jsonl', count: 7 });
    expect(verifyAuditChain(env.db, { headPath: env.headPath }).ok).toBe(true);
  });

  it('never overwrites an earlier export made in the same second', async () => {
    const first = (await call('clade:audit/export', { query: '', format: 'csv' })) as {
      ok: true;
      value: { file: string };
    };
    const second = (await call('clade:audit/export', { query: '', format: 'csv' })) as {
      ok: true;
      value: { file: string };
    };
    expect(second.value.file).not.toBe(first.value.file);
    expect(second.value.file).toMatch(/-2\.csv$/);
    expect(existsSync(first.value.file) && existsSync(second.value.file)).toBe(true);
  });

  it('refuses a bad query or format before creating any file', async () => {
    expect(await call('clade:audit/export', { query: 'source:nowhere', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await call('clade:audit/export', { query: '', format: 'xlsx' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(existsSync(join(dirname(env.file), 'exports'))).toBe(false);
  });

  it('explains that there is nothing to export from before the first sync', async () => {
    handlers = createHandlers({
      appInfo: () => ({ name: 'x', version: '0', mode: 'demo' }),
      mirror: () => null,
      now: () => 0,
      vault,
      onKeyChanged: async () => undefined,
    });
    expect(await call('clade:audit/export', { query: '', format: 'csv' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable', message: expect.stringContaining('first sync') },
    });
  });
});
