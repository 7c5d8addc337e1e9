/**
 * Report resources (usage hourly/daily, cost daily, Claude Code daily): fetch the planned window page by page,
 * replacing whole buckets (a re-fetched bucket is authoritative), each page with its cursor in one transaction.
 * The window is stored with the pass, so a resumed fetch keeps the `ending_at` its query-bound cursor was issued for.
 */
import type { ApiClaudeCodeRecord, ApiReportBucket } from '../api-types';
import type { ApiPage, Clock } from '../ports';
import { DAY_MS, floorTo, toApiTime, utcDay } from '../time';
import type { PassDeps, PassTally } from './entity-pass';
import { AdminApiError, isAdminApiError } from '../api-error';
import { CursorProgress } from './cursor-progress';
import { initialPageLimit, nextPageLimit, smallerPageLimit, type BucketReport } from './page-size';
import { BUCKET_MS, extendCoverage, planReportWindow, type ReportWindow } from './report-plan';
import { REPORT_GROUP_BY, type ReportResource } from './report-rows';
import type { OpenPass } from './store-port';

export const DEFAULT_HISTORY_DAYS = 90;

/** Turns of the event loop a prefetch is given to send its request before this process writes (see bucketPass). */
const REQUEST_DISPATCH_TURNS = 3;

export interface ReportContext {
  runId: number;
  atMs: number;
  historyDays: number;
}

type Deps = PassDeps & { clock: Clock };

export async function syncReportResource(
  deps: Deps,
  resource: ReportResource,
  ctx: ReportContext,
  tally: PassTally,
): Promise<void> {
  // At most twice: a pass left open by an interrupted sync finishes its own (older) window first.
  for (let round = 0; round < 2; round++) {
    const planned = planReportWindow(resource, deps.store.reportCoverage(resource), ctx.atMs, ctx.historyDays);
    const pass = deps.store.openPass(resource, '', ctx.runId, JSON.stringify(planned));
    const window = JSON.parse(pass.queryJson ?? JSON.stringify(planned)) as ReportWindow;
    if (resource === 'claude_code_daily') await claudeCodePass(deps, pass, window, ctx, tally);
    else await bucketPass(deps, resource, pass, window, ctx, tally);
    // Every page written before the next round plans from the coverage they set (a failure: engine.ts flushes).
    await deps.writer.flush();
    if (!pass.resumed) return;
  }
}

