import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeRecordHash } from '../../../../main/core/audit/chain';
import {
  appendAuditEvents,
  appendComplianceActivitiesToAudit,
  appendInTransaction,
  appendJournalEventsToAudit,
  readAuditTip,
  resolveAuditOptions,
} from '../../../../main/db/audit/append';
import { rowToRecord, RECORD_COLUMNS, type AuditEventRow } from '../../../../main/db/audit/audit-rows';
import { sha256Hex } from '../../../../main/db/audit/sha256';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const appendN = (n: number, from = 1) =>
  appendAuditEvents(
    env.db,
    Array.from({ length: n }, (_, i) => localDraft(from + i)),
    { now: fixedNow },
  );

/** What a determined tamperer does: a raw connection, drop the guarding triggers, edit, leave. */
function tamper(sql: string, ...params: unknown[]): void {
  env.db.close();
  const raw = new Database(env.file);
  raw.exec(
    'DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_purge_only; DROP TRIGGER audit_events_extend_chain_only;',
  );
  raw.prepare(sql).run(...params);
  raw.close();
  env.db = new Database(env.file);
}

describe('appending', () => {
  it('chains events 1..n and writes the external head next to the file', () => {
    const result = appendN(5);
    expect(result).toMatchObject({ appended: 5, skipped: 0, tip: { lastId: 5, count: 5 } });
    const head = JSON.parse(readFileSync(env.headPath, 'utf8'));
    expect(head).toMatchObject({
      version: 1,
      confirmed: { count: 5, hash: result.tip.hash },
      pending: [],
      mismatch: null,
    });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 5, problem: null });
  });

  it('skips an event already recorded from the same source (replayed feed page or journal)', () => {
    const activity = {
      id: 'activity_1',
      created_at: '2026-11-20T09:00:00Z',
      type: 'platform_workspace_created',
      actor: null,
      workspace_id: 'wrkspc_1',
    };
    expect(appendComplianceActivitiesToAudit(env.db, [activity]).appended).toBe(1);
    expect(appendComplianceActivitiesToAudit(env.db, [activity, { ...activity, id: 'activity_2' }])).toMatchObject({
      appended: 1,
      skipped: 1,
    });
    const journal = {
      resource: 'workspaces',
      change: 'created' as const,
      id: 'wrkspc_1',
      name: 'R&D',
      before: null,
      after: { name: 'R&D' },
      atMs: 5,
    };
    expect(appendJournalEventsToAudit(env.db, [journal, journal])).toMatchObject({ appended: 1, skipped: 1 });
    expect(verifyAuditChain(env.db).ok).toBe(true);
  });

  it('inside a caller’s transaction that rolls back, nothing is kept and verify still passes', () => {
    appendN(2);
    expect(() =>
      env.db.transaction(() => {
        appendN(3, 3);
        throw new Error('sync page failed');
      })(),
    ).toThrow('sync page failed');
    expect(readAuditTip(env.db).count).toBe(2);
    expect(verifyAuditChain(env.db).ok).toBe(true);
    // …and inside one that commits, the pending head vouches for the new end until the next append confirms it.
    env.db.transaction(() => appendN(3, 3))();
    expect(JSON.parse(readFileSync(env.headPath, 'utf8')).pending).toMatchObject([{ count: 5 }]);
    expect(verifyAuditChain(env.db).ok).toBe(true);
    appendN(1, 6);
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, checked: 6 });
  });
});

describe('appends inside a caller’s transaction never cause a false alarm', () => {
  const outer = (fn: () => void, commit: boolean) => {
    try {
      env.db.transaction(() => {
        fn();
        if (!commit) throw new Error('rolled back');
      })();
    } catch (error) {
      if (commit || (error as Error).message !== 'rolled back') throw error;
    }
  };

  it.each([
    ['two batches in one transaction that rolls back', [false]],
    ['two batches in one transaction that commits', [true]],
    ['a committed transaction, then one that rolls back', [true, false]],
    ['a rolled-back transaction, then one that commits, then one that rolls back', [false, true, false]],
  ])('%s', (_name, commits) => {
    appendN(2);
    let next = 3;
    for (const commit of commits as boolean[]) {
      outer(() => {
        appendN(2, next);
        appendN(1, next + 2);
      }, commit);
      if (commit) next += 3;
      const result = verifyAuditChain(env.db);
      expect(result.problem).toBeNull();
      expect(result.tip.count).toBe(next - 1);
    }
    // The next ordinary append confirms whatever is committed, and nothing is flagged.
    appendN(1, next);
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, tip: { count: next } });
    expect(JSON.parse(readFileSync(env.headPath, 'utf8'))).toMatchObject({ pending: [], mismatch: null });
  });
});

