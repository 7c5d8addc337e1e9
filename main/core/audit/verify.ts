import { computeRecordHash } from './chain';
import type { AuditChainTip, AuditHashFn, AuditRecord } from './event';
import { EMPTY_CHAIN_TIP } from './event';
import type { AuditHeadFile } from './head';
import { headVouchesFor } from './head';
import { PURGE_EVENT_TYPE } from './normalise-local';
import type { AuditSealStore, ChainSealing } from './seal';

/** What a retention purge left behind: the chain restarts from the hash of the last event it removed. */
export interface AuditAnchor {
  throughId: number;
  throughHash: string;
  /** Events removed by all purges so far. */
  removedTotal: number;
}

/**
 * What the mirror recorded when its trail began (migration 0360). A profile with one must still have its trail, and
 * the trail must still start with the same event: both fail verify otherwise, whatever the head file says.
 */
export interface AuditTrailMarker {
  startedAtMs: number;
  /** Event 1's hash; null when a retention purge had removed event 1 before the marker existed. */
  firstEventHash: string | null;
}

export type AuditVerifyProblem =
  | { kind: 'hash-mismatch'; eventId: number; message: string }
  | { kind: 'broken-link'; eventId: number; message: string }
  | { kind: 'missing-event'; eventId: number; message: string }
  | { kind: 'anchor-unconfirmed'; eventId: number | null; message: string }
  | { kind: 'trail-missing'; eventId: null; message: string }
  | { kind: 'trail-restarted'; eventId: 1; message: string }
  | { kind: 'head-missing'; eventId: null; message: string }
  | { kind: 'head-mismatch'; eventId: null; message: string }
  | { kind: 'head-flagged'; eventId: null; message: string }
  | { kind: 'seal-conflict'; eventId: null; message: string }
  | { kind: 'seal-unavailable'; eventId: number; message: string };

export interface AuditVerifyResult {
  ok: boolean;
  /** Events whose hashes were recomputed. */
  checked: number;
  /** Where the stored chain ends (as far as it verified). */
  tip: AuditChainTip;
  /** The first problem found, naming the event when one is to blame. */
  problem: AuditVerifyProblem | null;
  /** Where the chain turns keyed, and where its secret is kept; null for a chain that is plain SHA-256 throughout. */
  seal: { keyedFromId: number; store: AuditSealStore | null } | null;
}

/** How the chain's end is checked against the external head: a file's content (null: missing), or not at all. */
export type AuditHeadCheck = { kind: 'file'; head: AuditHeadFile | null } | { kind: 'none' };

/**
 * Recomputes the chain one record at a time (records must come in id order), so a million events stream through
 * without being held. `feed` returns false at the first broken link; `finish` adds the anchor, marker and head
 * checks. `marker`: the profile's record that it has a trail (null: it never had one, so an empty trail is fine).
 * `sealing`: from which event on the chain is keyed and with what (seal.ts `judgeSeal`); null: plain throughout.
 */
