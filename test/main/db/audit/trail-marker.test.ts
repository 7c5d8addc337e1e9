/**
 * Verification notices what is missing (#20): the mirror records that its profile has a trail (migration 0360), so
 * a trail deleted with its head, or deleted and started again, fails verify instead of reading "OK, 0 events". The
 * acts that change the trail on purpose (retention purge, head reset, deleting the whole mirror) still verify.
 */
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureMirrorFile } from '../../../../main/adapters/data-dir';
import { deleteProfileMirror } from '../../../../main/adapters/profiles-file';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { resetAuditHead } from '../../../../main/db/audit/head-reset';
import { purgeAuditOlderThan } from '../../../../main/db/audit/purge';
import { readAuditTrailMarker } from '../../../../main/db/audit/trail-marker';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { up as auditTrail } from '../../../../main/db/migrations/0100-create-audit-trail';
import { migration } from '../../../../main/db/migrations/0360-create-audit-trail-marker';
import { openMirror } from '../../../../main/db/open';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const append = (...ids: number[]) =>
  appendAuditEvents(
    env.db,
    ids.map((i) => localDraft(i)),
    { now: fixedNow },
  );

/**
 * Deletes every event the way a sqlite3 shell can without dropping a trigger: by opening the purge guard. No anchor
 * is left, so the chain reads as never started.
 */
function deleteEveryEvent(): void {
  env.db.exec('UPDATE audit_purge_guard SET through_id = 1000000 WHERE id = 1');
  env.db.exec('DELETE FROM audit_events');
  env.db.exec('UPDATE audit_purge_guard SET through_id = NULL WHERE id = 1');
}

describe('the trail marker', () => {
  it('a trail that never began has no marker and verifies with 0 events', () => {
    expect(readAuditTrailMarker(env.db)).toBeNull();
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 0, problem: null });
  });

  it('is written with event 1, in its transaction, and cannot be changed or deleted', () => {
    const rolledBack = env.db.transaction(() => {
      append(1);
      throw new Error('roll back');
    });
    expect(rolledBack).toThrow('roll back');
    expect(readAuditTrailMarker(env.db)).toBeNull(); // gone with the event

    const first = append(1, 2);
    const event1Hash = env.db.prepare('SELECT hash FROM audit_events WHERE id = 1').pluck().get();
    expect(readAuditTrailMarker(env.db)).toEqual({ startedAtMs: fixedNow(), firstEventHash: event1Hash });
    expect(first.tip.count).toBe(2);
    expect(() => env.db.exec('DELETE FROM audit_trail_marker')).toThrow(/kept as written/);
    expect(() => env.db.exec('UPDATE audit_trail_marker SET first_event_hash = NULL')).toThrow(/kept as written/);
  });
});

describe('verify notices a missing trail', () => {
  it('fails when every event and the head file are deleted, saying both are gone', () => {
    append(1, 2, 3);
    deleteEveryEvent();
    rmSync(env.headPath);
    const result = verifyAuditChain(env.db);
    expect(result.ok).toBe(false);
    expect(result.problem).toMatchObject({ kind: 'trail-missing', eventId: null });
    expect(result.problem?.message).toContain(new Date(fixedNow()).toISOString());
    expect(result.problem?.message).toContain('external chain head file is missing too');
  });

  it('fails when every event is deleted and the head is kept, saying how many the head records', () => {
    append(1, 2, 3);
    deleteEveryEvent();
    const result = verifyAuditChain(env.db);
    expect(result.problem).toMatchObject({ kind: 'trail-missing' });
    expect(result.problem?.message).toContain('the external head records 3 events');
  });

  it('fails when the trail was deleted with its head and a new one started (the next sync appends again)', () => {
    append(1, 2, 3);
    deleteEveryEvent();
    rmSync(env.headPath);
    append(4); // chained from the genesis again, with a fresh head file
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'trail-restarted', eventId: 1 });
  });

  it('the head reset cannot re-establish a trail that is gone', () => {
    append(1, 2);
    deleteEveryEvent();
    rmSync(env.headPath);
    expect(() => resetAuditHead(env.db, 'start over', { now: fixedNow })).toThrow(/none of its events/);
  });
});

describe('what changes the trail on purpose still verifies', () => {
  it('a retention purge of every event (it records itself, and its anchor vouches for the start)', () => {
    append(1, 2, 3);
    purgeAuditOlderThan(env.db, Date.UTC(2100, 0, 1), { now: fixedNow });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 1, tip: { count: 4 } });
  });

  it('the head reset after the head file alone was lost (it records itself in the trail)', () => {
    append(1, 2);
    rmSync(env.headPath);
    expect(verifyAuditChain(env.db).problem?.kind).toBe('head-missing');
    resetAuditHead(env.db, 'restored from backup', { now: fixedNow });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 3 });
  });

  it('deleting the mirror (key remove --delete-mirror) takes the marker and the head: the profile starts over clean', () => {
    const dataDir = join(env.dir, 'data');
    const file = ensureMirrorFile(dataDir, 'acme');
    const old = openMirror(file);
    appendAuditEvents(old, [localDraft(1), localDraft(2)], { now: fixedNow });
    old.close();
    expect(deleteProfileMirror(dataDir, 'acme')).toContain(`${file}.audit-head.json`);
    expect(existsSync(dirname(file))).toBe(false); // the emptied profile folder goes too

    const fresh = openMirror(ensureMirrorFile(dataDir, 'acme'));
    try {
      expect(verifyAuditChain(fresh)).toMatchObject({ ok: true, checked: 0 });
      appendAuditEvents(fresh, [localDraft(1)], { now: fixedNow });
      // With the old head left behind, this first append would have been flagged as a rewritten trail.
      expect(verifyAuditChain(fresh)).toMatchObject({ ok: true, checked: 1 });
    } finally {
      fresh.close();
    }
  });
});

describe('an existing mirror is marked by the migration', () => {
  it('keeps event 1 hash when it is there, NULL when a purge removed it, and nothing without a trail', () => {
    const mirrorWith = (seed: (db: Database.Database) => void) => {
      const db = new Database(':memory:');
      auditTrail(db);
      seed(db);
      migration.up(db);
      return readAuditTrailMarker(db);
    };
    const headless = { now: fixedNow, headPath: null };
    expect(mirrorWith(() => {})).toBeNull();
    const kept = mirrorWith((db) => appendAuditEvents(db, [localDraft(1), localDraft(2)], headless));
    expect(kept).toMatchObject({ startedAtMs: fixedNow(), firstEventHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const purged = mirrorWith((db) => {
      appendAuditEvents(db, [localDraft(1), localDraft(2)], headless);
      purgeAuditOlderThan(db, Date.UTC(2100, 0, 1), headless);
    });
    expect(purged).toEqual({ startedAtMs: fixedNow(), firstEventHash: null });
  });
});
