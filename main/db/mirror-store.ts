/**
 * The SQLite implementation of the sync engine's MirrorStorePort. Each write method is one transaction: a page,
 * its journal events and its cursor commit together, so a crash resumes without loss and without duplicates.
 */
import type Database from 'better-sqlite3';
import type { ApiOrganization } from '../core/api-types';
import { changedFields, rowAsJson, type JournalEvent } from '../core/sync/diff';
import { rowKey, type EntityResource, type EntitySpec, type Row } from '../core/sync/entities';
import type { Coverage } from '../core/sync/report-plan';
import { rowsBatch, type RowBatch } from '../core/sync/row-columns';
import type { ReportResource } from '../core/sync/report-rows';
import type { ResourceStatus, SyncResource } from '../core/sync/resources';
import type { MirrorStorePort, OpenPass, PageWriteResult, WriteContext } from '../core/sync/store-port';
import type { IncompleteDay } from '../core/sync/summary';
import { DAY_MS } from '../core/time';
import { EntityRepo } from './repos/entity-repo';
import { JournalRepo } from './repos/journal-repo';
import { OrganizationRepo } from './repos/organization-repo';
import { ReportRepo } from './repos/report-repo';
import { SyncStateRepo } from './repos/sync-state-repo';
import { asStorageError } from './storage-errors';
import type { StorageError } from '../core/storage-error';
import { WorkspacesRepo } from './repos/workspaces-repo';

export class SqliteMirrorStore implements MirrorStorePort {
  private readonly entities: EntityRepo;
  private readonly journal: JournalRepo;
  private readonly org: OrganizationRepo;
  private readonly state: SyncStateRepo;
  private readonly workspaces: WorkspacesRepo;
  private readonly reports: ReportRepo;

  constructor(private readonly db: Database.Database) {
    this.entities = new EntityRepo(db);
    this.journal = new JournalRepo(db);
    this.org = new OrganizationRepo(db);
    this.state = new SyncStateRepo(db);
    this.workspaces = new WorkspacesRepo(db);
    this.reports = new ReportRepo(db);
  }

  storageFailure(error: unknown): StorageError | null {
    return asStorageError(error, this.db.name);
  }

  beginRun(atMs: number, full: boolean): number {
    return this.state.insertRun(atMs, full);
  }

  finishRun(
    runId: number,
    atMs: number,
    outcome: { status: string; requests: number; rows: number; detail: string | null },
  ): void {
    this.state.finishRun(runId, atMs, outcome);
  }

  storedOrganization(): ApiOrganization | null {
    const stored = this.org.get();
    return stored ? { id: stored.id, name: stored.name } : null;
  }

  saveOrganization(org: ApiOrganization, ctx: WriteContext): number {
    return this.db.transaction(() => {
      const before = this.org.get();
      this.org.upsert(org.id, org.name, ctx.atMs);
      // A key that works again clears an earlier "invalid" mark.
      this.state.setCredential('valid', ctx.atMs, null);
      if (before && before.name !== org.name) {
        this.journal.insert(ctx.runId, ctx.atMs, {
          resource: 'organization',
          entityKey: org.id,
          kind: 'changed',
          detail: { name: { before: before.name, after: org.name } },
        });
        return 1;
      }
      return 0;
    })();
  }

  markCredentialInvalid(atMs: number, detail: string): void {
    this.state.setCredential('invalid', atMs, detail);
  }

  resourceStates(): Map<string, ResourceStatus> {
    return this.state.states();
  }

  markResource(resource: SyncResource, status: ResourceStatus['status'], atMs: number, detail: string | null): void {
    this.db.transaction(() => {
      this.state.markResource(resource, status, atMs, detail);
      // A route that is not available leaves no half-open pass behind: the daily probe starts afresh.
      if (status === 'unavailable') this.state.closePasses(resource);
    })();
  }

  restartOpenPasses(resource: string): number {
    return this.state.restartPasses(resource, Date.now());
  }

  reportCoverage(resource: ReportResource): Coverage | null {
    return this.reports.coverage(resource);
  }

  reportPageLimit(resource: ReportResource): number | null {
    return this.reports.pageLimit(resource);
  }

  saveReportPageLimit(resource: ReportResource, limit: number, atMs: number): void {
    this.reports.setPageLimit(resource, limit, atMs);
  }

