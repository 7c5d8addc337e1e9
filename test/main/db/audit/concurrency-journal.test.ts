import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvents, appendStoredJournalEventsToAudit } from '../../../../main/db/audit/append';
import { catchUpJournalIntoAudit } from '../../../../main/db/audit/journal-catch-up';
import { purgeAuditOlderThan } from '../../../../main/db/audit/purge';
import { searchAuditEvents } from '../../../../main/db/audit/search';
import { sha256Hex } from '../../../../main/db/audit/sha256';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

describe('verify while another connection appends', () => {
  it('does not report a rewritten chain when the head moved on during verification', () => {
    appendAuditEvents(
      env.db,
      [1, 2, 3, 4, 5].map((i) => localDraft(i)),
      { now: fixedNow },
    );
    const writer = new Database(env.file);
    let appendedMidway = false;
    // The hash function runs once per verified event; on the first call, the other connection appends (the app
    // syncing while `clade-admin audit verify` runs). The reader's snapshot does not see those rows.
    const hashThatLetsTheAppWrite = (text: string): string => {
      if (!appendedMidway) {
        appendedMidway = true;
        appendAuditEvents(
          writer,
          [6, 7].map((i) => localDraft(i)),
          { now: fixedNow },
        );
      }
      return sha256Hex(text);
    };
    const result = verifyAuditChain(env.db, { hash: hashThatLetsTheAppWrite });
    writer.close();
    expect(appendedMidway).toBe(true);
    expect(result).toMatchObject({ ok: true, checked: 7, tip: { count: 7 } });
  });
});

describe('journal rows from the sync engine', () => {
  it('are recorded once each, with names filled in by the caller, from whatever point it catches up', () => {
    const rows = [
      {
        id: 1,
        atMs: 1000,
        resource: 'api_keys',
        entityKey: 'apikey_01',
        kind: 'created' as const,
        detail: {
          id: 'apikey_01',
          name: 'deploy',
          status: 'active',
          workspace_id: 'wrkspc_01',
          created_by_id: 'user_01',
          created_by_type: 'user',
        },
      },
      {
        id: 2,
        atMs: 2000,
        resource: 'api_keys',
        entityKey: 'apikey_01',
        kind: 'changed' as const,
        detail: { status: { before: 'active', after: 'inactive' } },
      },
    ];
    const describe = () => ({ name: 'deploy', workspaceId: 'wrkspc_01' });
    expect(appendStoredJournalEventsToAudit(env.db, rows, describe).appended).toBe(2);
    expect(appendStoredJournalEventsToAudit(env.db, rows, describe)).toMatchObject({ appended: 0, skipped: 2 });
    const events = searchAuditEvents(env.db, 'key:apikey_01 workspace:wrkspc_01').events;
    expect(events.map((e) => [e.type, e.actor, e.summary])).toEqual([
      ['api_key.changed', null, 'API key “deploy” (apikey_01) changed: status: active → inactive'],
      ['api_key.created', { kind: 'user', id: 'user_01' }, 'API key “deploy” (apikey_01) appeared'],
    ]);
    expect(searchAuditEvents(env.db, 'actor:user_01').events).toHaveLength(1);
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });
});

describe('catching up with the journal', () => {
  const journal = Array.from({ length: 25 }, (_, i) => ({
    id: i + 1,
    atMs: 1_000 * (i + 1),
    resource: 'users',
    entityKey: `user_${i + 1}`,
    kind: 'created' as const,
    detail: { id: `user_${i + 1}`, email: `u${i + 1}@example.com`, name: `User ${i + 1}`, role: 'developer' },
  }));
  const listAfter = (afterId: number) => journal.filter((row) => row.id > afterId).slice(0, 10);

  it('records every row once, in pages, and remembers how far it got', () => {
    expect(catchUpJournalIntoAudit(env.db, listAfter, undefined, { now: fixedNow })).toEqual({
      appended: 25,
      skipped: 0,
      mark: 25,
    });
    expect(catchUpJournalIntoAudit(env.db, listAfter, undefined, { now: fixedNow })).toEqual({
      appended: 0,
      skipped: 0,
      mark: 25,
    });
    expect(searchAuditEvents(env.db, 'source:journal', { limit: 100 }).events).toHaveLength(25);
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });

  it('does not replay rows a retention purge removed', () => {
    catchUpJournalIntoAudit(env.db, listAfter, undefined, { now: fixedNow });
    expect(purgeAuditOlderThan(env.db, 10_500, { now: fixedNow }).removed).toBe(10);
    expect(catchUpJournalIntoAudit(env.db, listAfter, undefined, { now: fixedNow }).appended).toBe(0);
    expect(searchAuditEvents(env.db, 'source:journal', { limit: 100 }).events).toHaveLength(15);
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });
});
