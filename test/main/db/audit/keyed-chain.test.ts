/**
 * #19 "Unkeyed audit chain": with plain SHA-256, whoever can write the data folder can edit events and recompute the
 * chain and its external head together, and verify passes. Keyed with the profile's audit seal (HMAC-SHA-256 over the
 * same text), the same rewrite is detected; an unkeyed chain keeps verifying and continues keyed from a recorded
 * switch point.
 */
import { writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashInput } from '../../../../main/core/audit/chain';
import { AUDIT_GENESIS_HASH } from '../../../../main/core/audit/event';
import { confirmedHead, serialiseHead } from '../../../../main/core/audit/head';
import { NO_SEAL, type AuditSealState } from '../../../../main/core/audit/seal';
import { appendAuditEvents } from '../../../../main/db/audit/append';
import { rowToRecord, RECORD_COLUMNS, type AuditEventRow } from '../../../../main/db/audit/audit-rows';
import { AuditSealError } from '../../../../main/db/audit/chain-hasher';
import { hmacSha256Hex, newSealSecret, sealedState } from '../../../../main/db/audit/hmac';
import { readSealSwitch } from '../../../../main/db/audit/seal-switch';
import { sha256Hex } from '../../../../main/db/audit/sha256';
import { verifyAuditChain } from '../../../../main/db/audit/verify';
import { migrate, schemaVersion } from '../../../../main/db/migrate';
import { MIGRATIONS } from '../../../../main/db/migrations/index';
import { AUDIT_SEAL_SWITCH_MIGRATION_ID } from '../../../../main/db/migrations/0370-create-audit-seal-switch';
import { fixedNow, localDraft, openAuditDb } from './audit-db';

let env: ReturnType<typeof openAuditDb>;
beforeEach(() => {
  env = openAuditDb();
});
afterEach(() => env.cleanup());

const append = (from: number, to: number, seal: AuditSealState = NO_SEAL) =>
  appendAuditEvents(
    env.db,
    Array.from({ length: to - from + 1 }, (_, i) => localDraft(from + i)),
    { now: fixedNow, seal },
  );

/**
 * The attack: a raw connection, the guarding triggers dropped, event `victim`'s summary edited, every hash from there
 * on recomputed with plain SHA-256 (the chain's published algorithm), and the external head rewritten to match.
 * `dropSwitch`: also remove the record that the chain turned keyed, and re-chain from event `from` (the switch point),
 * so the trail looks like it was never keyed.
 */
