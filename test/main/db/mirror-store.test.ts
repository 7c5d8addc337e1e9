import { beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { migrate } from '../../../main/db/migrate';
import { MIGRATIONS } from '../../../main/db/migrations/index';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { JournalRepo } from '../../../main/db/repos/journal-repo';
import { ENTITY_SPECS } from '../../../main/core/sync/entities';
import type { ApiUser } from '../../../main/core/api-types';

// Users as admin-api.md §3.2 documents them.
const user = (id: string, role = 'user', name = `Name ${id}`): ApiUser => ({
  id,
  email: `${id}@example.com`,
  name,
  role,
  added_at: '2026-01-02T03:04:05Z',
});
const spec = ENTITY_SPECS.users;

describe('SqliteMirrorStore entity pages', () => {
  let db: Database.Database;
  let store: SqliteMirrorStore;
  let journal: JournalRepo;

  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    store = new SqliteMirrorStore(db);
    journal = new JournalRepo(db);
  });

  function pass(items: ApiUser[][], opts: { journal: boolean; stopAfter?: number }) {
    const runId = store.beginRun(1000, false);
    const ctx = { runId, atMs: 1000 + runId, journal: opts.journal };
    const open = store.openPass('users', '', runId, null);
    const start = open.cursor == null ? 0 : Number(open.cursor);
    for (let i = start; i < items.length; i++) {
      if (opts.stopAfter !== undefined && i >= opts.stopAfter) return open;
      const next = i + 1 < items.length ? String(i + 1) : null;
      store.applyEntityPage(spec, open, items[i]!.map(spec.toRow), next, ctx);
    }
    return open;
  }

  it('a first pass is a baseline: rows stored, no journal events', () => {
    pass([[user('u1'), user('u2')]], { journal: false });
    expect(db.prepare('SELECT id FROM users ORDER BY id').all()).toEqual([{ id: 'u1' }, { id: 'u2' }]);
    expect(journal.count()).toBe(0);
  });

  it('journals created, changed (before → after per field) and removed', () => {
    pass([[user('u1'), user('u2')]], { journal: false });
    pass([[user('u1', 'developer'), user('u3')]], { journal: true });
    const events = journal.listAfter();
    expect(events.map((e) => [e.kind, e.entityKey])).toEqual([
      ['changed', 'u1'],
      ['created', 'u3'],
      ['removed', 'u2'],
    ]);
    expect(events[0]!.detail).toEqual({ role: { before: 'user', after: 'developer' } });
    expect(events[2]!.detail).toMatchObject({ id: 'u2', email: 'u2@example.com' });
  });

  it('decides "removed" only after a complete pass, and a resumed pass keeps what it saw before the crash', () => {
    pass([[user('u1')], [user('u2')], [user('u3')]], { journal: false });
    // Interrupted after the first page: nothing may be removed yet.
    const interrupted = pass([[user('u1')], [user('u2')]], { journal: true, stopAfter: 1 });
    expect(journal.count()).toBe(0);
    expect(db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 3 });
    // Resume the same pass from its stored cursor; u3 is gone from the API by now.
    const resumed = pass([[user('u1')], [user('u2')]], { journal: true });
    expect(resumed.passId).toBe(interrupted.passId);
    expect(resumed.resumed).toBe(true);
    expect(journal.listAfter().map((e) => [e.kind, e.entityKey])).toEqual([['removed', 'u3']]);
    expect(db.prepare('SELECT id FROM users ORDER BY id').all()).toEqual([{ id: 'u1' }, { id: 'u2' }]);
    expect(db.prepare('SELECT count(*) AS n FROM sync_passes').get()).toEqual({ n: 0 });
  });

  it('an unchanged pass writes no events and updates last_seen_at_ms only', () => {
    pass([[user('u1')]], { journal: false });
    const first = db.prepare('SELECT first_seen_at_ms AS f, last_seen_at_ms AS l FROM users').get() as {
      f: number;
      l: number;
    };
    pass([[user('u1')]], { journal: true });
    const second = db.prepare('SELECT first_seen_at_ms AS f, last_seen_at_ms AS l FROM users').get() as {
      f: number;
      l: number;
    };
    expect(journal.count()).toBe(0);
    expect(second.f).toBe(first.f);
    expect(second.l).toBeGreaterThan(first.l);
  });
});
