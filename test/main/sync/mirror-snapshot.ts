/** The content of a mirror file, table by table, without the columns that record when (not what) was fetched. */
import Database from 'better-sqlite3';

export const MIRRORED_TABLES: Record<string, string> = {
  organization: 'id',
  users: 'id',
  workspaces: 'id',
  workspace_members: 'workspace_id, user_id',
  api_keys: 'id',
  invites: 'id',
  rate_limits: 'id',
  workspace_rate_limits: 'workspace_id, rate_limit_id',
  spend_limits: 'id',
  usage_hourly: 'bucket_start_ms, group_key',
  usage_daily: 'bucket_start_ms, group_key',
  cost_daily: 'bucket_start_ms, group_key',
  claude_code_daily: 'bucket_start_ms, group_key',
  report_coverage: 'resource',
};
const VOLATILE = new Set(['first_seen_at_ms', 'last_seen_at_ms', 'seen_pass', 'fetched_at_ms']);

export function snapshotMirror(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, order] of Object.entries(MIRRORED_TABLES)) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as Array<{ name: string }>)
        .map((c) => c.name)
        .filter((c) => !VOLATILE.has(c));
      // Report rows hold their group's id (migration 0350): compare the group itself, whatever id it got.
      const grouped = columns.includes('group_key');
      const select = columns.map((c) =>
        c === 'group_key' ? 'coalesce(g.group_key, t.group_key) AS group_key' : `t.${c}`,
      );
      const from = grouped ? `${table} t LEFT JOIN report_groups g ON t.group_key = CAST(g.id AS TEXT)` : `${table} t`;
      const orderBy = order
        .split(', ')
        .map((c) => (c === 'group_key' ? 'coalesce(g.group_key, t.group_key)' : `t.${c}`))
        .join(', ');
      out[table] = db
        .prepare(`SELECT ${select.join(', ')} FROM ${from} ORDER BY ${orderBy}`)
        .safeIntegers(true)
        .all();
    }
    return out;
  } finally {
    db.close();
  }
}