function rewriteWithPlainSha256(victim: number, dropSwitch = false, from = victim): void {
  env.db.close();
  const raw = new Database(env.file);
  raw.exec('DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_extend_chain_only;');
  if (dropSwitch) raw.exec('DROP TRIGGER audit_seal_switch_no_delete; DELETE FROM audit_seal_switch;');
  raw.prepare('UPDATE audit_events SET summary = ? WHERE id = ?').run('nothing to see here', victim);
  const rows = raw.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events ORDER BY id`).all() as AuditEventRow[];
  let prevHash = from === 1 ? AUDIT_GENESIS_HASH : rows[from - 2]!.hash;
  const update = raw.prepare('UPDATE audit_events SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of rows.slice(from - 1)) {
    const hash = sha256Hex(hashInput({ ...rowToRecord(row), prevHash }));
    update.run(prevHash, hash, row.id);
    prevHash = hash;
  }
  raw.close();
  writeFileSync(
    env.headPath,
    serialiseHead(confirmedHead(null, { lastId: rows.length, hash: prevHash, count: rows.length })),
  );
  env.db = new Database(env.file);
}

describe('a keyed audit chain', () => {
  const seal = (keyedFromId: number) => sealedState(newSealSecret(keyedFromId), 'keychain');

  it('control: an unkeyed chain rewritten with its head recomputed passes verify (the finding)', () => {
    append(1, 5);
    rewriteWithPlainSha256(3);
    expect(verifyAuditChain(env.db)).toMatchObject({ ok: true, problem: null });
  });

  it('the same rewrite of a keyed chain is detected, naming the event', () => {
    const sealed = seal(1);
    append(1, 5, sealed);
    expect(verifyAuditChain(env.db, { seal: sealed })).toMatchObject({ ok: true, checked: 5 });
    rewriteWithPlainSha256(3);
    const result = verifyAuditChain(env.db, { seal: sealed });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'hash-mismatch', eventId: 3 } });
    expect(result.problem?.message).toMatch(/sealed hash/);
  });

  it('re-chaining from the switch point with the switch record removed is detected by the seal', () => {
    append(1, 2);
    const sealed = seal(3);
    append(3, 5, sealed);
    rewriteWithPlainSha256(4, true, 3);
    const result = verifyAuditChain(env.db, { seal: sealed });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'seal-conflict' } });
    expect(result.problem?.message).toMatch(/records no switch/);
  });

  it('without the secret, a keyed chain is not reported OK: its keyed part could not be checked', () => {
    append(1, 4, seal(1));
    const result = verifyAuditChain(env.db, { seal: { status: 'unavailable', store: 'keychain', reason: 'locked' } });
    expect(result).toMatchObject({ ok: false, checked: 0, problem: { kind: 'seal-unavailable', eventId: 1 } });
    expect(result.problem?.message).toMatch(/OS keychain, which could not be read: locked.*events 1 to 4/);
  });

  it('a different secret is told apart from altered events', () => {
    append(1, 2, seal(1));
    expect(verifyAuditChain(env.db, { seal: seal(1) }).problem).toMatchObject({
      kind: 'seal-conflict',
      message: expect.stringMatching(/not the one this trail was sealed with/),
    });
  });

  it('an existing unkeyed chain still verifies, then continues keyed from a recorded switch point', () => {
    const plain = append(1, 3);
    const sealed = seal(4);
    append(4, 6, sealed);
    expect(readSealSwitch(env.db)).toMatchObject({ keyedFromId: 4, store: 'keychain', switchedAtMs: fixedNow() });
    const rows = env.db.prepare(`SELECT ${RECORD_COLUMNS} FROM audit_events ORDER BY id`).all() as AuditEventRow[];
    // Events 1–3 kept their plain hashes; 4–6 carry the seal's HMAC, chained on event 3.
    expect(rows[2]!.hash).toBe(plain.tip.hash);
    expect(rows[2]!.hash).toBe(sha256Hex(hashInput(rowToRecord(rows[2]!))));
    expect(rows[3]!.prev_hash).toBe(rows[2]!.hash);
    for (const row of rows.slice(3)) {
      expect(row.hash).not.toBe(sha256Hex(hashInput(rowToRecord(row))));
    }
    expect(verifyAuditChain(env.db, { seal: sealed })).toMatchObject({
      ok: true,
      checked: 6,
      seal: { keyedFromId: 4, store: 'keychain' },
    });
  });

  it('the keyed hash is HMAC-SHA-256 of the same canonical text as the plain one (RFC 4231 test case 2)', () => {
    const jefe = Buffer.from('Jefe').toString('base64url');
    expect(hmacSha256Hex(jefe)('what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });

  it('appending to a keyed chain without its secret is refused and writes nothing', () => {
    append(1, 2, seal(1));
    expect(() => append(3, 3)).toThrow(AuditSealError);
    expect(env.db.prepare('SELECT count(*) FROM audit_events').pluck().get()).toBe(2);
  });

  it('the switch can only be recorded at the chain end, and not changed or removed', () => {
    append(1, 3);
    const insert = env.db.prepare(
      "INSERT INTO audit_seal_switch (id, keyed_from_id, switched_at_ms, seal_id, store) VALUES (1, ?, 0, 'x', 'file')",
    );
    expect(() => insert.run(2)).toThrow(/only turn keyed at its end/);
    insert.run(4);
    expect(() => env.db.exec('UPDATE audit_seal_switch SET keyed_from_id = 9')).toThrow(/kept as written/);
    expect(() => env.db.exec('DELETE FROM audit_seal_switch')).toThrow(/kept as written/);
  });
});

describe('migration 0370-create-audit-seal-switch', () => {
  it('leaves a trail of the previous version as it was (unkeyed, verifying), ready to continue keyed', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.id < AUDIT_SEAL_SWITCH_MIGRATION_ID),
    );
    const old = appendAuditEvents(db, [localDraft(1), localDraft(2)], { now: fixedNow });
    // Up to this migration only: later ones (0390 …) are not what this test is about.
    migrate(
      db,
      MIGRATIONS.filter((m) => m.id <= AUDIT_SEAL_SWITCH_MIGRATION_ID),
    );
    expect(schemaVersion(db)).toBe(AUDIT_SEAL_SWITCH_MIGRATION_ID);
    expect(readSealSwitch(db)).toBeNull();
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 2, tip: old.tip, seal: null });
    const sealed = sealedState(newSealSecret(3), 'file');
    appendAuditEvents(db, [localDraft(3)], { now: fixedNow, seal: sealed });
    expect(verifyAuditChain(db, { seal: sealed })).toMatchObject({ ok: true, checked: 3, seal: { keyedFromId: 3 } });
  });
});
