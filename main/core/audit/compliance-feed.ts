/**
 * The Compliance API activity feed as the audit trail reads it (admin-api.md §5): the port an adapter implements,
 * the incremental mark kept between syncs, and when to ask again after a refusal. Pure: no network, no database.
 *
 * The feed lists newest first and pages towards older activities with `after_id`. An activity may become
 * queryable up to about a minute after its `created_at` (admin-api.md §5), and several share a millisecond, so an
 * id cursor at the newest activity would miss late ones. Each sync therefore WALKS the feed from the top down to
 * `created_at.gte` = (newest activity already held − an overlap), skipping what the trail holds; the first sync
 * walks it all. Each page's events and the walk's position are committed together, so a walk cut short (error,
 * crash) resumes after its last stored page; only a finished walk moves the newest mark.
 */
import type { ComplianceActivity } from './normalise-compliance';

export interface ComplianceFeedQuery {
  /** Older than this activity (the next page of a walk). */
  afterId?: string;
  /** Only activities created at or after this time (epoch ms), sent as `created_at.gte`. */
  createdAtGteMs?: number;
  limit: number;
}

export interface ComplianceFeedPage {
  activities: ComplianceActivity[];
  hasMore: boolean;
  firstId: string | null;
  lastId: string | null;
  requestId: string | null;
}

/** One page of `GET /v1/compliance/activities`; throws the core's AdminApiError on any HTTP failure. */
export interface ComplianceFeedPort {
  /** HTTP requests sent so far by this client, retries included. */
  requestCount(): number;
  page(query: ComplianceFeedQuery): Promise<ComplianceFeedPage>;
}

/** The feed's maximum page (admin-api.md §5): the fewest requests per sync. */
export const COMPLIANCE_PAGE_LIMIT = 5000;

/** How far back a walk re-reads behind the newest activity held: late activities land there. */
export const COMPLIANCE_OVERLAP_MS = 60 * 60 * 1000;

export interface ComplianceWalk {
  /** The walk's lower bound (`created_at.gte`), null for the whole feed. */
  sinceMs: number | null;
  /** The last activity of the last stored page: the walk resumes after it. */
  cursor: string;
  /** The newest `created_at` this walk has seen (its first page's top). */
  topAtMs: number | null;
}

export interface ComplianceMark {
  /** The newest `created_at` held after the last finished walk; null before the first one finished. */
  newestAtMs: number | null;
  /** A walk cut short, to resume; null when none is under way. */
  walk: ComplianceWalk | null;
}

export const EMPTY_COMPLIANCE_MARK: ComplianceMark = { newestAtMs: null, walk: null };

export function parseComplianceMark(text: string | null): ComplianceMark {
  if (text === null) return EMPTY_COMPLIANCE_MARK;
  try {
    const value = JSON.parse(text) as {
      newestAtMs?: unknown;
      walk?: Partial<Record<keyof ComplianceWalk, unknown>> | null;
    };
    const ms = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
    const walk =
      value.walk && typeof value.walk.cursor === 'string' && value.walk.cursor !== ''
        ? { sinceMs: ms(value.walk.sinceMs), cursor: value.walk.cursor, topAtMs: ms(value.walk.topAtMs) }
        : null;
    return { newestAtMs: ms(value.newestAtMs), walk };
  } catch {
    // An unreadable mark re-reads the feed from the top; the trail skips activities it already holds.
    return EMPTY_COMPLIANCE_MARK;
  }
}

export function serialiseComplianceMark(mark: ComplianceMark): string {
  return JSON.stringify({ newestAtMs: mark.newestAtMs, walk: mark.walk });
}

/** The first request of this sync's walk: resume a cut-short one, else start from the top. */
export function firstWalkQuery(mark: ComplianceMark, limit: number): ComplianceFeedQuery {
  if (mark.walk) return { ...sinceOf(mark.walk.sinceMs), afterId: mark.walk.cursor, limit };
  const sinceMs = mark.newestAtMs === null ? null : mark.newestAtMs - COMPLIANCE_OVERLAP_MS;
  return { ...sinceOf(sinceMs), limit };
}

/**
 * The mark after a page of the walk that `query` asked for was stored, and the next query (null: walk finished).
 * `pageTopAtMs` is the newest `created_at` on the page (null for an empty page).
 */
export function advanceComplianceWalk(
  mark: ComplianceMark,
  query: ComplianceFeedQuery,
  page: Pick<ComplianceFeedPage, 'hasMore' | 'lastId'>,
  pageTopAtMs: number | null,
): { mark: ComplianceMark; next: ComplianceFeedQuery | null } {
  const sinceMs = query.createdAtGteMs ?? null;
  const topAtMs = maxOrNull(mark.walk?.topAtMs ?? null, pageTopAtMs);
  if (page.hasMore && page.lastId !== null) {
    const walk: ComplianceWalk = { sinceMs, cursor: page.lastId, topAtMs };
    return {
      mark: { newestAtMs: mark.newestAtMs, walk },
      next: { ...sinceOf(sinceMs), afterId: page.lastId, limit: query.limit },
    };
  }
  return { mark: { newestAtMs: maxOrNull(mark.newestAtMs, topAtMs), walk: null }, next: null };
}

function sinceOf(sinceMs: number | null): { createdAtGteMs?: number } {
  return sinceMs === null ? {} : { createdAtGteMs: sinceMs };
}

function maxOrNull(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.max(a, b);
}

/** What the last probe learnt (the profile setting `compliance.probe`). */
export interface ComplianceProbe {
  status: 'available' | 'refused';
  checkedAtMs: number;
  detail: string | null;
}

/**
 * A refusal is remembered for six hours, like every "not available" mark of the sync: the feed is enabled on
 * request, rarely, and we should not knock every sync. A full sync asks at once.
 */
export const COMPLIANCE_REPROBE_MS = 6 * 60 * 60 * 1000;

export function shouldAskComplianceFeed(probe: ComplianceProbe | null, nowMs: number, full = false): boolean {
  if (full || probe === null || probe.status === 'available') return true;
  return nowMs - probe.checkedAtMs >= COMPLIANCE_REPROBE_MS || nowMs < probe.checkedAtMs;
}

/** When a refused feed will be asked again (ms), for status output. */
export function nextComplianceProbeAtMs(probe: ComplianceProbe | null): number | null {
  return probe?.status === 'refused' ? probe.checkedAtMs + COMPLIANCE_REPROBE_MS : null;
}

/** Errors that mean "this org's key cannot read the feed", as opposed to a failure worth retrying. */
export function isComplianceRefusal(error: { kind: string; errorCode?: string | null; message: string }): boolean {
  if (error.kind === 'forbidden' || error.kind === 'not_found') return true;
  if (error.kind !== 'bad_request') return false;
  return (
    error.errorCode === 'organization_type_not_supported' ||
    error.errorCode === 'organization_not_enrolled_in_beta' ||
    /not (been )?enabled/i.test(error.message)
  );
}
