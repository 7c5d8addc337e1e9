/** SQL for the stored report buckets (usage, cost, Claude Code) and the range each report covers. */
import type Database from 'better-sqlite3';
import type { Row } from '../../core/sync/entities';
import type { Coverage } from '../../core/sync/report-plan';
import type { ReportResource } from '../../core/sync/report-rows';
import { statementCache } from './statement-cache';

const TABLES: Record<ReportResource, string> = {
  usage_hourly: 'usage_hourly',
  usage_daily: 'usage_daily',
  cost_daily: 'cost_daily',
  claude_code_daily: 'claude_code_daily',
};

export class ReportRepo {
  private readonly stmt: (sql: string) => Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.stmt = statementCache(db);
  }

  deleteBucket(resource: ReportResource, bucketStartMs: number): void {
    this.stmt(`DELETE FROM ${TABLES[resource]} WHERE bucket_start_ms = ?`).run(bucketStartMs);
  }

  /** Upserts on (bucket start, group key). Column names come from core's report row builders. */
  upsert(resource: ReportResource, row: Row, fetchedAtMs: number): void {
    const columns = [...Object.keys(row), 'fetched_at_ms'];
    const sql = `INSERT OR REPLACE INTO ${TABLES[resource]} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    this.stmt(sql).run(...Object.values(row), fetchedAtMs);
  }

  coverage(resource: ReportResource): Coverage | null {
    const row = this.stmt(`SELECT from_ms, to_ms FROM report_coverage WHERE resource = ?`).get(resource) as
      | { from_ms: number; to_ms: number }
      | undefined;
    return row ? { fromMs: row.from_ms, toMs: row.to_ms } : null;
  }

  setCoverage(resource: ReportResource, coverage: Coverage): void {
    this.stmt(
      `INSERT INTO report_coverage (resource, from_ms, to_ms) VALUES (?, ?, ?)
       ON CONFLICT (resource) DO UPDATE SET from_ms = excluded.from_ms, to_ms = excluded.to_ms`,
    ).run(resource, coverage.fromMs, coverage.toMs);
  }
}
