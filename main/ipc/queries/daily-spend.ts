/**
 * Billed cost per UTC day over the last N days, grouped by workspace or model, for the spend chart and
 * its table. Sums are BigInt nanocents; each cell leaves as a decimal string of cents.
 */
import type Database from 'better-sqlite3';
import type { DailySpend, DailySpendQuery } from '../../../preload/contract';
import { nanocentsToCents } from '../../core/money';
import { tableExists } from './key-inventory';

const DAY = 86_400_000;

export function readDailySpend(db: Database.Database, query: DailySpendQuery, nowMs: number): DailySpend {
  const todayMs = Math.floor(nowMs / DAY) * DAY;
  const fromMs = todayMs - (query.days - 1) * DAY;
  const dayStartsMs = Array.from({ length: query.days }, (_, i) => fromMs + i * DAY);
  if (!tableExists(db, 'cost_daily')) return { currency: 'USD', dayStartsMs, series: [], totalCents: '0' };
  // The grouping column comes from this fixed map, never from the request text.
  const column = query.groupBy === 'workspace' ? 'c.workspace_id' : "COALESCE(c.model, 'other')";
  const rows = db
    .prepare(
      `SELECT ${column} AS grp, MAX(w.name) AS workspaceName, c.bucket_start_ms AS day, SUM(c.amount_nanocents) AS nanocents
       FROM cost_daily c LEFT JOIN workspaces w ON w.id = c.workspace_id
       WHERE c.bucket_start_ms >= ? AND c.bucket_start_ms < ?
       GROUP BY grp, c.bucket_start_ms`,
    )
    .safeIntegers(true)
    .all(BigInt(fromMs), BigInt(todayMs + DAY)) as Array<{ grp: string | null; workspaceName: string | null; day: bigint; nanocents: bigint }>;

  const groups = new Map<string, { label: string; perDay: bigint[] }>();
  for (const row of rows) {
    const key = row.grp ?? 'default';
    const label = query.groupBy === 'workspace' ? (row.workspaceName ?? (row.grp === null ? 'Default Workspace' : row.grp)) : key;
    const group = groups.get(key) ?? { label, perDay: dayStartsMs.map(() => 0n) };
    const index = Math.floor((Number(row.day) - fromMs) / DAY);
    if (index >= 0 && index < group.perDay.length) group.perDay[index]! += row.nanocents;
    groups.set(key, group);
  }
  const series = [...groups.entries()]
    .map(([key, group]) => ({ key, label: group.label, perDay: group.perDay, total: group.perDay.reduce((a, b) => a + b, 0n) }))
    .sort((a, b) => (b.total > a.total ? 1 : b.total < a.total ? -1 : a.label.localeCompare(b.label)));
  return {
    currency: 'USD',
    dayStartsMs,
    series: series.map((s) => ({ key: s.key, label: s.label, cents: s.perDay.map(nanocentsToCents), totalCents: nanocentsToCents(s.total) })),
    totalCents: nanocentsToCents(series.reduce((sum, s) => sum + s.total, 0n)),
  };
}
