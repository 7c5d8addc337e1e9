/**
 * What the sync engine needs from the mirror. main/db implements it over SQLite; every method that writes is one
 * transaction, so a kill at any point leaves either the page and its cursor, or neither.
 */
import type { ApiOrganization } from '../api-types';
import type { StorageError } from '../storage-error';
import type { IncompleteDay } from './summary';
import type { EntityResource, EntitySpec, Row } from './entities';
import type { Coverage } from './report-plan';
import type { ReportResource } from './report-rows';
import type { RowBatch } from './row-columns';
import type { ResourceStatus, SyncResource } from './resources';

/** An open pass over one resource (and scope, e.g. one workspace's members): where to resume and under which id. */
export interface OpenPass {
  resource: string;
  scope: string;
  /** Rows seen in this pass are stamped with it; rows not stamped when the pass completes were removed. */
  passId: number;
  /** Next page to fetch; null = from the start. */
  cursor: string | null;
  /** For report passes: the query the cursor is bound to (JSON), kept across a resume. */
  queryJson: string | null;
  /** Left open by an earlier run (its window may be older than this run's). */
  resumed: boolean;
}

export interface WriteContext {
  runId: number;
  atMs: number;
  /** Whether this resource has completed a pass before; without a baseline no journal events are written. */
  journal: boolean;
}

export interface PageWriteResult {
  rows: number;
  events: number;
}

export interface MirrorStorePort {
  /**
   * The error as a problem with the mirror's files (damaged, read-only, disk full), or null: such a failure stops the
   * sync, since every later write would fail the same way. Absent: no error is one (test stores).
   */
  storageFailure?(error: unknown): StorageError | null;
  beginRun(atMs: number, full: boolean): number;
  finishRun(
    runId: number,
    atMs: number,
    outcome: { status: string; requests: number; rows: number; detail: string | null },
  ): void;

  storedOrganization(): ApiOrganization | null;
  saveOrganization(org: ApiOrganization, ctx: WriteContext): number;
  markCredentialInvalid(atMs: number, detail: string): void;

  resourceStates(): Map<string, ResourceStatus>;
  markResource(resource: SyncResource, status: ResourceStatus['status'], atMs: number, detail: string | null): void;

  /**
   * Moves every open pass of `resource` that holds a cursor back to its start (same pass id and report window), and
   * answers how many it moved: 0 means no cursor was in use.
   */
  restartOpenPasses(resource: string): number;
  /** The pass in progress for (resource, scope), or a new one numbered `runId`. */
  openPass(resource: string, scope: string, runId: number, queryJson: string | null): OpenPass;
  /**
   * Upserts one page of rows (diffing them into journal events) and moves the pass cursor, in one transaction.
   * When `nextCursor` is null this was the last page: rows of this scope not seen in the pass are removed
   * (journal "removed") and the pass is closed, in the same transaction.
   */
  applyEntityPage<R extends EntityResource>(
    spec: EntitySpec<R>,
    pass: OpenPass,
    rows: Row[],
    nextCursor: string | null,
    ctx: WriteContext,
  ): PageWriteResult;

  /** Ids of workspaces whose members and rate limits are fetched (not archived). */
  activeWorkspaceIds(): string[];
  allWorkspaceIds(): string[];
  /** Marks which stored workspace is the default one (null: none listed). */
  setDefaultWorkspace(workspaceId: string | null): void;

  /** The range a report holds completely, or null before its first complete fetch. */
  reportCoverage(resource: ReportResource): Coverage | null;
  /** The page size (buckets per request) learnt for a report, or null before its first page. */
  reportPageLimit(resource: ReportResource): number | null;
  saveReportPageLimit(resource: ReportResource, limit: number, atMs: number): void;
  /** Records a day the API would not return whole (too_many_report_groups); a later page of that day clears it. */
  markIncompleteDay(resource: ReportResource, day: IncompleteDay, atMs: number): void;
  /**
   * Replaces the listed buckets with the page's rows and moves the pass cursor, in one transaction. When
   * `coverage` is given this was the last page: the pass closes and the report's coverage becomes `coverage`.
   */
  applyReportPage(
    resource: ReportResource,
    pass: OpenPass,
    page: { replaceBuckets: number[]; rows: readonly Row[] | RowBatch },
    nextCursor: string | null,
    coverage: Coverage | null,
    atMs: number,
  ): PageWriteResult;
}
