/**
 * Month-to-date billed cost, by workspace, with the month-end forecast the alerts use (weekday-aware, from
 * overview-spend.ts: one forecast in the app, not two). Money stays BigInt nanocents until it leaves as a
 * decimal string of cents (design.md §4).
 */
import type Database from 'better-sqlite3';
import type { SpendSummary } from '../../../preload/contract';
import { nanocentsToCents } from '../../core/money';
import { tableExists } from './key-inventory';
import { readSpendPicture } from './overview-spend';

const DAY = 86_400_000;

export function readSpendSummary(db: Database.Database, nowMs: number): SpendSummary {
  const now = new Date(nowMs);
  const monthStartMs = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const daysInMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0)).getUTCDate();
  const empty: SpendSummary = { currency: 'USD', monthStartMs, lastCostDayMs: null, monthToDateCents: '0', forecastCents: null, byWorkspace: [] };
  if (!tableExists(db, 'cost_daily')) return empty;
  const rows = db
    .prepare(
      `SELECT c.workspace_id AS workspaceId, w.name AS name, SUM(c.amount_nanocents) AS nanocents, MAX(c.bucket_start_ms) AS lastDayMs
       FROM cost_daily c LEFT JOIN workspaces w ON w.id = c.workspace_id
       WHERE c.bucket_start_ms >= ? AND c.bucket_start_ms < ?
       GROUP BY c.workspace_id
       ORDER BY nanocents DESC`,
    )
    .safeIntegers(true)
    .all(BigInt(monthStartMs), BigInt(monthStartMs + daysInMonth * DAY)) as Array<{ workspaceId: string | null; name: string | null; nanocents: bigint; lastDayMs: bigint }>;
  if (rows.length === 0) return empty;
  const total = rows.reduce((sum, row) => sum + row.nanocents, 0n);
  const lastCostDayMs = Number(rows.reduce((max, row) => (row.lastDayMs > max ? row.lastDayMs : max), 0n));
  const projected = readSpendPicture(db, nowMs).org.projectedNanocents;
  return {
    currency: 'USD',
    monthStartMs,
    lastCostDayMs,
    monthToDateCents: nanocentsToCents(total),
    forecastCents: projected === null ? null : nanocentsToCents(projected),
    byWorkspace: rows.map((row) => ({
      workspaceId: row.workspaceId,
      name: row.name ?? (row.workspaceId === null ? 'Default Workspace' : row.workspaceId),
      cents: nanocentsToCents(row.nanocents),
    })),
  };
}
