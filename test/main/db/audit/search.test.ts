import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventDraft } from '../../../../main/core/audit/event';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { AuditQueryError, countAuditEvents, searchAuditEvents } from '../../../../main/db/audit/search';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const day = (text: string): number => Date.parse(`${text}T00:00:00Z`);
const append = (drafts: AuditEventDraft[]) => appendAuditEvents(env.db, drafts, { now: fixedNow });
const ids = (query: string) => searchAuditEvents(env.db, query, { limit: 1000 }).events.map((e) => e.id);

describe('search with qualifiers and text', () => {
  beforeEach(() => {
    append([
      localDraft(1, {
        source: 'compliance',
        type: 'platform_api_key_created',
        externalId: 'activity_1',
        actor: { kind: 'user', id: 'user_ada', email: 'ada@example.com' },
        keyId: 'apikey_01',
        workspaceId: 'wrkspc_rd',
        targets: [{ type: 'api_key', id: 'apikey_01' }],
        summary: 'ada@example.com created API key apikey_01',
        atMs: day('2026-03-01'),
      }),
      localDraft(2, {
        source: 'journal',
        type: 'api_key.changed',
        externalId: 'j2',
        actor: null,
        keyId: 'apikey_01',
        workspaceId: 'wrkspc_rd',
        targets: [{ type: 'api_key', id: 'apikey_01', name: 'Deploy Bot' }],
        summary: 'API key “Deploy Bot” changed: status: active → inactive',
        atMs: day('2026-03-02') - 1,
      }),
      localDraft(3, {
        source: 'journal',
        type: 'workspace.created',
        externalId: 'j3',
        actor: null,
        workspaceId: 'wrkspc_mk',
        targets: [{ type: 'workspace', id: 'wrkspc_mk', name: 'Marketing' }],
        summary: 'Workspace “Marketing” appeared',
        atMs: day('2026-03-02'),
      }),
      localDraft(4, { type: 'export.created', summary: 'Exported 3 audit events', atMs: day('2026-03-03') + 5 }),
    ]);
  });

  it.each([
    ['', [4, 3, 2, 1]],
    ['actor:ada@example.com', [1]],
    ['actor:ADA', [1]],
    ['actor:ADA@Example.com', [1]],
    ['actor:user_ada', [1]],
    ['actor:local_admin', [4]],
    ['type:api_key.changed', [2]],
    ['type:platform_* ', [1]],
    ['type:api_key.changed type:workspace.created', [3, 2]],
    ['key:apikey_01', [2, 1]],
    ['key:"deploy bot"', [2]],
    ['workspace:wrkspc_rd', [2, 1]],
    ['workspace:marketing', [3]],
    ['source:journal', [3, 2]],
    ['source:journal key:apikey_01', [2]],
    ['deploy', [2]],
    ['inactive deploy', [2]],
    ['market', [3]],
    ['ada', [1]],
    ['api_key', [2, 1]],
    ['"deploy bot"', [2]],
    ['nothing-like-this', []],
    ['OR', []],
    ['---', []],
  ])('%j finds %j (newest first)', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it.each([
    ['after:2026-03-02', [4, 3]], // inclusive: 00:00 of the day is in
    ['before:2026-03-02', [2, 1]], // exclusive: one millisecond before midnight is in, midnight is out
    ['after:2026-03-01 before:2026-03-02', [2, 1]],
    ['after:2026-03-02 before:2026-03-03', [3]],
    ['after:2026-03-04', []],
  ])('%j finds %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('refuses a query with a bad date or source, and a foreign cursor', () => {
    expect(() => searchAuditEvents(env.db, 'after:2026-02-30')).toThrow(AuditQueryError);
    expect(() => searchAuditEvents(env.db, 'source:mail')).toThrow(AuditQueryError);
    expect(() => searchAuditEvents(env.db, '', { cursor: 'abc' })).toThrow(AuditQueryError);
  });

  it('counts what a query finds', () => {
    expect(countAuditEvents(env.db, 'key:apikey_01')).toBe(2);
  });
});

describe('paging', () => {
  it('is stable with equal timestamps: every event exactly once, in (time, id) order, even while events are appended', () => {
    const sameTime = day('2026-04-01');
    append(
      Array.from({ length: 25 }, (_, i) =>
        localDraft(i + 1, { atMs: i % 3 === 0 ? sameTime : sameTime - 1000 * (i % 5) }),
      ),
    );
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = searchAuditEvents(env.db, '', { limit: 4, cursor });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages += 1;
      // A newer event appended mid-way must not shift the pages still to come.
      if (pages === 2) append([localDraft(99, { atMs: sameTime + 1 })]);
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    const all = searchAuditEvents(env.db, '', { limit: 1000 }).events.filter((e) => e.id !== 26);
    expect(seen).toEqual(all.map((e) => e.id));
    const keys = all.map((e) => [e.atMs, e.id] as const);
    for (let i = 1; i < keys.length; i += 1) {
      const [t0, id0] = keys[i - 1]!;
      const [t1, id1] = keys[i]!;
      expect(t0 > t1 || (t0 === t1 && id0 > id1)).toBe(true);
    }
    expect(pages).toBe(7);
  });

  it('the last page has no cursor', () => {
    append([localDraft(1), localDraft(2)]);
    expect(searchAuditEvents(env.db, '', { limit: 2 }).nextCursor).toBeNull();
    expect(searchAuditEvents(env.db, '', { limit: 1 }).nextCursor).not.toBeNull();
  });
});

describe('text search over a word in many events', () => {
  it('the batched walk answers exactly what the listed plan answers, page by page', () => {
    append(
      Array.from({ length: 60 }, (_, i) =>
        localDraft(i + 1, {
          // Equal times, a late old event, and a word in most summaries.
          atMs: i === 40 ? 1 : day('2026-05-01') + Math.floor(i / 4) * 1000,
          summary: i % 7 === 0 ? `rare thing ${i}` : `common word ${i}`,
          source: i % 2 ? 'journal' : 'local',
          externalId: `e${i}`,
        }),
      ),
    );
    const listed = { inListMax: 1_000_000, batch: 2000 };
    const walked = { inListMax: 0, batch: 3 };
    for (const query of ['common', 'common source:journal', 'rare', 'common before:2026-05-01', 'nothing']) {
      const pages = (tuning: typeof listed) => {
        const out: number[][] = [];
        let cursor: string | null = null;
        do {
          const page = searchAuditEvents(env.db, query, { limit: 5, cursor }, tuning);
          out.push(page.events.map((e) => e.id));
          cursor = page.nextCursor;
        } while (cursor);
        return out;
      };
      const expected = pages(listed);
      expect(pages(walked)).toEqual(expected);
      expect(expected.flat().length).toBe(ids(query).length);
    }
  });
});
