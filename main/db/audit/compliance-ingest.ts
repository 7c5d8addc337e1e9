/**
 * Reads the Compliance API activity feed into the audit trail, incrementally: page by page from the
 * mark kept in `audit_ingest_marks` ('compliance'), each page's events and the mark that covers them committed in
 * one transaction, so a crash or an error between pages leaves nothing half-written and the next sync resumes
 * where the last committed page ended (and the trail skips any activity it already holds).
 *
 * Whether the org's key can read the feed at all is remembered in the profile setting `compliance.probe`: a
 * refusal (403, 404, "not enabled") is asked again after 6 h or on a full sync; a 200 marks the feed available. A 401 is the
 * key itself unless `verifyKey` shows the key still works elsewhere (then the feed refused this key).
 */
import type Database from 'better-sqlite3';
import { isAdminApiError, type AdminApiError } from '../../core/api-error';
import {
  advanceComplianceWalk,
  COMPLIANCE_PAGE_LIMIT,
  firstWalkQuery,
  isComplianceRefusal,
  nextComplianceProbeAtMs,
  parseComplianceMark,
  serialiseComplianceMark,
  shouldAskComplianceFeed,
  type ComplianceFeedPort,
  type ComplianceFeedQuery,
} from '../../core/audit/compliance-feed';
import { readProfileSetting, writeProfileSetting } from '../settings/profile-settings';
import type { AuditStoreOptions } from './append';
import { appendInTransaction, complianceActivityDrafts, confirmHead, resolveAuditOptions } from './append';
import { readIngestMark, writeIngestMark } from './ingest-marks';
import { learnOwnAdminKeys } from './own-admin-keys';

export type ComplianceIngestOutcome =
  /** The feed answered; the trail is up to date with it. */
  | 'ingested'
  /** The feed refused this org's key; remembered for 6 h. */
  | 'refused'
  /** Not asked: a refusal less than 6 h old. */
  | 'skipped'
  /** A failure worth retrying (5xx, network, malformed page); pages before it are kept. */
  | 'error'
  /** The admin key itself was refused (401 confirmed). */
  | 'credential_invalid';

export interface ComplianceIngestResult {
  outcome: ComplianceIngestOutcome;
  pages: number;
  appended: number;
  /** HTTP requests this ingest sent (retries included). */
  requests: number;
  detail: string | null;
  /** The API error behind `refused`, `error` or `credential_invalid`. */
  error: AdminApiError | null;
}

export interface ComplianceIngestOptions {
  /** The sync's clock (probe times, mark times). */
  now: () => number;
  /** A full sync asks a feed that refused us again at once. */
  full?: boolean;
  /** Default: the feed's maximum, 5000. */
  pageLimit?: number;
  /**
   * Called on a 401 from the feed: resolves when the key still works on the Admin API (so the feed refused this
   * key), throws when the key is refused there too. Without it, a 401 counts as the key being refused.
   */
  verifyKey?: () => Promise<void>;
  /** After each stored page: pages so far and activities appended so far (the sync's progress line). */
  onPage?: (pages: number, appended: number) => void;
  audit?: AuditStoreOptions;
}

