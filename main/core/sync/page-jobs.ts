/**
 * A page of the API, as the engine hands it over for writing: its items as the API sent them (validated), where the
 * pass goes next, and what closes. `convertPageJob` turns the items into rows; `applyPageWrite` writes them with the
 * cursor in one transaction of the store. Both are the same code whether the write happens in this thread
 * (`inlinePageWriter`) or in the sync's write worker (db/write-worker), where a large sync's SQLite work goes.
 */
import type { ApiClaudeCodeRecord, ApiCostResult, ApiReportBucket, ApiUsageResult } from '../api-types';
import { rejectMalformed } from './reject-malformed';
import { ENTITY_SPECS, type EntityResource, type Row } from './entities';
import type { Coverage } from './report-plan';
import { packedBatch, packRows, type PackedRows } from './row-columns';
import { claudeCodeRow, costBucketsPacked, usageBucketsPacked, type ReportResource } from './report-rows';
import type { MirrorStorePort, OpenPass, PageWriteResult, WriteContext } from './store-port';

export interface EntityPageJob {
  kind: 'entity';
  resource: EntityResource;
  pass: OpenPass;
  items: unknown[];
  requestId: string | null;
  nextCursor: string | null;
  ctx: WriteContext;
}

export interface BucketPageJob {
  kind: 'buckets';
  resource: 'usage_hourly' | 'usage_daily' | 'cost_daily';
  pass: OpenPass;
  buckets: Array<ApiReportBucket<unknown>>;
  requestId: string | null;
  nextCursor: string | null;
  /** Given on the last page: the pass closes and the report covers this. */
  coverage: Coverage | null;
  atMs: number;
}

export interface ClaudeCodePageJob {
  kind: 'claude_code';
  pass: OpenPass;
  records: ApiClaudeCodeRecord[];
  requestId: string | null;
  /** The day this page replaces (the first page of a day), or null (a later page of the same day adds to it). */
  replaceDayMs: number | null;
  nextCursor: string | null;
  coverage: Coverage | null;
  atMs: number;
}

export type PageJob = EntityPageJob | BucketPageJob | ClaudeCodePageJob;

/** A page accepted by the writer: converted, and written or queued to be. */
export interface PageQueued {
  /** Rows the page holds. */
  rows: number;
  /** For bucket pages: the start of each bucket, in order (progress and the next page's position). */
  bucketStarts: number[];
  /** Settles when the page and its cursor are committed (journal events counted), or with the write's error. */
  committed: Promise<PageWriteResult>;
}

/**
 * Where the engine sends pages to be converted and written: in order, each page with its cursor in one transaction.
 * `write` rejects a page whose items cannot be converted before anything of it is written. A writer may commit
 * later than `write` resolves (a worker keeps a page or two in flight while the next is fetched); `flush` waits for
 * every page given so far, and rejects with the first failed write. The engine flushes before it reads back what
 * the pages wrote and before a pass ends, whatever its outcome.
 */
export interface PageWriterPort {
  /** `accept` sees the converted page's bucket starts first and may refuse it by throwing (cursor-progress.ts). */
  write(job: PageJob, accept?: (bucketStarts: number[]) => void): Promise<PageQueued>;
  flush(): Promise<void>;
  /** Stops the writer (a worker ends); pages already written stay written. */
  close(): Promise<void>;
}

/**
 * A page converted to rows, ready for one transaction of the store: what the engine's thread makes of a page job,
 * and what the write worker applies. Report rows come packed as columns (row-columns.ts): a page of thousands of
 * them makes no row object, and moves to the worker without a copy. Entity pages are small and stay row objects.
 */
export type PageWrite =
  | {
      kind: 'entity';
      resource: EntityResource;
      pass: OpenPass;
      rows: Row[];
      nextCursor: string | null;
      ctx: WriteContext;
    }
  | {
      kind: 'report';
      resource: ReportResource;
      pass: OpenPass;
      replaceBuckets: number[];
      rows: PackedRows;
      nextCursor: string | null;
      coverage: Coverage | null;
      atMs: number;
    };

/** Turns the page's items into rows; an item that cannot be normalised rejects the page (`malformed`). */
export function convertPageJob(job: PageJob): { write: PageWrite; bucketStarts: number[] } {
  switch (job.kind) {
    case 'entity': {
      const spec = ENTITY_SPECS[job.resource];
      const rows = job.items.map((item) =>
        rejectMalformed(job.resource, job.requestId, () => spec.toRow(item as never)),
      );
      const { resource, pass, nextCursor, ctx } = job;
      return { write: { kind: 'entity', resource, pass, rows, nextCursor, ctx }, bucketStarts: [] };
    }
    case 'buckets': {
      const { resource, pass, nextCursor, coverage, atMs } = job;
      const { packed, bucketStarts } = rejectMalformed(resource, job.requestId, () =>
        resource === 'cost_daily'
          ? costBucketsPacked(job.buckets as Array<ApiReportBucket<ApiCostResult>>)
          : usageBucketsPacked(resource, job.buckets as Array<ApiReportBucket<ApiUsageResult>>),
      );
      return {
        write: {
          kind: 'report',
          resource,
          pass,
          replaceBuckets: bucketStarts,
          rows: packed,
          nextCursor,
          coverage,
          atMs,
        },
        bucketStarts,
      };
    }
    case 'claude_code': {
      const rows = job.records.map((r) => rejectMalformed('claude_code_daily', job.requestId, () => claudeCodeRow(r)));
      const { pass, nextCursor, coverage, atMs } = job;
      const replaceBuckets = job.replaceDayMs == null ? [] : [job.replaceDayMs];
      const { packed } = packRows(rows);
      return {
        write: {
          kind: 'report',
          resource: 'claude_code_daily',
          pass,
          replaceBuckets,
          rows: packed,
          nextCursor,
          coverage,
          atMs,
        },
        bucketStarts: [],
      };
    }
  }
}

/** One transaction of the store: the rows and the pass cursor together (store-port.ts). */
export function applyPageWrite(store: MirrorStorePort, write: PageWrite): PageWriteResult {
  if (write.kind === 'entity') {
    return store.applyEntityPage(ENTITY_SPECS[write.resource], write.pass, write.rows, write.nextCursor, write.ctx);
  }
  const { resource, pass, replaceBuckets, rows, nextCursor, coverage, atMs } = write;
  return store.applyReportPage(resource, pass, { replaceBuckets, rows: packedBatch(rows) }, nextCursor, coverage, atMs);
}

/** The rows a page write holds. */
export function rowCount(write: PageWrite): number {
  return write.kind === 'entity' ? write.rows.length : write.rows.count;
}

/** Writes in this thread, on the engine's own store: tests, in-memory mirrors, and where no worker can start. */
export function inlinePageWriter(store: MirrorStorePort): PageWriterPort {
  return {
    write: async (job, accept) => {
      const { write, bucketStarts } = convertPageJob(job);
      accept?.(bucketStarts);
      const written = applyPageWrite(store, write);
      return { rows: rowCount(write), bucketStarts, committed: Promise.resolve(written) };
    },
    flush: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}
