/**
 * Tokens per workspace and model over the last N whole UTC days up to today (today included), by token type: the
 * same daily usage buckets and the same column sums as `report usage` (report-query.ts), split two ways at once
 * for the metrics endpoint. A range `report usage --from <today−N+1> --to <today> --group-by model` sums these rows.
 */
import type Database from 'better-sqlite3';
import { DAY_MS, utcDay, utcDayStartMs } from '../../core/time';
import { tableExists } from './key-inventory';

/** The usage report's token columns, named as the API names them without `_tokens`. */
export const TOKEN_TYPES = [
  'uncached_input',
  'cache_creation_1h',
  'cache_creation_5m',
  'cache_read',
  'output',
] as const;
export type TokenType = (typeof TOKEN_TYPES)[number];

export interface WorkspaceModelTokens {
  /** null: the default workspace as the usage report files it (no id). */
  workspaceId: string | null;
  /** null: usage the report gave no model for. */
  model: string | null;
  tokens: Record<TokenType, number>;
}

export interface TokensWindow {
  /** First and last UTC day counted (both inclusive). */
  from: string;
  to: string;
  rows: WorkspaceModelTokens[];
}

export function readTokensByWorkspaceModel(db: Database.Database, nowMs: number, days = 30): TokensWindow {
  const to = utcDay(nowMs);
  const fromMs = utcDayStartMs(to) - (days - 1) * DAY_MS;
  const window = { from: utcDay(fromMs), to };
  if (!tableExists(db, 'usage_daily')) return { ...window, rows: [] };
  const rows = db
    .prepare(
      `SELECT workspace_id AS workspaceId, model,
              sum(uncached_input_tokens) AS uncached, sum(cache_creation_1h_input_tokens) AS cc1h,
              sum(cache_creation_5m_input_tokens) AS cc5m, sum(cache_read_input_tokens) AS cread,
              sum(output_tokens) AS output
       FROM usage_daily WHERE bucket_start_ms >= ? AND bucket_start_ms < ?
       GROUP BY workspace_id, model ORDER BY workspace_id, model`,
    )
    .all(fromMs, utcDayStartMs(to) + DAY_MS) as Array<{
    workspaceId: string | null;
    model: string | null;
    uncached: number;
    cc1h: number;
    cc5m: number;
    cread: number;
    output: number;
  }>;
  return {
    ...window,
    rows: rows.map((row) => ({
      workspaceId: row.workspaceId,
      model: row.model,
      tokens: {
        uncached_input: row.uncached,
        cache_creation_1h: row.cc1h,
        cache_creation_5m: row.cc5m,
        cache_read: row.cread,
        output: row.output,
      },
    })),
  };
}
