/**
 * The audit seal: a per-profile secret that keys the chain (HMAC-SHA-256 over the same text as the plain hash), so
 * that rewriting events and recomputing the chain and its head takes the secret, not only write access to the data
 * folder. The secret is kept outside the mirror: in the OS keychain beside the admin key, or, where no keychain is
 * reachable (a cron run with ANTHROPIC_ADMIN_KEY), in a 0600 file beside the mirror ("file-protected").
 *
 * A chain that began unkeyed stays as it was up to its switch point: the mirror records (migration 0370) the first
 * event chained keyed, and the stored secret carries the same id, so a mirror whose switch record was removed (to pass
 * off a re-chained, unkeyed trail) disagrees with its seal.
 */
import type { AuditHashFn } from './event';

export type AuditSealStore = 'keychain' | 'file';

/** The file-protected seal's name is the mirror's with this added (0600); it goes where the mirror goes. */
export const AUDIT_SEAL_FILE_SUFFIX = '.audit-seal';

/** The keychain account of a profile's seal, beside its admin key's (account = profile id, which has no dot). */
export function auditSealAccount(profileId: string): string {
  return `${profileId}.audit-seal`;
}

/** What the seal's store holds: the secret and the first event id it keys. */
export interface AuditSealSecret {
  /** 32 random bytes, base64url. */
  secret: string;
  keyedFromId: number;
}

/** The mirror's record of the switch (audit_seal_switch): from which event on the chain is keyed, and by which seal. */
export interface AuditSealSwitch {
  keyedFromId: number;
  switchedAtMs: number;
  /** A fingerprint of the secret (an HMAC of a fixed text), so a different secret is told from altered events. */
  sealId: string;
  store: AuditSealStore;
}

/**
 * What the profile's open found: the seal (as its keyed hash function: the secret itself is never held in a value
 * that could be logged or serialised), or why there is none.
 */
export type AuditSealState =
  | { status: 'sealed'; store: AuditSealStore; keyedFromId: number; sealId: string; keyed: AuditHashFn }
  /** The store could not be read (keychain locked, absent, not answering). */
  | { status: 'unavailable'; store: AuditSealStore | null; reason: string }
  /** Nothing stored: an unkeyed trail, or a seal lost. */
  | { status: 'none' };

export const NO_SEAL: AuditSealState = { status: 'none' };

const SEAL_VALUE_VERSION = 1;

export function serialiseSealSecret(value: AuditSealSecret): string {
  return JSON.stringify({ v: SEAL_VALUE_VERSION, secret: value.secret, keyedFromId: value.keyedFromId });
}

/** Null when the text is not one of ours (treated as no seal: it cannot key anything). */
export function parseSealSecret(text: string): AuditSealSecret | null {
  try {
    const value = JSON.parse(text) as { v?: unknown; secret?: unknown; keyedFromId?: unknown };
    if (value.v !== SEAL_VALUE_VERSION || typeof value.secret !== 'string' || value.secret.length < 43) return null;
    if (!Number.isSafeInteger(value.keyedFromId) || (value.keyedFromId as number) < 1) return null;
    return { secret: value.secret, keyedFromId: value.keyedFromId as number };
  } catch {
    return null;
  }
}

/** How one chain is to be hashed, as far as the seal and the mirror's switch record agree. */
export interface ChainSealing {
  /** First keyed event id, or null: the whole chain is plain SHA-256. */
  keyedFromId: number | null;
  /** The keyed hash; null when the chain is keyed but the secret is missing or not this chain's. */
  keyed: AuditHashFn | null;
  /** Why the keyed part cannot be checked or written (null when it can, or there is none). */
  unavailable: string | null;
  /** A disagreement between the seal and the mirror that is itself a finding (verify fails on it). */
  conflict: string | null;
  store: AuditSealStore | null;
}

/**
 * Compares the seal found with the mirror's switch record. `lastId`: where the chain ends now. A seal that keys events
 * the mirror holds (keyedFromId ≤ lastId) while the mirror records no switch means the switch record was removed and
 * those events re-chained without the seal.
 */
export function judgeSeal(record: AuditSealSwitch | null, seal: AuditSealState, lastId: number): ChainSealing {
  const plain: ChainSealing = { keyedFromId: null, keyed: null, unavailable: null, conflict: null, store: null };
  if (record === null) {
    if (seal.status !== 'sealed' || seal.keyedFromId > lastId) return plain;
    return {
      ...plain,
      store: seal.store,
      conflict: `the audit seal in the ${storeName(seal.store)} keys this trail from event ${seal.keyedFromId}, but the mirror records no switch to the seal: events from ${seal.keyedFromId} on were re-chained without it`,
    };
  }
  const keyedPart = { ...plain, keyedFromId: record.keyedFromId, store: record.store };
  if (seal.status === 'sealed') {
    if (seal.sealId !== record.sealId)
      return {
        ...keyedPart,
        conflict: `the audit seal in the ${storeName(seal.store)} is not the one this trail was sealed with on ${new Date(record.switchedAtMs).toISOString()}`,
      };
    if (seal.keyedFromId !== record.keyedFromId)
      return {
        ...keyedPart,
        conflict: `the mirror says the trail is keyed from event ${record.keyedFromId}, but its seal says from event ${seal.keyedFromId}: the switch record was changed`,
      };
    return { ...keyedPart, keyed: seal.keyed };
  }
  const where = storeName(record.store);
  const why = seal.status === 'unavailable' ? `: ${seal.reason}` : ' (it is not there)';
  return {
    ...keyedPart,
    unavailable: `the trail is sealed from event ${record.keyedFromId} with a secret kept in the ${where}, which could not be read${why}`,
  };
}

export function storeName(store: AuditSealStore): string {
  return store === 'keychain' ? 'OS keychain' : 'seal file beside the mirror';
}
