import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { applyAuditRetention, purgeAuditOlderThan } from '../../../../main/db/audit/purge';
import { searchAuditEvents } from '../../../../main/db/audit/search';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import Database from 'better-sqlite3';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
  // Events 1..10 at t0+1s … t0+10s; event 6 arrives late with an old time (a delayed feed activity).
  appendAuditEvents(
    env.db,
    Array.from({ length: 10 }, (_, i) => localDraft(i + 1, i + 1 === 6 ? { atMs: localDraft(1).atMs - 1 } : {})),
    { now: fixedNow },
  );
});
afterEach(() => env.cleanup());

const cutoffAt = (i: number): number => localDraft(i).atMs;

describe('retention purge', () => {
  it('removes the oldest prefix of the chain, leaves an anchor and a purge event, and verify still passes', () => {
    const result = purgeAuditOlderThan(env.db, cutoffAt(4), { now: fixedNow });
    expect(result.removed).toBe(3);
    expect(result.anchor).toMatchObject({ throughId: 3, removedTotal: 3 });
    const remaining = env.db.prepare('SELECT id FROM audit_events ORDER BY id').pluck().all();
    expect(remaining).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
    const purgeEvent = searchAuditEvents(env.db, 'type:retention.purged').events[0];
    expect(purgeEvent).toMatchObject({
      id: 11,
      source: 'local',
      after: { removedCount: 3, throughId: 3, throughHash: result.anchor!.throughHash },
    });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 8, tip: { count: 11 } });
    // The removed events are gone from search, too.
    expect(searchAuditEvents(env.db, 'changed setting number 2').events).toEqual([]);
  });

  it('stops at an event newer than the cutoff: a late old event stays until everything before it goes', () => {
    const result = purgeAuditOlderThan(env.db, cutoffAt(5), { now: fixedNow });
    expect(result.removed).toBe(4);
    expect(env.db.prepare('SELECT min(id) FROM audit_events').pluck().get()).toBe(5);
    expect(env.db.prepare('SELECT at_ms < ? FROM audit_events WHERE id = 6').pluck().get(cutoffAt(5))).toBe(1);
    const again = purgeAuditOlderThan(env.db, cutoffAt(9), { now: fixedNow });
    expect(again.removed).toBe(4);
    expect(again.anchor).toMatchObject({ throughId: 8, removedTotal: 8 });
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });

  it('purging everything still verifies from the anchor (the purge event is the new start)', () => {
    purgeAuditOlderThan(env.db, Date.UTC(2100, 0, 1), { now: fixedNow });
    expect(env.db.prepare('SELECT id FROM audit_events').pluck().all()).toEqual([11]);
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 1 });
    appendAuditEvents(env.db, [localDraft(12)], { now: fixedNow });
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });

  it('does nothing when nothing is old enough, and retention off (null) never purges', () => {
    expect(purgeAuditOlderThan(env.db, 0, { now: fixedNow })).toEqual({ removed: 0, anchor: null });
    expect(applyAuditRetention(env.db, null)).toBeNull();
    expect(env.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(10);
  });

  it('keep-N-days purges relative to now', () => {
    const now = () => cutoffAt(4) + 2 * 86_400_000;
    expect(applyAuditRetention(env.db, 2, { now })?.removed).toBe(3);
  });

  it('a forged anchor (prefix deleted by hand, anchor inserted) is not confirmed by any purge event', () => {
    const hash3 = env.db.prepare('SELECT hash FROM audit_events WHERE id = 3').pluck().get() as string;
    env.db.close();
    const raw = new Database(env.file);
    raw.exec('DROP TRIGGER audit_events_purge_only');
    raw.prepare('DELETE FROM audit_events WHERE id <= 3').run();
    raw
      .prepare(
        'INSERT INTO audit_anchors (purged_at_ms, cutoff_ms, removed_count, removed_total, through_id, through_hash) VALUES (1, 1, 3, 3, 3, ?)',
      )
      .run(hash3);
    raw.close();
    env.db = new Database(env.file);
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'anchor-unconfirmed', eventId: 3 });
  });

  it('a hand-deleted prefix without an anchor breaks the chain at the first remaining event', () => {
    env.db.close();
    const raw = new Database(env.file);
    raw.exec('DROP TRIGGER audit_events_purge_only');
    raw.prepare('DELETE FROM audit_events WHERE id <= 2').run();
    raw.close();
    env.db = new Database(env.file);
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'missing-event', eventId: 1 });
  });
});
