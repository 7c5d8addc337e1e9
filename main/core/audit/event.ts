/**
 * The audit trail's event model. One trail holds three sources: the Compliance API's
 * activity feed (`compliance`), the sync engine's change journal (`journal`) and the admin's own actions in the app
 * (`local`). Events are insert-only and hash-chained: each carries the previous event's hash.
 */

export type AuditSource = 'compliance' | 'journal' | 'local';
export const AUDIT_SOURCES: readonly AuditSource[] = ['compliance', 'journal', 'local'];

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** Who did it. `kind` is the actor's type without the API's `_actor` suffix (`user`, `api_key`, `local_admin`, …). */
export interface AuditActor {
  kind: string;
  id?: string;
  email?: string;
  name?: string;
}

/** What it was done to. `id` may be absent when the feed names a target only by e-mail (an invite being sent). */
export interface AuditTarget {
  type: string;
  id?: string;
  name?: string;
}

/** An event before it is chained: what the normalisers produce and the append function accepts. */
export interface AuditEventDraft {
  atMs: number;
  source: AuditSource;
  type: string;
  /** The event's identity in its source (activity id, journal key); a second append of the same one is skipped. */
  externalId: string | null;
  actor: AuditActor | null;
  workspaceId: string | null;
  keyId: string | null;
  targets: AuditTarget[];
  /** Human text, redacted before storage. */
  summary: string;
  before: JsonValue | null;
  after: JsonValue | null;
  /** The raw feed activity (compliance events only). */
  raw: JsonValue | null;
}

/** A stored event: the draft plus its place in the chain. */
export interface AuditEvent extends AuditEventDraft {
  /** Chain position: 1, 2, 3, … never reused (a purge removes a prefix and leaves an anchor). */
  id: number;
  /** When this app recorded it (feed events arrive after they happened). */
  recordedAtMs: number;
  prevHash: string;
  hash: string;
}

/**
 * The exact text that is stored and hashed. Structured fields are canonical JSON, so verify hashes what is on disk
 * byte for byte and never depends on re-serialising.
 */
export interface AuditRecord {
  id: number;
  atMs: number;
  recordedAtMs: number;
  source: string;
  type: string;
  externalId: string | null;
  actorJson: string | null;
  workspaceId: string | null;
  keyId: string | null;
  targetsJson: string;
  summary: string;
  beforeJson: string | null;
  afterJson: string | null;
  rawJson: string | null;
  prevHash: string;
  hash: string;
}

/** The previous-hash of the first event ever recorded. The SQL insert trigger uses the same literal. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** Where the chain currently ends: the last event (or the purge anchor when every event was purged). */
export interface AuditChainTip {
  lastId: number;
  hash: string;
  /** Events ever appended, purged ones included. */
  count: number;
}

export const EMPTY_CHAIN_TIP: AuditChainTip = { lastId: 0, hash: AUDIT_GENESIS_HASH, count: 0 };

/** A hash function over text (hex digest). Passed in: core stays free of node:crypto. */
export type AuditHashFn = (text: string) => string;

/** A text redaction function (main/core/redact.ts `redactSecrets`), applied to everything stored. */
export type RedactFn = (text: string) => string;
