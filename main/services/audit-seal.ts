/**
 * Finds (and on a writable open, creates) a profile's audit seal and binds it to the open mirror, once per open, so
 * every writer of the trail uses it without touching the keychain again (db/audit/seal-binding.ts).
 *
 * Where the secret is kept:
 * - The OS keychain, beside the admin key (account `<profile>.audit-seal`), through the secret-store port.
 * - Where no keychain is reachable, or the run's admin key comes from ANTHROPIC_ADMIN_KEY (cron), a 0600 file beside
 *   the mirror: "file-protected". A trail sealed in the keychain always looks there (its switch record says so), so a
 *   seal file planted next to it is ignored.
 * A seal is never created over a trail that is already keyed: a lost secret is reported, not replaced.
 */
import type Database from 'better-sqlite3';
import type { AuditSealSecret, AuditSealState, AuditSealStore } from '../core/audit/seal';
import { auditSealAccount, NO_SEAL, parseSealSecret, serialiseSealSecret } from '../core/audit/seal';
import { redactSecrets } from '../core/redact';
import type { SecretStorePort } from '../core/vault/ports';
import { readAuditTip } from '../db/audit/append';
import { newSealSecret, sealedState } from '../db/audit/hmac';
import { bindAuditSeal } from '../db/audit/seal-binding';
import { readSealFile, writeSealFile } from '../db/audit/seal-file';
import { readSealSwitch } from '../db/audit/seal-switch';
import { readAuditTrailMarker } from '../db/audit/trail-marker';

export interface AuditSealSources {
  profileId: string;
  secrets: SecretStorePort;
  /**
   * Whether a new seal goes to the keychain (and an unkeyed trail looks there first): true when the run's admin key
   * is the keychain's, false for a run on ANTHROPIC_ADMIN_KEY, which may have no keychain at all (cron).
   */
  preferKeychain: boolean;
  /** `<mirror>.audit-seal`. */
  sealFile: string;
}

/** Reads the seal without creating one (verify): the state to check the trail with. */
export async function findAuditSeal(db: Database.Database, sources: AuditSealSources): Promise<AuditSealState> {
  return (await lookUp(db, sources)).state;
}

/**
 * The seal for a writable open: the one found, or a new one keying the chain from its next event (its switch is
 * recorded with that event, db/audit/chain-hasher.ts). Bound to `db` before it returns.
 */
export async function openAuditSeal(db: Database.Database, sources: AuditSealSources): Promise<AuditSealState> {
  const found = await lookUp(db, sources);
  const state = found.mayCreate ? await createSeal(db, sources, found.keychainReadable) : found.state;
  bindAuditSeal(db, state);
  return state;
}

interface LookUp {
  state: AuditSealState;
  /** True when a new seal may be made: the trail is not keyed and no seal applies to it. */
  mayCreate: boolean;
  keychainReadable: boolean;
}

async function lookUp(db: Database.Database, sources: AuditSealSources): Promise<LookUp> {
  const record = readSealSwitch(db);
  if (record) {
    const state =
      record.store === 'keychain' ? (await readKeychain(sources)).state : readFileSeal(sources.sealFile, record.store);
    return { state, mayCreate: false, keychainReadable: false };
  }
  const keychain = sources.preferKeychain
    ? await readKeychain(sources)
    : { state: NO_SEAL, readable: false, value: null };
  const file = readSealFile(sources.sealFile);
  const value: { value: AuditSealSecret; store: AuditSealStore } | null = keychain.value
    ? { value: keychain.value, store: 'keychain' }
    : file
      ? { value: file, store: 'file' }
      : null;
  if (value === null) return { state: keychain.state, mayCreate: true, keychainReadable: keychain.readable };
  const next = readAuditTip(db).lastId + 1;
  // A seal naming a later event than this new trail's first belongs to a mirror that is gone (deleted, moved aside):
  // a new trail gets a new seal. Any other seal applies, and the chain hasher and verify judge it (seal.ts).
  const staleForNewTrail = value.value.keyedFromId !== next && next === 1 && readAuditTrailMarker(db) === null;
  return {
    state: sealedState(value.value, value.store),
    mayCreate: staleForNewTrail,
    keychainReadable: keychain.readable,
  };
}

async function readKeychain(
  sources: AuditSealSources,
): Promise<{ state: AuditSealState; readable: boolean; value: AuditSealSecret | null }> {
  try {
    const text = await sources.secrets.get(auditSealAccount(sources.profileId));
    const value = text === null ? null : parseSealSecret(text);
    return { state: value ? sealedState(value, 'keychain') : NO_SEAL, readable: true, value };
  } catch (error) {
    const reason = redactSecrets(error instanceof Error ? error.message : String(error));
    return { state: { status: 'unavailable', store: 'keychain', reason }, readable: false, value: null };
  }
}

function readFileSeal(path: string, store: AuditSealStore): AuditSealState {
  try {
    const value = readSealFile(path);
    return value ? sealedState(value, store) : NO_SEAL;
  } catch (error) {
    const reason = redactSecrets(error instanceof Error ? error.message : String(error));
    return { status: 'unavailable', store, reason };
  }
}

/** A new secret keying the chain from its next event: in the keychain when it answers, else in the 0600 file. */
async function createSeal(
  db: Database.Database,
  sources: AuditSealSources,
  keychainReadable: boolean,
): Promise<AuditSealState> {
  const value = newSealSecret(readAuditTip(db).lastId + 1);
  if (sources.preferKeychain && keychainReadable) {
    const account = auditSealAccount(sources.profileId);
    try {
      await sources.secrets.set(account, serialiseSealSecret(value));
      // Two first opens at once: the keychain keeps the last write, and both go on with what it holds.
      const kept = parseSealSecret((await sources.secrets.get(account)) ?? '');
      if (kept) return sealedState(kept, 'keychain');
    } catch {
      // The keychain answered a read but refused the write: the file keeps the seal instead (status says so).
    }
  }
  return sealedState(writeSealFile(sources.sealFile, value, readSealFile(sources.sealFile) !== null), 'file');
}
