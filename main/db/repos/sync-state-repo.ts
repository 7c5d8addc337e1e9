/** SQL for sync bookkeeping: runs, open passes (cursors), per-resource state and the credential marker. */
import type Database from 'better-sqlite3';
import type { AlertSyncState } from '../../core/alerts/types';
import { SPEND_RESOURCES, type ResourceStatus } from '../../core/sync/resources';
import type { OpenPass } from '../../core/sync/store-port';

interface PassRow {
  pass_id: number;
  cursor: string | null;
  query_json: string | null;
}

interface StateRow {
  resource: string;
  status: ResourceStatus['status'];
  last_complete_at_ms: number | null;
  last_attempt_at_ms: number | null;
  detail: string | null;
}

export class SyncStateRepo {
  constructor(private readonly db: Database.Database) {}

  insertRun(atMs: number, full: boolean): number {
    const info = this.db
      .prepare(`INSERT INTO sync_runs (started_at_ms, full, status) VALUES (?, ?, 'running')`)
      .run(atMs, full ? 1 : 0);
    return Number(info.lastInsertRowid);
  }

  finishRun(
    runId: number,
    atMs: number,
    o: { status: string; requests: number; rows: number; detail: string | null },
  ): void {
    this.db
      .prepare(`UPDATE sync_runs SET finished_at_ms = ?, status = ?, requests = ?, rows = ?, detail = ? WHERE id = ?`)
      .run(atMs, o.status, o.requests, o.rows, o.detail, runId);
  }

  /** When the last sync that got through the core resources finished. */
  lastSuccessfulSyncAtMs(): number | null {
    const row = this.db
      .prepare(`SELECT max(finished_at_ms) AS at FROM sync_runs WHERE status IN ('ok', 'partial')`)
      .get() as { at: number | null };
    return row.at;
  }

  /** What the alert core needs to know of the sync: when it last got through, the key, the spend reports. */
  alertSyncState(): AlertSyncState {
    const states = this.states();
    return {
      lastSuccessAtMs: this.lastSuccessfulSyncAtMs(),
      credentialInvalid: this.credential()?.status === 'invalid',
      spendSources: SPEND_RESOURCES.map((resource) => {
        const state = states.get(resource);
        return {
          resource,
          status: state?.status ?? null,
          lastCompleteAtMs: state?.lastCompleteAtMs ?? null,
          detail: state?.detail ?? null,
        };
      }),
    };
  }

  findPass(resource: string, scope: string): PassRow | undefined {
    return this.db
      .prepare(`SELECT pass_id, cursor, query_json FROM sync_passes WHERE resource = ? AND scope = ?`)
      .get(resource, scope) as PassRow | undefined;
  }

  insertPass(pass: OpenPass, atMs: number): void {
    this.db
      .prepare(
        `INSERT INTO sync_passes (resource, scope, pass_id, cursor, query_json, started_at_ms, updated_at_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(pass.resource, pass.scope, pass.passId, pass.cursor, pass.queryJson, atMs, atMs);
  }

  moveCursor(resource: string, scope: string, cursor: string | null, atMs: number): void {
    this.db
      .prepare(`UPDATE sync_passes SET cursor = ?, updated_at_ms = ? WHERE resource = ? AND scope = ?`)
      .run(cursor, atMs, resource, scope);
  }

  /** Open passes of `resource` that hold a cursor go back to their start; answers how many did. */
  restartPasses(resource: string, atMs: number): number {
    return this.db
      .prepare(`UPDATE sync_passes SET cursor = NULL, updated_at_ms = ? WHERE resource = ? AND cursor IS NOT NULL`)
      .run(atMs, resource).changes;
  }

  /**
   * After the admin key changed: every "not available for this org" mark is asked again by the next sync (the new
   * key may have the scope the old one lacked).
   */
  reprobeUnavailable(): void {
    this.db.prepare(`UPDATE resource_state SET last_attempt_at_ms = NULL WHERE status = 'unavailable'`).run();
  }

  closePasses(resource: string): void {
    this.db.prepare(`DELETE FROM sync_passes WHERE resource = ?`).run(resource);
  }

  closePass(resource: string, scope: string): void {
    this.db.prepare(`DELETE FROM sync_passes WHERE resource = ? AND scope = ?`).run(resource, scope);
  }

  states(): Map<string, ResourceStatus> {
    const rows = this.db.prepare(`SELECT * FROM resource_state`).all() as StateRow[];
    return new Map(
      rows.map((r) => [
        r.resource,
        {
          resource: r.resource,
          status: r.status,
          lastCompleteAtMs: r.last_complete_at_ms,
          lastAttemptAtMs: r.last_attempt_at_ms,
          detail: r.detail,
        },
      ]),
    );
  }

  markResource(resource: string, status: ResourceStatus['status'], atMs: number, detail: string | null): void {
    this.db
      .prepare(
        `INSERT INTO resource_state (resource, status, last_complete_at_ms, last_attempt_at_ms, detail)
         VALUES (@resource, @status, CASE WHEN @status = 'ok' THEN @at END, @at, @detail)
         ON CONFLICT (resource) DO UPDATE SET
           status = excluded.status,
           last_complete_at_ms = CASE WHEN excluded.status = 'ok' THEN @at ELSE resource_state.last_complete_at_ms END,
           last_attempt_at_ms = @at,
           detail = excluded.detail`,
      )
      .run({ resource, status, at: atMs, detail });
  }

  setCredential(status: 'valid' | 'invalid', atMs: number, detail: string | null): void {
    this.db
      .prepare(
        `INSERT INTO credential_state (id, status, changed_at_ms, detail) VALUES (1, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, changed_at_ms = excluded.changed_at_ms,
           detail = excluded.detail
         WHERE credential_state.status != excluded.status OR excluded.status = 'invalid'`,
      )
      .run(status, atMs, detail);
  }

  credential(): { status: 'valid' | 'invalid'; changedAtMs: number; detail: string | null } | null {
    const row = this.db.prepare(`SELECT status, changed_at_ms, detail FROM credential_state WHERE id = 1`).get() as
      { status: 'valid' | 'invalid'; changed_at_ms: number; detail: string | null } | undefined;
    return row ? { status: row.status, changedAtMs: row.changed_at_ms, detail: row.detail } : null;
  }
}
