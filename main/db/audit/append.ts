import type Database from 'better-sqlite3';
import { chainRecord, draftToUnchainedRecord } from '../../core/audit/chain';
import type { AuditChainTip, AuditEventDraft, AuditHashFn, RedactFn } from '../../core/audit/event';
import { EMPTY_CHAIN_TIP } from '../../core/audit/event';
import type { AuditHeadFile } from '../../core/audit/head';
import { confirmedHead, headMark, pendingHead, sameMark } from '../../core/audit/head';
import type { ComplianceActivity } from '../../core/audit/normalise-compliance';
import { normaliseComplianceActivity } from '../../core/audit/normalise-compliance';
import type { JournalDiffEvent, StoredJournalEventLike } from '../../core/audit/normalise-journal';
import { fromStoredJournalEvent, normaliseJournalEvent } from '../../core/audit/normalise-journal';
import type { LocalAuditAction } from '../../core/audit/normalise-local';
import { normaliseLocalAction } from '../../core/audit/normalise-local';
import type { AuditSealState } from '../../core/audit/seal';
import { NO_SEAL } from '../../core/audit/seal';
import { redactSecrets } from '../../core/redact';
import { INSERT_RECORD_SQL } from './audit-rows';
import { createChainHasher } from './chain-hasher';
import { defaultHeadPath, readHeadFile, writeHeadFile } from './head-file';
import { boundAuditSeal } from './seal-binding';
import { sha256Hex } from './sha256';

/** How the trail is written and checked. Every field has a production default; tests override them. */
export interface AuditStoreOptions {
  /** The plain (unkeyed) chain hash. Default: SHA-256 hex. */
  hash?: AuditHashFn;
  /** The profile's audit seal. Default: the one bound to `db` when its profile was opened (seal-binding.ts), else none. */
  seal?: AuditSealState;
  /** Default: `<mirror>.audit-head.json`; null keeps no external head (in-memory databases). */
  headPath?: string | null;
  /** Default: `redactSecrets` from core/redact. */
  redact?: RedactFn;
  /** The recorded-at clock. Default: Date.now. */
  now?: () => number;
}

export interface ResolvedAuditStoreOptions {
  hash: AuditHashFn;
  seal: AuditSealState;
  headPath: string | null;
  redact: RedactFn;
  now: () => number;
}

export function resolveAuditOptions(db: Database.Database, options: AuditStoreOptions = {}): ResolvedAuditStoreOptions {
  return {
    hash: options.hash ?? sha256Hex,
    seal: options.seal ?? boundAuditSeal(db) ?? NO_SEAL,
    headPath: options.headPath === undefined ? defaultHeadPath(db) : options.headPath,
    redact: options.redact ?? redactSecrets,
    now: options.now ?? Date.now,
  };
}

export interface AuditAppendResult {
  appended: number;
  /** Drafts whose (source, externalId) was already in the trail. */
  skipped: number;
  tip: AuditChainTip;
}

/** Where the chain ends now: its last event, or the purge anchor when none is left, or the genesis. */
export function readAuditTip(db: Database.Database): AuditChainTip {
  const last = db.prepare('SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1').get() as
    { id: number; hash: string } | undefined;
  // Ids are 1, 2, 3, … with no reuse (the insert trigger enforces it), so the last id is also the count ever appended.
  if (last) return { lastId: last.id, hash: last.hash, count: last.id };
  const anchor = db.prepare('SELECT through_id, through_hash FROM audit_anchors ORDER BY id DESC LIMIT 1').get() as
    { through_id: number; through_hash: string } | undefined;
  return anchor ? { lastId: anchor.through_id, hash: anchor.through_hash, count: anchor.through_id } : EMPTY_CHAIN_TIP;
}

/**
 * Appends events to the chain in one IMMEDIATE transaction (a savepoint when the caller already holds one, e.g. the
 * sync engine writing a page and its journal together). Drafts already recorded (same source and externalId) are
 * skipped, so replays are harmless. The external head is written as "pending" before the commit and "confirmed" after.
 */
export function appendAuditEvents(
  db: Database.Database,
  drafts: Iterable<AuditEventDraft>,
  options: AuditStoreOptions = {},
): AuditAppendResult {
  const resolved = resolveAuditOptions(db, options);
  const nested = db.inTransaction;
  const outcome = db.transaction(() => appendInTransaction(db, drafts, resolved, nested)).immediate();
  // Inside a caller's transaction the commit is theirs: the head stays "pending" (verifiable either way) and the
  // next append confirms it.
  if (!nested) confirmHead(resolved, outcome);
  return outcome.result;
}