export async function ingestComplianceFeed(
  db: Database.Database,
  feed: ComplianceFeedPort,
  options: ComplianceIngestOptions,
): Promise<ComplianceIngestResult> {
  const requestsBefore = feed.requestCount();
  const probe = readProfileSetting(db, 'compliance.probe');
  const tally = { pages: 0, appended: 0 };
  const result = (
    outcome: ComplianceIngestOutcome,
    detail: string | null,
    error: AdminApiError | null = null,
  ): ComplianceIngestResult => ({
    outcome,
    ...tally,
    requests: feed.requestCount() - requestsBefore,
    detail,
    error,
  });
  if (!shouldAskComplianceFeed(probe, options.now(), options.full ?? false)) {
    const next = nextComplianceProbeAtMs(probe);
    return result(
      'skipped',
      `refused ${iso(probe?.checkedAtMs)}${probe?.detail ? ` (${probe.detail})` : ''}; asked again after ${iso(next)}`,
    );
  }

  const limit = Math.min(COMPLIANCE_PAGE_LIMIT, Math.max(1, options.pageLimit ?? COMPLIANCE_PAGE_LIMIT));
  const resolved = resolveAuditOptions(db, { now: options.now, ...options.audit });
  let mark = parseComplianceMark(readIngestMark(db, 'compliance'));
  let query: ComplianceFeedQuery | null = firstWalkQuery(mark, limit);
  // A walk resumed from an earlier sync ends where that walk began; a fresh walk from the top follows it.
  let resumed = mark.walk !== null;
  let markedAvailable = false;
  while (query !== null) {
    let page;
    try {
      page = await feed.page(query);
    } catch (e) {
      // The adapter turns every HTTP failure into an AdminApiError; anything else is a fault of ours in reading the
      // feed, which must not take the sync down with it (the pages stored so far stay).
      if (!isAdminApiError(e))
        return result('error', `reading the feed failed: ${e instanceof Error ? e.message : String(e)}`);
      return await failure(db, e, options, result);
    }
    const drafts = complianceActivityDrafts(page.activities);
    const pageTopAtMs = drafts.length === 0 ? null : Math.max(...drafts.map((d) => d.atMs));
    const advanced = advanceComplianceWalk(mark, query, page, pageTopAtMs);
    const nowMs = options.now();
    const nested = db.inTransaction;
    const outcome = db
      .transaction(() => {
        const appended = appendInTransaction(db, drafts, resolved, nested);
        writeIngestMark(db, 'compliance', serialiseComplianceMark(advanced.mark), nowMs);
        // Our own report reads are told apart by the key that made them (own-admin-keys.ts).
        learnOwnAdminKeys(db, drafts, nowMs);
        if (!markedAvailable)
          writeProfileSetting(db, 'compliance.probe', { status: 'available', checkedAtMs: nowMs, detail: null }, nowMs);
        return appended;
      })
      .immediate();
    if (!nested) confirmHead(resolved, outcome);
    markedAvailable = true;
    tally.pages += 1;
    tally.appended += outcome.result.appended;
    options.onPage?.(tally.pages, tally.appended);
    mark = advanced.mark;
    query = advanced.next;
    if (query === null && resumed) {
      resumed = false;
      query = firstWalkQuery(mark, limit);
    }
  }
  return result('ingested', null);
}

async function failure(
  db: Database.Database,
  e: AdminApiError,
  options: ComplianceIngestOptions,
  result: (
    outcome: ComplianceIngestOutcome,
    detail: string | null,
    error?: AdminApiError | null,
  ) => ComplianceIngestResult,
): Promise<ComplianceIngestResult> {
  const described = `${e.status ?? e.kind} on ${e.endpoint}${e.requestId ? ` (request ${e.requestId})` : ''}: ${e.message}`;
  if (e.kind === 'unauthorized') {
    if (!options.verifyKey) return result('credential_invalid', described, e);
    try {
      await options.verifyKey();
    } catch (verifyError) {
      if (isAdminApiError(verifyError) && verifyError.kind === 'unauthorized')
        return result('credential_invalid', described, verifyError);
      // The check itself failed (network): we learnt nothing about the key; try the feed again next sync.
      return result('error', described, e);
    }
    return refused(db, e, options, result, described);
  }
  if (isComplianceRefusal(e)) return refused(db, e, options, result, described);
  return result('error', described, e);
}

function refused(
  db: Database.Database,
  e: AdminApiError,
  options: ComplianceIngestOptions,
  result: (
    outcome: ComplianceIngestOutcome,
    detail: string | null,
    error?: AdminApiError | null,
  ) => ComplianceIngestResult,
  described: string,
): ComplianceIngestResult {
  const nowMs = options.now();
  writeProfileSetting(
    db,
    'compliance.probe',
    { status: 'refused', checkedAtMs: nowMs, detail: `${e.status ?? e.kind}: ${e.message}` },
    nowMs,
  );
  return result('refused', `not available for this organization (${described})`, e);
}

function iso(ms: number | null | undefined): string {
  return ms == null ? 'never' : new Date(ms).toISOString();
}
