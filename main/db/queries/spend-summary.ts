/**
 * Month-to-date billed cost, by workspace, with the month-end forecast: a projection of the overview's reading
 * (overview.ts over overview-spend.ts), so this channel can never say another amount than the overview does.
 */
import type Database from 'better-sqlite3';
import type { SpendSummary } from '../../../preload/contract';
import { readOverview } from './overview';

export function readSpendSummary(db: Database.Database, nowMs: number): SpendSummary {
  const overview = readOverview(db, nowMs);
  return {
    currency: overview.currency,
    monthStartMs: overview.monthStartMs,
    lastCostDayMs: overview.lastCostDayMs,
    monthToDateCents: overview.monthToDateCents,
    forecastCents: overview.forecastCents,
    byWorkspace: overview.byWorkspace.map(({ workspaceId, name, cents }) => ({ workspaceId, name, cents })),
  };
}
