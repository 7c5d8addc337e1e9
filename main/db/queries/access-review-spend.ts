/**
 * The access review's "spend by workspace and month": the one spend read (spend.ts, the cost the alerts, overview
 * and tree sum) over the period, added up per UTC month and workspace as exact BigInt nanocents, with whether the
 * mirror's cost report holds the whole period.
 */
import type Database from 'better-sqlite3';
import type { ReviewSpendRow } from '../../core/review/access-review';
import { nanocentsToCents } from '../../core/money';
import { ReportRepo } from '../repos/report-repo';
import { readDailyCost } from './spend';

export function readReviewSpend(
  db: Database.Database,
  fromMs: number,
  toExclusiveMs: number,
): { rows: ReviewSpendRow[]; complete: boolean } {
  const workspaces = db.prepare(`SELECT id, name, is_default AS isDefault FROM workspaces`).all() as Array<{
    id: string;
    name: string;
    isDefault: number;
  }>;
  const defaultId = workspaces.find((w) => w.isDefault === 1)?.id ?? null;
  const names = new Map(workspaces.map((w) => [w.id, w.name]));
  const sums = new Map<string, { month: string; workspaceName: string; nanocents: bigint }>();
  for (const row of readDailyCost(db, fromMs, toExclusiveMs - 1, defaultId)) {
    const month = row.day.slice(0, 7);
    const workspaceName =
      row.workspaceId === null ? 'Default Workspace' : (names.get(row.workspaceId) ?? row.workspaceId);
    const slot = `${month}|${workspaceName}|${row.workspaceId ?? ''}`;
    const sum = sums.get(slot);
    if (sum) sum.nanocents += row.nanocents;
    else sums.set(slot, { month, workspaceName, nanocents: row.nanocents });
  }
  const rows = [...sums.values()]
    .sort((a, b) => a.month.localeCompare(b.month) || a.workspaceName.localeCompare(b.workspaceName))
    .map(({ month, workspaceName, nanocents }) => ({ month, workspaceName, cents: nanocentsToCents(nanocents) }));
  const coverage = new ReportRepo(db).coverage('cost_daily');
  const complete = coverage !== null && coverage.fromMs <= fromMs && coverage.toMs >= toExclusiveMs;
  return { rows, complete };
}