  markIncompleteDay(resource: ReportResource, day: IncompleteDay, atMs: number): void {
    this.reports.markIncompleteDay(resource, day, atMs);
  }

  applyReportPage(
    resource: ReportResource,
    pass: OpenPass,
    page: { replaceBuckets: number[]; rows: readonly Row[] | RowBatch },
    nextCursor: string | null,
    coverage: Coverage | null,
    atMs: number,
  ): PageWriteResult {
    let result: PageWriteResult;
    try {
      result = this.db
        .transaction((): PageWriteResult => {
          for (const bucket of page.replaceBuckets) this.reports.deleteBucket(resource, bucket);
          for (const dayMs of new Set(page.replaceBuckets.map((b) => b - (b % DAY_MS)))) {
            this.reports.clearIncompleteDay(resource, dayMs);
          }
          const rows = Array.isArray(page.rows) ? rowsBatch(page.rows) : (page.rows as RowBatch);
          this.reports.upsertBatch(resource, rows, atMs);
          if (coverage) {
            this.reports.setCoverage(resource, coverage);
            this.state.closePass(pass.resource, pass.scope);
          } else {
            this.state.moveCursor(pass.resource, pass.scope, nextCursor, atMs);
          }
          return { rows: rows.count, events: 0 };
        })
        .immediate();
    } catch (error) {
      this.reports.endGroupTransaction(false);
      throw error;
    }
    this.reports.endGroupTransaction(true);
    return result;
  }

  openPass(resource: string, scope: string, runId: number, queryJson: string | null): OpenPass {
    return this.db
      .transaction((): OpenPass => {
        const existing = this.state.findPass(resource, scope);
        if (existing) {
          // Resumed: left open by an earlier run (a pass restarted within this run keeps its window and is not).
          const resumed = existing.pass_id !== runId;
          return {
            resource,
            scope,
            passId: existing.pass_id,
            cursor: existing.cursor,
            queryJson: existing.query_json,
            resumed,
          };
        }
        const pass: OpenPass = { resource, scope, passId: runId, cursor: null, queryJson, resumed: false };
        this.state.insertPass(pass, Date.now());
        return pass;
      })
      .immediate();
  }

  applyEntityPage<R extends EntityResource>(
    spec: EntitySpec<R>,
    pass: OpenPass,
    rows: Row[],
    nextCursor: string | null,
    ctx: WriteContext,
  ): PageWriteResult {
    return this.db
      .transaction((): PageWriteResult => {
        let events = 0;
        const record = (event: JournalEvent): void => {
          if (!ctx.journal || spec.journaled === false) return;
          this.journal.insert(ctx.runId, ctx.atMs, event);
          events += 1;
        };
        for (const row of rows) {
          const before = this.entities.get(spec.resource, spec.keyColumns, row);
          const entityKey = rowKey(spec, row);
          if (!before) {
            this.entities.insert(spec.resource, row, ctx.atMs, pass.passId);
            record({ resource: spec.resource, entityKey, kind: 'created', detail: rowAsJson(row) });
            continue;
          }
          this.entities.update(spec.resource, spec.keyColumns, row, ctx.atMs, pass.passId);
          const changes = changedFields(before, row, spec.keyColumns);
          if (Object.keys(changes).length > 0)
            record({ resource: spec.resource, entityKey, kind: 'changed', detail: changes });
        }
        if (nextCursor != null) {
          this.state.moveCursor(pass.resource, pass.scope, nextCursor, ctx.atMs);
        } else {
          // A complete pass: what it did not see is gone.
          for (const gone of this.entities.unseen(spec.resource, pass.scope, pass.passId)) {
            this.entities.delete(spec.resource, spec.keyColumns, gone);
            record({
              resource: spec.resource,
              entityKey: rowKey(spec, gone),
              kind: 'removed',
              detail: rowAsJson(gone),
            });
          }
          this.state.closePass(pass.resource, pass.scope);
        }
        return { rows: rows.length, events };
      })
      .immediate();
  }

  activeWorkspaceIds(): string[] {
    return this.workspaces.activeIds();
  }

  allWorkspaceIds(): string[] {
    return this.workspaces.allIds();
  }

  setDefaultWorkspace(workspaceId: string | null): void {
    this.workspaces.setDefault(workspaceId);
  }
}
