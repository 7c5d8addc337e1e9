import { createHmac, randomBytes } from 'node:crypto';
import type { AuditHashFn } from '../../core/audit/event';
import type { AuditSealState, AuditSealSecret, AuditSealStore } from '../../core/audit/seal';

/** The fixed text whose HMAC names a secret (seal.ts `sealId`): says which seal, reveals nothing of it. */
const SEAL_ID_TEXT = 'clade-admin audit seal id v1';

/**
 * The keyed chain hash: HMAC-SHA-256 of the same UTF-8 text the plain chain hashes (chain.ts `hashInput`), lowercase
 * hex, 64 characters like the plain one. node:crypto's HMAC, not a hand-made construction.
 */
export function hmacSha256Hex(secret: string): AuditHashFn {
  const key = Buffer.from(secret, 'base64url');
  return (text) => createHmac('sha256', key).update(text, 'utf8').digest('hex');
}

export function sealIdOf(secret: string): string {
  return hmacSha256Hex(secret)(SEAL_ID_TEXT).slice(0, 32);
}

/** A new secret: 32 bytes from the OS's CSPRNG. */
export function newSealSecret(keyedFromId: number): AuditSealSecret {
  return { secret: randomBytes(32).toString('base64url'), keyedFromId };
}

/** The sealed state for a secret found in `store`: its hash function and fingerprint, never the secret as a value. */
export function sealedState(value: AuditSealSecret, store: AuditSealStore): AuditSealState {
  return {
    status: 'sealed',
    store,
    keyedFromId: value.keyedFromId,
    sealId: sealIdOf(value.secret),
    keyed: hmacSha256Hex(value.secret),
  };
}