describe('a crash around the commit of an append', () => {
  const drafts = [localDraft(3), localDraft(4)];
  const resolved = () => resolveAuditOptions(env.db, { now: fixedNow });

  it('before the commit: the database keeps the old end, which the head still vouches for', () => {
    appendN(2);
    expect(() =>
      env.db.transaction(() => {
        appendInTransaction(env.db, drafts, resolved());
        throw new Error('killed before COMMIT');
      })(),
    ).toThrow('killed');
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, tip: { count: 2 } });
  });

  it('after the commit, before the head is confirmed: the pending mark vouches for the new end', () => {
    appendN(2);
    env.db.transaction(() => appendInTransaction(env.db, drafts, resolved()))();
    expect(JSON.parse(readFileSync(env.headPath, 'utf8'))).toMatchObject({
      confirmed: { count: 2 },
      pending: [{ count: 4 }],
    });
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, tip: { count: 4 } });
  });
});

describe('insert-only, enforced by the database', () => {
  beforeEach(() => appendN(3));

  it('refuses UPDATE', () => {
    expect(() => env.db.prepare("UPDATE audit_events SET summary = 'x' WHERE id = 2").run()).toThrow(/insert-only/);
  });
  it('refuses DELETE', () => {
    expect(() => env.db.prepare('DELETE FROM audit_events WHERE id = 1').run()).toThrow(/insert-only/);
    expect(() => env.db.prepare('DELETE FROM audit_events').run()).toThrow(/insert-only/);
  });
  it('refuses an insert that does not extend the chain', () => {
    const last = env.db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events WHERE id = 3`).get() as AuditEventRow;
    expect(() =>
      env.db
        .prepare(
          `INSERT INTO audit_events (${RECORD_COLUMNS}) VALUES (4, 1, 1, 'local', 't', NULL, NULL, NULL, NULL, '[]', 's', NULL, NULL, NULL, 'forged', 'h')`,
        )
        .run(),
    ).toThrow(/extend the chain/);
    expect(() =>
      env.db
        .prepare(
          `INSERT INTO audit_events (${RECORD_COLUMNS}) VALUES (9, 1, 1, 'local', 't', NULL, NULL, NULL, NULL, '[]', 's', NULL, NULL, NULL, ?, 'h')`,
        )
        .run(last.hash),
    ).toThrow(/extend the chain/);
  });
  it('refuses changes to purge anchors and the guard row', () => {
    env.db
      .prepare(
        "INSERT INTO audit_anchors (purged_at_ms, cutoff_ms, removed_count, removed_total, through_id, through_hash) VALUES (1, 1, 0, 0, 0, 'x')",
      )
      .run();
    expect(() => env.db.prepare('UPDATE audit_anchors SET through_id = 2').run()).toThrow(/insert-only/);
    expect(() => env.db.prepare('DELETE FROM audit_anchors').run()).toThrow(/insert-only/);
    expect(() => env.db.prepare('DELETE FROM audit_purge_guard').run()).toThrow(/one row/);
  });
});

describe('tampering is detected', () => {
  beforeEach(() => appendN(10));

  it('an edited summary fails verify naming the event', () => {
    tamper("UPDATE audit_events SET summary = 'nothing happened' WHERE id = 7");
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'hash-mismatch', eventId: 7 });
  });

  it('an edit with its hash recomputed breaks the link and names the event', () => {
    const row = env.db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events WHERE id = 4`).get() as AuditEventRow;
    const forged = { ...rowToRecord(row), summary: 'forged' };
    tamper(
      'UPDATE audit_events SET summary = ?, hash = ? WHERE id = 4',
      forged.summary,
      computeRecordHash(forged, sha256Hex),
    );
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'broken-link', eventId: 4 });
  });

  it('a deleted event is named as missing', () => {
    tamper('DELETE FROM audit_events WHERE id = 5');
    expect(verifyAuditChain(env.db).problem).toMatchObject({ kind: 'missing-event', eventId: 5 });
  });

  it('truncating the newest events is caught by the external head', () => {
    tamper('DELETE FROM audit_events WHERE id > 8');
    expect(verifyAuditChain(env.db).problem?.kind).toBe('head-mismatch');
  });

  it('rewriting the whole chain consistently inside the file is caught by the external head', () => {
    env.db.close();
    const raw = new Database(env.file);
    raw.exec('DROP TRIGGER audit_events_no_update;');
    const rows = raw.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events ORDER BY id`).all() as AuditEventRow[];
    let prevHash = '0'.repeat(64);
    for (const row of rows) {
      const record = { ...rowToRecord(row), prevHash, summary: row.id === 3 ? 'rewritten history' : row.summary };
      const hash = computeRecordHash(record, sha256Hex);
      raw
        .prepare('UPDATE audit_events SET summary = ?, prev_hash = ?, hash = ? WHERE id = ?')
        .run(record.summary, prevHash, hash, row.id);
      prevHash = hash;
    }
    raw.close();
    env.db = new Database(env.file);
    const result = verifyAuditChain(env.db);
    expect(result.checked).toBe(10); // every link inside the file is consistent…
    expect(result.problem?.kind).toBe('head-mismatch'); // …but its end is not the one recorded outside it
    // Appending more events does not launder the rewrite: the head file keeps the mismatch.
    appendN(1, 11);
    expect(verifyAuditChain(env.db).problem?.kind).toBe('head-flagged');
  });

  it('a deleted head file fails verify', () => {
    rmSync(env.headPath);
    expect(verifyAuditChain(env.db).problem?.kind).toBe('head-missing');
  });
});
