/**
 * The one read of spend from the mirror: cost per UTC day and workspace, and the monthly spend limits. The alerts
 * (and with them the tray and notifications), the overview, the tree and the spend summary all read through here,
 * so no two of them can sum or file the same cost differently.
 *
 * Cost comes from `cost_day_rollup` (one row per day, workspace and currency, kept equal to the cost rows' sum by
 * triggers, migration 310), so a 100-workspace org is ~100 rows a day instead of ~4,000. The cost report files the
 * default workspace under no id; when the mirror knows its id, that spend is filed there, as its keys and limits are.
 */
import type Database from 'better-sqlite3';
import type { AlertDailyCost, AlertSpendLimit } from '../../core/alerts/index';
import { nanocentsToCents } from '../../core/money';
import { cachedStatement } from '../repos/statement-cache';

/** USD cost per UTC day and workspace in [fromMs, toMs], the default workspace's two spellings summed into one row. */
export function readDailyCost(
  db: Database.Database,
  fromMs: number,
  toMs: number,
  defaultWorkspaceId: string | null,
): AlertDailyCost[] {
  const rows = cachedStatement(
    db,
    `SELECT bucket_start_ms, workspace_key, amount_nanocents FROM cost_day_rollup
     WHERE currency = 'USD' AND bucket_start_ms >= ? AND bucket_start_ms <= ?
     ORDER BY bucket_start_ms, workspace_key`,
  )
    .raw(true)
    .safeIntegers(true)
    .all(BigInt(fromMs), BigInt(toMs)) as Array<[dayMs: bigint, workspaceKey: string, nanocents: bigint]>;
  // ~100 workspaces share each day: format each day once, not once per row.
  const dayText = new Map<bigint, string>();
  const byKey = new Map<string, AlertDailyCost>();
  for (const [dayMs, key, nanocents] of rows) {
    let day = dayText.get(dayMs);
    if (day === undefined) dayText.set(dayMs, (day = new Date(Number(dayMs)).toISOString().slice(0, 10)));
    const workspaceId = key === '' ? defaultWorkspaceId : key;
    const slot = `${day}|${workspaceId ?? ''}`;
    const existing = byKey.get(slot);
    if (existing) existing.nanocents += nanocents;
    else byKey.set(slot, { day, workspaceId, nanocents });
  }
  return [...byKey.values()];
}

/** Enabled monthly USD limits of the organization or a workspace (other scopes are not measured against). */
export function readMonthlySpendLimits(db: Database.Database): AlertSpendLimit[] {
  const rows = cachedStatement(
    db,
    `SELECT scope_type, scope_workspace_id, amount_nanocents FROM spend_limits
     WHERE is_enabled = 1 AND period = 'monthly' AND currency = 'USD' AND amount_nanocents IS NOT NULL
       AND scope_type IN ('organization', 'workspace')
     ORDER BY scope_type, scope_workspace_id, id`,
  )
    .raw(false)
    .safeIntegers(true)
    .all() as Array<{
    scope_type: 'organization' | 'workspace';
    scope_workspace_id: string | null;
    amount_nanocents: bigint;
  }>;
  return rows.map((row) => ({
    scope: row.scope_type,
    ...(row.scope_type === 'workspace' ? { workspaceId: row.scope_workspace_id } : {}),
    amountCents: nanocentsToCents(row.amount_nanocents),
    period: 'monthly' as const,
  }));
}
