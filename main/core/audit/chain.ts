import { canonicalJson } from './canonical-json';
import type {
  AuditChainTip,
  AuditEvent,
  AuditEventDraft,
  AuditHashFn,
  AuditRecord,
  JsonValue,
  RedactFn,
} from './event';

/** Bumped only with a migration that re-chains: old events keep verifying under the version they were written with. */
const HASH_FORMAT_VERSION = 1;

/** The text that is hashed for one record: every stored field in a fixed order, previous hash included. */
export function hashInput(record: Omit<AuditRecord, 'hash'>): string {
  return JSON.stringify([
    HASH_FORMAT_VERSION,
    record.id,
    record.atMs,
    record.recordedAtMs,
    record.source,
    record.type,
    record.externalId,
    record.actorJson,
    record.workspaceId,
    record.keyId,
    record.targetsJson,
    record.summary,
    record.beforeJson,
    record.afterJson,
    record.rawJson,
    record.prevHash,
  ]);
}

export function computeRecordHash(record: Omit<AuditRecord, 'hash'>, hash: AuditHashFn): string {
  return hash(hashInput(record));
}

/**
 * The stored form of a draft, redacted (summary, names, and every string inside before/after/raw), without its
 * chain fields. Redaction happens here, before hashing, so the chain vouches for exactly what is on disk.
 */
export function draftToUnchainedRecord(
  draft: AuditEventDraft,
  redact: RedactFn,
): Omit<AuditRecord, 'id' | 'recordedAtMs' | 'prevHash' | 'hash'> {
  if (!Number.isSafeInteger(draft.atMs))
    throw new Error(`audit event time must be integer epoch ms, got ${draft.atMs}`);
  const json = (value: JsonValue | null | undefined): string | null =>
    value === null || value === undefined ? null : redact(canonicalJson(value));
  return {
    atMs: draft.atMs,
    source: draft.source,
    type: draft.type,
    externalId: draft.externalId,
    actorJson: draft.actor ? redact(canonicalJson(draft.actor)) : null,
    workspaceId: draft.workspaceId,
    keyId: draft.keyId,
    targetsJson: redact(canonicalJson(draft.targets)),
    summary: redact(draft.summary),
    beforeJson: json(draft.before),
    afterJson: json(draft.after),
    rawJson: json(draft.raw),
  };
}

/** Chains one record after `tip`: assigns the next id, the previous hash and its own hash. */
export function chainRecord(
  tip: AuditChainTip,
  unchained: Omit<AuditRecord, 'id' | 'recordedAtMs' | 'prevHash' | 'hash'>,
  recordedAtMs: number,
  hash: AuditHashFn,
): { record: AuditRecord; tip: AuditChainTip } {
  const withoutHash = { ...unchained, id: tip.lastId + 1, recordedAtMs, prevHash: tip.hash };
  const record: AuditRecord = { ...withoutHash, hash: computeRecordHash(withoutHash, hash) };
  return { record, tip: { lastId: record.id, hash: record.hash, count: tip.count + 1 } };
}

/** Parses a stored record back into an event (the stored JSON is trusted to parse: it was written canonical). */
export function recordToEvent(record: AuditRecord): AuditEvent {
  const parse = (text: string | null): JsonValue | null => (text === null ? null : (JSON.parse(text) as JsonValue));
  return {
    id: record.id,
    atMs: record.atMs,
    recordedAtMs: record.recordedAtMs,
    source: record.source as AuditEvent['source'],
    type: record.type,
    externalId: record.externalId,
    actor: parse(record.actorJson) as AuditEvent['actor'],
    workspaceId: record.workspaceId,
    keyId: record.keyId,
    targets: (parse(record.targetsJson) ?? []) as unknown as AuditEvent['targets'],
    summary: record.summary,
    before: parse(record.beforeJson),
    after: parse(record.afterJson),
    raw: parse(record.rawJson),
    prevHash: record.prevHash,
    hash: record.hash,
  };
}
