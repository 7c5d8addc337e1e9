import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  chainRecord,
  computeRecordHash,
  draftToUnchainedRecord,
  recordToEvent,
} from '../../../../main/core/audit/chain';
import type { AuditEventDraft, AuditRecord } from '../../../../main/core/audit/event';
import { AUDIT_GENESIS_HASH, EMPTY_CHAIN_TIP } from '../../../../main/core/audit/event';
import { confirmedHead, pendingHead } from '../../../../main/core/audit/head';
import { createChainVerifier } from '../../../../main/core/audit/verify';
import { redactSecrets } from '../../../../main/core/redact';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

function draft(i: number, summary = `event ${i}`): AuditEventDraft {
  return {
    atMs: 1_000 + i,
    source: 'local',
    type: 'settings.changed',
    externalId: null,
    actor: { kind: 'local_admin' },
    workspaceId: null,
    keyId: null,
    targets: [],
    summary,
    before: null,
    after: { i },
    raw: null,
  };
}

function chain(n: number): AuditRecord[] {
  let tip = EMPTY_CHAIN_TIP;
  const out: AuditRecord[] = [];
  for (let i = 1; i <= n; i += 1) {
    const next = chainRecord(tip, draftToUnchainedRecord(draft(i), redactSecrets), 5_000, sha);
    out.push(next.record);
    tip = next.tip;
  }
  return out;
}

function verify(records: AuditRecord[]) {
  const verifier = createChainVerifier(null, sha);
  for (const r of records) if (!verifier.feed(r)) break;
  return verifier.finish({ kind: 'none' });
}

describe('hash chain (pure)', () => {
  it('links each record to the previous hash, starting at the genesis', () => {
    const records = chain(3);
    expect(records.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(records[0]!.prevHash).toBe(AUDIT_GENESIS_HASH);
    expect(records[1]!.prevHash).toBe(records[0]!.hash);
    expect(verify(records)).toMatchObject({ ok: true, checked: 3, tip: { count: 3, hash: records[2]!.hash } });
  });

  it('an edited summary fails at that event', () => {
    const records = chain(4);
    records[2] = { ...records[2]!, summary: 'nothing to see' };
    expect(verify(records).problem).toMatchObject({ kind: 'hash-mismatch', eventId: 3 });
  });

  it('an edit with a recomputed hash breaks the next link', () => {
    const records = chain(4);
    const { hash: _old, ...rest } = { ...records[1]!, summary: 'forged' };
    records[1] = { ...rest, hash: computeRecordHash(rest, sha) };
    expect(verify(records).problem).toMatchObject({ kind: 'broken-link', eventId: 2 });
  });

  it('a removed event is reported as missing', () => {
    const records = chain(4);
    records.splice(1, 1);
    expect(verify(records).problem).toMatchObject({ kind: 'missing-event', eventId: 2 });
  });

  it('redacts full keys before hashing, keeps partial hints', () => {
    const unchained = draftToUnchainedRecord(
      {
        ...draft(1, 'pasted sk-ant-admin01-TESTabcdefghijklmnopqrstuvwxyz by mistake'),
        after: { hint: 'sk-ant-api03-R2D...igAA', leak: 'sk-ant-api03-TESTabcdefghijklmnop' },
      },
      redactSecrets,
    );
    expect(unchained.summary).not.toContain('TESTabcdefgh');
    expect(unchained.afterJson).toContain('sk-ant-api03-R2D...igAA');
    expect(unchained.afterJson).not.toContain('TESTabcdefghijklmnop');
  });

  it('stored text parses back to the event', () => {
    const [record] = chain(1);
    expect(recordToEvent(record!)).toMatchObject({
      id: 1,
      summary: 'event 1',
      after: { i: 1 },
      actor: { kind: 'local_admin' },
      targets: [],
    });
  });
});

describe('external head', () => {
  const tip = (count: number, hash: string) => ({ lastId: count, count, hash });

  it('vouches for the old end and the pending end of an append, and nothing else', () => {
    const records = chain(2);
    const head = pendingHead(
      confirmedHead(null, tip(1, records[0]!.hash)),
      tip(1, records[0]!.hash),
      tip(2, records[1]!.hash),
      0,
    );
    expect(head.pending).toEqual([{ count: 2, hash: records[1]!.hash }]);
    for (const upTo of [1, 2]) {
      const verifier = createChainVerifier(null, sha);
      records.slice(0, upTo).forEach((r) => verifier.feed(r));
      expect(verifier.finish({ kind: 'file', head }).ok).toBe(true);
    }
    const other = chain(3);
    const verifier = createChainVerifier(null, sha);
    other.forEach((r) => verifier.feed(r));
    expect(verifier.finish({ kind: 'file', head }).problem?.kind).toBe('head-mismatch');
  });

  it('nested appends keep every end that may be committed; an outermost append forgets them', () => {
    const h0 = confirmedHead(null, tip(1, 'a'));
    const h1 = pendingHead(h0, tip(1, 'a'), tip(2, 'b'), 0, true);
    const h2 = pendingHead(h1, tip(2, 'b'), tip(3, 'c'), 0, true);
    expect(h2).toMatchObject({ confirmed: { count: 1 }, pending: [{ count: 2 }, { count: 3 }], mismatch: null });
    expect(pendingHead(h2, tip(3, 'c'), tip(4, 'd'), 0, false)).toMatchObject({
      confirmed: { count: 3 },
      pending: [{ count: 4 }],
    });
  });

  it('an append onto a chain the head does not vouch for is flagged for good', () => {
    const head = pendingHead(confirmedHead(null, tip(5, 'aaa')), tip(9, 'bbb'), tip(10, 'ccc'), 42);
    expect(head.mismatch).toMatchObject({ detectedAtMs: 42, expected: { count: 5 }, found: { count: 9 } });
    expect(confirmedHead(head, tip(10, 'ccc')).mismatch).toEqual(head.mismatch);
  });

  it('a missing head file with events recorded fails verify', () => {
    const verifier = createChainVerifier(null, sha);
    chain(1).forEach((r) => verifier.feed(r));
    expect(verifier.finish({ kind: 'file', head: null }).problem?.kind).toBe('head-missing');
  });
});
