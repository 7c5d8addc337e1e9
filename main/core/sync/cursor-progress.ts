/**
 * Guards a pass against paging that does not advance. An API that hands back a cursor it already gave, or report
 * buckets that do not move forward, would keep the sync (and the profile lock) busy forever; this stops the pass
 * with a clear problem after the first repeat instead.
 */
import { AdminApiError } from '../api-error';

export class CursorProgress {
  private readonly seen = new Set<string>();
  private lastBucketStartMs: number | null = null;

  /** `startCursor`: the cursor the pass resumes from, which the API must not hand back either. */
  constructor(
    private readonly resource: string,
    startCursor: string | null,
  ) {
    if (startCursor !== null) this.seen.add(startCursor);
  }

  /** Call with each page's next cursor before the page is written. */
  nextCursor(cursor: string | null, requestId: string | null): void {
    if (cursor === null) return;
    if (this.seen.has(cursor)) {
      throw this.stuck(`the API handed back a page cursor it had already given (${preview(cursor)})`, requestId);
    }
    this.seen.add(cursor);
  }

  /** Call with each report page's bucket starts (in the order received) before the page is written. */
  buckets(startsMs: readonly number[], requestId: string | null): void {
    if (startsMs.length === 0) return;
    const first = Math.min(...startsMs);
    if (this.lastBucketStartMs !== null && first <= this.lastBucketStartMs) {
      throw this.stuck(
        `a report page did not move forward (it starts at ${new Date(first).toISOString()}, the page before ended at ${new Date(this.lastBucketStartMs).toISOString()})`,
        requestId,
      );
    }
    this.lastBucketStartMs = Math.max(...startsMs);
  }

  private stuck(what: string, requestId: string | null): AdminApiError {
    return new AdminApiError(
      'cursor_stuck',
      `${what}; paging stopped instead of asking for the same page again`,
      this.resource,
      null,
      requestId,
    );
  }
}

function preview(cursor: string): string {
  return cursor.length > 24 ? `${cursor.slice(0, 24)}…` : cursor;
}