export interface AppendOutcome {
  result: AuditAppendResult;
  /** The head file written before the commit, or null when nothing was appended or no head is kept. */
  pending: AuditHeadFile | null;
}

/** The body of an append; the caller owns the transaction and must call `confirmHead` after it commits. */
export function appendInTransaction(
  db: Database.Database,
  drafts: Iterable<AuditEventDraft>,
  options: ResolvedAuditStoreOptions,
  /** True when the outermost transaction belongs to someone else (it may yet roll back what came before). */
  nested = false,
): AppendOutcome {
  const { hash, seal, headPath, redact, now } = options;
  const exists = db.prepare('SELECT 1 FROM audit_events WHERE source = ? AND external_id = ?').pluck();
  const insert = db.prepare(INSERT_RECORD_SQL);
  const before = readAuditTip(db);
  const recordedAtMs = now();
  const hashFor = createChainHasher(db, hash, seal, before, recordedAtMs);
  let tip = before;
  let appended = 0;
  let skipped = 0;
  for (const draft of drafts) {
    if (draft.externalId !== null && exists.get(draft.source, draft.externalId) !== undefined) {
      skipped += 1;
      continue;
    }
    const chained = chainRecord(tip, draftToUnchainedRecord(draft, redact), recordedAtMs, hashFor(tip.lastId + 1));
    insert.run(chained.record);
    tip = chained.tip;
    appended += 1;
  }
  let pending: AuditHeadFile | null = null;
  if (headPath !== null && appended > 0) {
    pending = pendingHead(readHeadFile(headPath), before, tip, recordedAtMs, nested);
    writeHeadFile(headPath, pending);
  }
  return { result: { appended, skipped, tip }, pending };
}

/**
 * After the commit: the new end becomes the confirmed head. Another connection (the CLI while the app syncs) may
 * have appended after our commit and written its own pending mark already; the head then no longer lists ours as
 * pending, and confirming ours would move it back, so it is left to that writer.
 */
export function confirmHead(options: ResolvedAuditStoreOptions, outcome: AppendOutcome): void {
  if (outcome.pending === null || options.headPath === null) return;
  const current = readHeadFile(options.headPath);
  const ours = headMark(outcome.result.tip);
  if (current !== null && !current.pending.some((mark) => sameMark(mark, ours))) return;
  writeHeadFile(options.headPath, confirmedHead(current ?? outcome.pending, outcome.result.tip));
}

/** The sync engine's entry point: one call per sync with the journal events it found. */
export function appendJournalEventsToAudit(
  db: Database.Database,
  events: readonly JournalDiffEvent[],
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return appendAuditEvents(db, events.map(normaliseJournalEvent), options);
}

/**
 * The sync engine's stored journal rows (`journal_events`: id, atMs, resource, entityKey, kind, detail), in id
 * order. `describe` may add what a `changed` row lacks, the entity's current name and workspace, from the mirror.
 * Rows already recorded (same journal id) are skipped, so catching up from any point is safe.
 */
export function appendStoredJournalEventsToAudit(
  db: Database.Database,
  rows: readonly StoredJournalEventLike[],
  describe: (row: StoredJournalEventLike) => { name?: string | null; workspaceId?: string | null } = () => ({}),
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return appendAuditEvents(
    db,
    rows.map((row) => normaliseJournalEvent(fromStoredJournalEvent(row, describe(row)))),
    options,
  );
}

/** Compliance feed pages (newest first as the API returns them) are recorded oldest first. */
export function appendComplianceActivitiesToAudit(
  db: Database.Database,
  activities: readonly ComplianceActivity[],
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return appendAuditEvents(db, complianceActivityDrafts(activities), options);
}

/** A feed page (newest first) as drafts in the order they are chained: oldest first, ties by activity id. */
export function complianceActivityDrafts(activities: readonly ComplianceActivity[]): AuditEventDraft[] {
  return activities
    .map(normaliseComplianceActivity)
    .sort((a, b) => a.atMs - b.atMs || compareText(a.externalId, b.externalId));
}

export function recordLocalAuditAction(
  db: Database.Database,
  action: LocalAuditAction,
  options: AuditStoreOptions = {},
): AuditAppendResult {
  return appendAuditEvents(db, [normaliseLocalAction(action)], options);
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '').localeCompare(b ?? '');
}
