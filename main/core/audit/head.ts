import type { AuditChainTip } from './event';

/**
 * The chain head kept OUTSIDE the database file (`<mirror>.audit-head.json`). Someone who rewrites the whole chain
 * consistently inside the SQLite file still cannot make its end match this.
 *
 * Crash safety: an append writes `{confirmed: old, pending: [new]}` before its transaction commits and
 * `{confirmed: new, pending: []}` after. Whatever moment a crash hits, the database matches one of the marks.
 * Appends inside a caller's transaction (a savepoint) cannot know whether the ends before them are committed, so
 * they add to `pending` instead, keeping the last few.
 */
export interface AuditHeadFile {
  version: 1;
  confirmed: AuditHeadMark;
  pending: AuditHeadMark[];
  /**
   * Set when an append found the database's chain end matching no mark (the file was rewritten, or restored from
   * elsewhere). Kept forever after, so appending more events cannot launder a rewritten chain.
   */
  mismatch: { detectedAtMs: number; expected: AuditHeadMark; found: AuditHeadMark } | null;
}

export interface AuditHeadMark {
  count: number;
  hash: string;
}

/** The head file's name is the mirror's with this added; it belongs to the mirror and goes where the mirror goes. */
export const AUDIT_HEAD_SUFFIX = '.audit-head.json';

/** Ends vouched for while a caller's transaction is open; more than this many nested appends is not expected. */
const MAX_PENDING_MARKS = 8;

export function headMark(tip: AuditChainTip): AuditHeadMark {
  return { count: tip.count, hash: tip.hash };
}

export function sameMark(a: AuditHeadMark | null | undefined, b: AuditHeadMark): boolean {
  return !!a && a.count === b.count && a.hash === b.hash;
}

/** True when the chain's end is one the head file vouches for. */
export function headVouchesFor(head: AuditHeadFile, tip: AuditChainTip): boolean {
  const mark = headMark(tip);
  return sameMark(head.confirmed, mark) || head.pending.some((pending) => sameMark(pending, mark));
}

/**
 * The head file to write before committing an append that moves the chain from `before` to `after`. `nested`: the
 * append runs inside a transaction it does not own, so `before` may itself be uncommitted.
 */
export function pendingHead(
  previous: AuditHeadFile | null,
  before: AuditChainTip,
  after: AuditChainTip,
  nowMs: number,
  nested = false,
): AuditHeadFile {
  const mismatch = carriedMismatch(previous, before, nowMs);
  const beforeIsPending =
    previous !== null && !sameMark(previous.confirmed, headMark(before)) && headVouchesFor(previous, before);
  if (nested && beforeIsPending && previous) {
    return {
      version: 1,
      confirmed: previous.confirmed,
      pending: [...previous.pending, headMark(after)].slice(-MAX_PENDING_MARKS),
      mismatch,
    };
  }
  return { version: 1, confirmed: headMark(before), pending: [headMark(after)], mismatch };
}

export function confirmedHead(previous: AuditHeadFile | null, tip: AuditChainTip): AuditHeadFile {
  return { version: 1, confirmed: headMark(tip), pending: [], mismatch: previous?.mismatch ?? null };
}

/** An earlier mismatch is carried on; a new one is recorded when the chain end is not what the file vouched for. */
function carriedMismatch(
  previous: AuditHeadFile | null,
  before: AuditChainTip,
  nowMs: number,
): AuditHeadFile['mismatch'] {
  if (previous?.mismatch) return previous.mismatch;
  if (previous === null) {
    if (before.count === 0) return null;
    return { detectedAtMs: nowMs, expected: { count: 0, hash: '' }, found: headMark(before) };
  }
  if (headVouchesFor(previous, before)) return null;
  return { detectedAtMs: nowMs, expected: previous.confirmed, found: headMark(before) };
}

export function serialiseHead(head: AuditHeadFile): string {
  return `${JSON.stringify(head, null, 2)}\n`;
}

/** Parses a head file; null when it is not one of ours (treated like a missing file: verify fails). */
export function parseHead(text: string): AuditHeadFile | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(value) || value.version !== 1 || !isMark(value.confirmed)) return null;
  if (!Array.isArray(value.pending) || !value.pending.every(isMark)) return null;
  const mismatch = value.mismatch ?? null;
  if (mismatch !== null && !isRecord(mismatch)) return null;
  return {
    version: 1,
    confirmed: value.confirmed,
    pending: value.pending,
    mismatch: mismatch as AuditHeadFile['mismatch'],
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isMark(value: unknown): value is AuditHeadMark {
  return isRecord(value) && Number.isSafeInteger(value.count) && typeof value.hash === 'string';
}