async function bucketPass(
  deps: Deps,
  resource: BucketReport,
  pass: OpenPass,
  window: ReportWindow,
  ctx: ReportContext,
  tally: PassTally,
): Promise<void> {
  const width = BUCKET_MS[resource];
  const eta = etaEstimator(deps.clock, Math.ceil((window.endMs - window.startMs) / width));
  const progress = new CursorProgress(resource, pass.cursor);
  let limit = initialPageLimit(resource, deps.store.reportPageLimit(resource));
  // A size the API refused as too large is not asked for again in this pass (the rows per bucket it saw may not show
  // what the server counts).
  let refusedAt = Infinity;
  // Where the next page starts, when known (not when resuming an interrupted pass at its stored cursor): what a
  // day the API will not return (too_many_report_groups) is skipped from.
  let position: number | null = pass.cursor == null ? window.startMs : null;
  let startMs = window.startMs;
  let pageNo = 0;
  // One iterator per query and page size: a new size starts a new one at the cursor reached (the cursor names the
  // next bucket, whatever the size), so the size can follow the rows per bucket as the window goes.
  const pagesFrom = (size: number, cursor: string | null): AsyncIterator<ApiPage<ApiReportBucket<unknown>>> => {
    const query = {
      startingAt: toApiTime(startMs),
      endingAt: toApiTime(window.endMs),
      groupBy: REPORT_GROUP_BY[resource],
    };
    const pages =
      resource === 'cost_daily'
        ? deps.api.costReport({ ...query, limit: size }, cursor)
        : deps.api.usageReport(
            { ...query, bucketWidth: resource === 'usage_hourly' ? '1h' : '1d', limit: size },
            cursor,
          );
    return (pages as AsyncIterable<ApiPage<ApiReportBucket<unknown>>>)[Symbol.asyncIterator]();
  };
  for (;;) {
    let iterator = pagesFrom(limit, pass.cursor);
    await deps.budget.acquire();
    let next = await refusedForSize(iterator.next());
    let restart = false;
    for (;;) {
      if (isRefusal(next)) {
        // This thread writes next (the page size, a day left out): only once the worker has written every page
        // before, so the two connections never wait on each other's write lock.
        await deps.writer.flush();
        if (next.code === 'report_page_too_large') {
          refusedAt = limit;
          limit = smallerAfterRefusal(deps, resource, limit, ctx);
        } else if (limit > 1) {
          limit = 1; // find the day: one bucket at a time from here, growing again after it
        } else {
          // One bucket of a day the API will not return: say so, and read on from the next day.
          if (position === null) throw next.error;
          const dayMs = floorTo(position, DAY_MS);
          const day = { dayMs, message: next.error.message, requestId: next.error.requestId };
          deps.store.markIncompleteDay(resource, day, ctx.atMs);
          (tally.incompleteDays ??= []).push(day);
          startMs = position = dayMs + DAY_MS;
          pass.cursor = null;
          if (startMs >= window.endMs) {
            deps.store.applyReportPage(
              resource,
              pass,
              { replaceBuckets: [], rows: [] },
              null,
              extendCoverage(deps.store.reportCoverage(resource), window),
              ctx.atMs,
            );
            deps.store.saveReportPageLimit(resource, limit, ctx.atMs);
            return;
          }
        }
        restart = true;
        break;
      }
      if (next.done) break;
      const page = next.value;
      const done = page.nextCursor == null;
      progress.nextCursor(page.nextCursor, page.requestId);
      const wanted = Math.min(
        refusedAt - 1,
        nextPageLimit(
          resource,
          limit,
          page.items.reduce((n, bucket) => n + (bucket.results?.length ?? 0), 0),
          page.items.length,
        ),
      );
      // Ask for page N+1 before writing page N: the API (or sandbox) prepares it while this process converts and
      // writes. Its cursor is not stored until it is written, so a kill here resumes at page N+1 as before. A new
      // size starts a new iterator at page N's cursor (the old one is left: it asks for nothing more), so that
      // request too goes out before the write.
      let following: Promise<PageOrRefusal> | null = null;
      if (!done) {
        if (wanted !== limit) {
          limit = wanted;
          iterator = pagesFrom(limit, page.nextCursor);
        }
        await deps.budget.acquire();
        following = refusedForSize(iterator.next());
        following.catch(() => undefined); // handled when awaited below; never an unhandled rejection meanwhile
        // The request only reaches the socket after the event loop has turned a few times (the SDK's awaits, then
        // undici's dispatch). Without these turns the synchronous write below runs first and the API starts
        // preparing page N+1 only once page N is written: no overlap.
        for (let turn = 0; turn < REQUEST_DISPATCH_TURNS; turn++) await nextTurnOfEventLoop();
      }
      // Written in the write worker while this thread reads page N+1 off the socket.
      const written = await deps.writer.write(
        {
          kind: 'buckets',
          resource,
          pass,
          buckets: page.items,
          requestId: page.requestId,
          nextCursor: page.nextCursor,
          coverage: done ? extendCoverage(deps.store.reportCoverage(resource), window) : null,
          atMs: ctx.atMs,
        },
        (starts) => progress.buckets(starts, page.requestId),
      );
      pass.cursor = page.nextCursor;
      const last = written.bucketStarts[written.bucketStarts.length - 1];
      if (position !== null && last !== undefined) position = last + width;
      pageNo += 1;
      tally.pages += 1;
      tally.rows += written.rows;
      deps.onProgress({ resource, page: tally.pages, rows: tally.rows, ...eta(pageNo, written.bucketStarts.length) });
      if (done) {
        await deps.writer.flush(); // as above: this thread writes the size that worked
        deps.store.saveReportPageLimit(resource, wanted, ctx.atMs);
        return;
      }
      next = await following!;
    }
    if (!restart) return;
  }
}

type PageOrRefusal = IteratorResult<ApiPage<ApiReportBucket<unknown>>> | Refusal;

/** The API would not serve this page for its size: a page too large, or a day with too many groups. */
interface Refusal {
  refused: true;
  code: 'report_page_too_large' | 'too_many_report_groups';
  error: AdminApiError;
}

const isRefusal = (value: PageOrRefusal): value is Refusal => 'refused' in value;

/** The page, or the API's refusal of it for its size; any other failure stays a failure. */
async function refusedForSize(
  request: Promise<IteratorResult<ApiPage<ApiReportBucket<unknown>>>>,
): Promise<PageOrRefusal> {
  try {
    return await request;
  } catch (error) {
    if (
      isAdminApiError(error) &&
      (error.errorCode === 'report_page_too_large' || error.errorCode === 'too_many_report_groups')
    ) {
      return { refused: true, code: error.errorCode, error };
    }
    throw error;
  }
}