export function createChainVerifier(
  anchor: AuditAnchor | null,
  hash: AuditHashFn,
  marker: AuditTrailMarker | null = null,
  sealing: ChainSealing | null = null,
) {
  let tip: AuditChainTip = anchor
    ? { lastId: anchor.throughId, hash: anchor.throughHash, count: anchor.removedTotal }
    : EMPTY_CHAIN_TIP;
  let checked = 0;
  let problem: AuditVerifyProblem | null = null;
  let anchorConfirmed = anchor === null;
  // Judged in `finish`, after the links: event 1 edited and re-hashed is named by event 2's broken link instead.
  let firstEventReplaced = false;
  // Keyed events whose content could not be checked (no secret, or not this chain's): only their links were.
  let firstUnchecked: number | null = null;
  const keyedFromId = sealing?.keyedFromId ?? null;

  function feed(record: AuditRecord): boolean {
    if (problem) return false;
    if (record.id !== tip.lastId + 1) {
      problem = {
        kind: 'missing-event',
        eventId: tip.lastId + 1,
        message: `event ${tip.lastId + 1} is missing (the next stored event is ${record.id})`,
      };
      return false;
    }
    const keyed = keyedFromId !== null && record.id >= keyedFromId;
    const hashFn = keyed ? (sealing?.keyed ?? null) : hash;
    if (hashFn === null) firstUnchecked ??= record.id;
    else if (computeRecordHash(record, hashFn) !== record.hash) {
      problem = {
        kind: 'hash-mismatch',
        eventId: record.id,
        message: keyed
          ? `event ${record.id} was altered: its content does not match its sealed hash (the chain from event ${keyedFromId} on is keyed with the profile's audit seal, so it cannot be recomputed without that secret)`
          : `event ${record.id} was altered: its content does not match its hash`,
      };
      return false;
    }
    if (record.prevHash !== tip.hash) {
      problem = brokenLink(record.id, tip.lastId, anchor);
      return false;
    }
    if (!anchorConfirmed && anchor && confirmsAnchor(record, anchor)) anchorConfirmed = true;
    if (record.id === 1 && marker?.firstEventHash != null && record.hash !== marker.firstEventHash)
      firstEventReplaced = true;
    tip = { lastId: record.id, hash: record.hash, count: tip.count + 1 };
    if (hashFn !== null) checked += 1;
    return true;
  }

  function finish(headCheck: AuditHeadCheck): AuditVerifyResult {
    const result = (found: AuditVerifyProblem | null): AuditVerifyResult => ({
      ok: found === null,
      checked,
      tip,
      problem: found,
      seal: keyedFromId === null ? null : { keyedFromId, store: sealing?.store ?? null },
    });
    if (problem) return result(problem);
    if (!anchorConfirmed && anchor) {
      return result({
        kind: 'anchor-unconfirmed',
        eventId: anchor.throughId,
        message: `events up to ${anchor.throughId} were removed, but no retention-purge event in the chain records that removal`,
      });
    }
    const head = headCheck.kind === 'file' ? headCheck.head : null;
    if (marker && tip.count === 0) return result(trailMissing(marker, headCheck.kind === 'file', head));
    if (marker && firstEventReplaced) {
      return result({
        kind: 'trail-restarted',
        eventId: 1,
        message: `event 1 is not the event this trail began with on ${isoDate(marker.startedAtMs)}: the trail was deleted and a new one started in its place`,
      });
    }
    if (sealing?.conflict) return result({ kind: 'seal-conflict', eventId: null, message: sealing.conflict });
    const headProblem = judgeHead(headCheck, head);
    if (headProblem) return result(headProblem);
    // Last: everything that could be checked was; a keyed part that could not be is still no "OK" (an attacker who can
    // hide the secret must not get one).
    if (firstUnchecked !== null)
      return result({
        kind: 'seal-unavailable',
        eventId: firstUnchecked,
        message: `${sealing?.unavailable ?? 'the audit seal is not available'}, so events ${firstUnchecked} to ${tip.lastId} could not be checked (only their links were)`,
      });
    return result(null);
  }

  function judgeHead(headCheck: AuditHeadCheck, head: AuditHeadFile | null): AuditVerifyProblem | null {
    if (headCheck.kind === 'none') return null;
    if (head === null) {
      if (tip.count === 0) return null;
      return {
        kind: 'head-missing',
        eventId: null,
        message: 'the external chain head file is missing or unreadable, so a rewritten chain could not be detected',
      };
    }
    if (head.mismatch) {
      return {
        kind: 'head-flagged',
        eventId: null,
        message: `an append at ${new Date(head.mismatch.detectedAtMs).toISOString()} found the chain ending at ${head.mismatch.found.count} events, not at the ${head.mismatch.expected.count} the head file recorded`,
      };
    }
    if (!headVouchesFor(head, tip)) {
      return {
        kind: 'head-mismatch',
        eventId: null,
        message: `the chain ends at ${tip.count} events (hash ${tip.hash.slice(0, 12)}…), but the external head records ${head.confirmed.count} events (hash ${head.confirmed.hash.slice(0, 12)}…): the chain was rewritten or truncated`,
      };
    }
    return null;
  }

  return { feed, finish };
}

/** The profile had a trail and none of it is left: says which of the two stores is gone. */
function trailMissing(marker: AuditTrailMarker, headChecked: boolean, head: AuditHeadFile | null): AuditVerifyProblem {
  const began = `this profile's audit trail began on ${isoDate(marker.startedAtMs)}, but the mirror holds none of its events`;
  let rest = '';
  if (headChecked && head === null) rest = ' and the external chain head file is missing too: the trail was deleted';
  else if (head !== null) rest = `, while the external head records ${head.confirmed.count} events: they were deleted`;
  return { kind: 'trail-missing', eventId: null, message: `${began}${rest}` };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * A record whose own hash is right but whose previous-hash is not: the previous event was edited and re-hashed (the
 * usual case, so it is the one named), or this one was re-linked.
 */
function brokenLink(eventId: number, previousId: number, anchor: AuditAnchor | null): AuditVerifyProblem {
  if (previousId === 0 || (anchor && previousId === anchor.throughId)) {
    const start = previousId === 0 ? 'the start of the chain' : 'the retention-purge anchor';
    return {
      kind: 'broken-link',
      eventId,
      message: `event ${eventId} does not follow ${start}: its previous-hash does not match`,
    };
  }
  return {
    kind: 'broken-link',
    eventId: previousId,
    message: `event ${previousId} was altered and re-hashed (or event ${eventId} re-linked): event ${eventId}'s previous-hash does not match event ${previousId}'s hash`,
  };
}

/** A retention-purge event names the anchor it left: its `after` carries the removed range and hash. */
function confirmsAnchor(record: AuditRecord, anchor: AuditAnchor): boolean {
  if (record.source !== 'local' || record.type !== PURGE_EVENT_TYPE || record.afterJson === null) return false;
  try {
    const after = JSON.parse(record.afterJson) as { throughId?: unknown; throughHash?: unknown };
    return after.throughId === anchor.throughId && after.throughHash === anchor.throughHash;
  } catch {
    return false;
  }
}
