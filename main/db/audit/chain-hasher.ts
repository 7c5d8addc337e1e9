import type Database from 'better-sqlite3';
import type { AuditChainTip, AuditHashFn } from '../../core/audit/event';
import type { AuditSealState } from '../../core/audit/seal';
import { judgeSeal } from '../../core/audit/seal';
import { readSealSwitch, recordSealSwitch } from './seal-switch';

/** An append refused because the trail is keyed and its seal is missing, not this trail's, or disagrees with it. */
export class AuditSealError extends Error {
  override name = 'AuditSealError';
}

/**
 * Picks the hash for each event an append chains: plain SHA-256 before the switch point, the seal's HMAC from it on.
 * With a seal and no switch yet, the switch is recorded just before the event the seal names (its `keyedFromId`,
 * which the open chose as the chain's next id), in the append's own transaction. Refuses (throws AuditSealError)
 * rather than append to a keyed chain without its secret: a plain event there would break the chain for good.
 */
export function createChainHasher(
  db: Database.Database,
  plain: AuditHashFn,
  seal: AuditSealState,
  before: AuditChainTip,
  nowMs: number,
): (id: number) => AuditHashFn {
  const record = readSealSwitch(db);
  const sealing = judgeSeal(record, seal, before.lastId);
  if (sealing.conflict) throw new AuditSealError(`${sealing.conflict}; nothing was appended to the audit trail`);
  let keyedFromId = sealing.keyedFromId;
  let keyed = sealing.keyed;
  return (id) => {
    if (keyedFromId === null && seal.status === 'sealed' && id === seal.keyedFromId) {
      recordSealSwitch(db, { keyedFromId: id, switchedAtMs: nowMs, sealId: seal.sealId, store: seal.store });
      keyedFromId = id;
      keyed = seal.keyed;
    }
    if (keyedFromId === null || id < keyedFromId) return plain;
    if (keyed === null)
      throw new AuditSealError(`${sealing.unavailable ?? 'the audit seal is not available'}; nothing was appended`);
    return keyed;
  };
}