/** Half the size, remembered at once; a one-bucket page refused is a failure of the report (never a silent gap). */
function smallerAfterRefusal(deps: Deps, resource: BucketReport, limit: number, ctx: ReportContext): number {
  if (limit <= 1) {
    throw new AdminApiError(
      'bad_request',
      'the API refused even a one-bucket page of this report as too large (report_page_too_large)',
      resource,
      400,
      null,
      'report_page_too_large',
    );
  }
  const smaller = smallerPageLimit(limit);
  deps.store.saveReportPageLimit(resource, smaller, ctx.atMs);
  return smaller;
}

interface ClaudeCodeCursor {
  dayMs: number;
  page: string | null;
}

/**
 * One query per UTC day (the endpoint takes a single day); the pass cursor is {day, page within the day}. As in
 * bucketPass, the next page (or the next day's first) is asked for before this one is written.
 */
async function claudeCodePass(
  deps: Deps,
  pass: OpenPass,
  window: ReportWindow,
  ctx: ReportContext,
  tally: PassTally,
): Promise<void> {
  const lastDay = floorTo(window.endMs - 1, DAY_MS);
  let state: ClaudeCodeCursor = pass.cursor
    ? (JSON.parse(pass.cursor) as ClaudeCodeCursor)
    : { dayMs: floorTo(window.startMs, DAY_MS), page: null };
  if (state.dayMs > lastDay) return;
  const eta = etaEstimator(deps.clock, Math.round((lastDay - state.dayMs) / DAY_MS) + 1);
  const pagesOf = (at: ClaudeCodeCursor): AsyncIterator<ApiPage<ApiClaudeCodeRecord>> =>
    deps.api.claudeCodeReport(utcDay(at.dayMs), at.page)[Symbol.asyncIterator]();
  let iterator = pagesOf(state);
  let progress = new CursorProgress('claude_code_daily', state.page);
  let pageNo = 0;
  await deps.budget.acquire();
  let request = iterator.next();
  for (;;) {
    const result = await request;
    // A day always answers with a page; one that ended without any is an empty day.
    const page: ApiPage<ApiClaudeCodeRecord> = result.done
      ? { items: [], nextCursor: null, requestId: null }
      : result.value;
    progress.nextCursor(page.nextCursor, page.requestId);
    const next: ClaudeCodeCursor = page.nextCursor
      ? { dayMs: state.dayMs, page: page.nextCursor }
      : { dayMs: state.dayMs + DAY_MS, page: null };
    const done = next.dayMs > lastDay;
    if (!done) {
      if (next.page === null) {
        iterator = pagesOf(next);
        progress = new CursorProgress('claude_code_daily', null);
      }
      await deps.budget.acquire();
      request = iterator.next();
      request.catch(() => undefined); // handled when awaited; never an unhandled rejection meanwhile
      for (let turn = 0; turn < REQUEST_DISPATCH_TURNS; turn++) await nextTurnOfEventLoop();
    }
    const written = await deps.writer.write({
      kind: 'claude_code',
      pass,
      records: page.items,
      requestId: page.requestId,
      // The first page of a day replaces that day; later pages of the same day add to it.
      replaceDayMs: state.page == null ? state.dayMs : null,
      nextCursor: done ? null : JSON.stringify(next),
      coverage: done ? extendCoverage(deps.store.reportCoverage('claude_code_daily'), window) : null,
      atMs: ctx.atMs,
    });
    state = next;
    pageNo += 1;
    tally.pages += 1;
    tally.rows += written.rows;
    deps.onProgress({
      resource: 'claude_code_daily',
      page: tally.pages,
      rows: tally.rows,
      ...eta(pageNo, page.nextCursor ? 0 : 1),
    });
    if (done) return;
  }
}

function nextTurnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Estimates time left from the pace so far: units (buckets or days) done vs. total. */
function etaEstimator(clock: Clock, totalUnits: number): (page: number, unitsThisPage: number) => { etaMs?: number } {
  const startedAt = clock.now();
  let done = 0;
  return (_page, units) => {
    done += units;
    const elapsed = clock.now() - startedAt;
    if (done <= 0 || totalUnits <= 0) return {};
    return { etaMs: Math.max(0, Math.round((elapsed / done) * Math.max(0, totalUnits - done))) };
  };
}
