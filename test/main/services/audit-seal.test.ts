/**
 * Where a profile's audit seal is found or made when its mirror opens (services/audit-seal.ts): the keychain beside
 * the admin key; a 0600 file beside the mirror where no keychain answers or the run's key is ANTHROPIC_ADMIN_KEY;
 * never a new one over a trail already keyed. The secret is never in the mirror or its head.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSealSecret, serialiseSealSecret } from '../../../main/core/audit/seal';
import { KeychainUnavailableError } from '../../../main/core/vault/errors';
import { appendAuditEvents } from '../../../main/db/audit/append';
import { AuditSealError } from '../../../main/db/audit/chain-hasher';
import { newSealSecret } from '../../../main/db/audit/hmac';
import { readSealSwitch } from '../../../main/db/audit/seal-switch';
import { verifyAuditChain } from '../../../main/db/audit/verify';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import { findAuditSeal, openAuditSeal, type AuditSealSources } from '../../../main/services/audit-seal';
import { createFailingSecretStore, createMemorySecretStore } from '../../helpers/keyring';
import { findSecretTraces } from '../../helpers/secret-scan';
import { fixedNow, localDraft } from '../db/audit/audit-db';

let dir: string;
let file: string;
let db: MirrorDb;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'audit-seal-'));
  mkdirSync(join(dir, 'profiles'));
  file = join(dir, 'profiles', 'mirror.sqlite');
  db = openMirror(file);
});
afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const append = (from: number, to: number) =>
  appendAuditEvents(
    db,
    Array.from({ length: to - from + 1 }, (_, i) => localDraft(from + i)),
    { now: fixedNow },
  );
const sources = (secrets: AuditSealSources['secrets'], preferKeychain = true): AuditSealSources => ({
  profileId: 'acme',
  secrets,
  preferKeychain,
  sealFile: `${file}.audit-seal`,
});
const unavailable = () =>
  createFailingSecretStore(() => new KeychainUnavailableError('no-service', 'no keychain here'));
/** A keychain that counts how often it is asked (and answers like one that is not there). */
function countingKeychain() {
  const store = {
    asked: 0,
    ...createFailingSecretStore(() => new KeychainUnavailableError('no-service', 'no keychain here')),
  };
  const get = store.get;
  store.get = (account) => ((store.asked += 1), get(account));
  return store;
}

describe('the audit seal at profile open', () => {
  it('with a keychain: kept there beside the key, keys the chain from its next event, never written to the data folder', async () => {
    append(1, 2); // a trail from before sealing
    const secrets = createMemorySecretStore();
    await openAuditSeal(db, sources(secrets));
    const stored = parseSealSecret(secrets.items.get('acme.audit-seal') ?? '');
    expect(stored).toMatchObject({ keyedFromId: 3 });
    expect(existsSync(`${file}.audit-seal`)).toBe(false);
    append(3, 4); // the seal bound at open is used by every writer of this connection
    expect(readSealSwitch(db)).toMatchObject({ keyedFromId: 3, store: 'keychain' });
    db.close();
    expect(findSecretTraces(dir, stored!.secret)).toEqual([]);

    db = openMirror(file, { readonly: true });
    expect(verifyAuditChain(db, { seal: await findAuditSeal(db, sources(secrets)) })).toMatchObject({
      ok: true,
      checked: 4,
      seal: { keyedFromId: 3, store: 'keychain' },
    });
  });

  it('no keychain (locked, absent): a 0600 seal file beside the mirror, recorded as file-protected', async () => {
    append(1, 1);
    const state = await openAuditSeal(db, sources(unavailable()));
    expect(state).toMatchObject({ status: 'sealed', store: 'file', keyedFromId: 2 });
    expect(statSync(`${file}.audit-seal`).mode & 0o777).toBe(0o600);
    append(2, 2);
    expect(readSealSwitch(db)).toMatchObject({ keyedFromId: 2, store: 'file' });
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it('a run on ANTHROPIC_ADMIN_KEY (cron) seals a new trail in the file without asking the keychain', async () => {
    const keychain = countingKeychain();
    await openAuditSeal(db, sources(keychain, false));
    append(1, 1);
    expect(readSealSwitch(db)).toMatchObject({ keyedFromId: 1, store: 'file' });
    db.close();
    // Its next run finds the same seal in the file, again without the keychain.
    db = openMirror(file);
    await openAuditSeal(db, sources(keychain, false));
    append(2, 2);
    expect(verifyAuditChain(db)).toMatchObject({ ok: true, checked: 2 });
    expect(keychain.asked).toBe(0);
  });

  it('never makes a new seal over a keyed trail whose secret is gone: appends are refused, verify says why', async () => {
    const secrets = createMemorySecretStore();
    await openAuditSeal(db, sources(secrets));
    append(1, 2);
    secrets.items.clear();
    db.close();
    db = openMirror(file);
    expect(await openAuditSeal(db, sources(secrets))).toMatchObject({ status: 'none' });
    expect(secrets.items.size).toBe(0);
    expect(() => append(3, 3)).toThrow(AuditSealError);
    expect(verifyAuditChain(db).problem).toMatchObject({
      kind: 'seal-unavailable',
      message: expect.stringMatching(/OS keychain, which could not be read \(it is not there\)/),
    });
  });

  it('a seal file planted beside a trail sealed in the keychain is ignored', async () => {
    const secrets = createMemorySecretStore();
    await openAuditSeal(db, sources(secrets));
    append(1, 2);
    writeFileSync(`${file}.audit-seal`, serialiseSealSecret(newSealSecret(1)), { mode: 0o600 });
    db.close();
    db = openMirror(file);
    expect(await openAuditSeal(db, sources(secrets))).toMatchObject({ status: 'sealed', store: 'keychain' });
    expect(verifyAuditChain(db).ok).toBe(true);
  });

  it("a new mirror (the old one deleted or moved aside) gets a new seal instead of the gone trail's", async () => {
    const stale = serialiseSealSecret(newSealSecret(42));
    const secrets = createMemorySecretStore({ 'acme.audit-seal': stale });
    await openAuditSeal(db, sources(secrets));
    expect(secrets.items.get('acme.audit-seal')).not.toBe(stale);
    expect(parseSealSecret(secrets.items.get('acme.audit-seal')!)).toMatchObject({ keyedFromId: 1 });
    append(1, 1);
    expect(verifyAuditChain(db).ok).toBe(true);
  });
});
