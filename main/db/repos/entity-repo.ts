/**
 * SQL for the mirrored resource tables (users, workspaces, members, keys, invites, limits). Every table has the
 * row's columns plus first_seen_at_ms, last_seen_at_ms and seen_pass; table and column names come from the
 * entity specs in core (fixed code, never input), so the statements are built once and cached.
 */
import type Database from 'better-sqlite3';
import type { EntityResource, Row } from '../../core/sync/entities';
import { statementCache } from './statement-cache';

/** Per-workspace resources are passed over one workspace at a time; this column scopes their removals. */
export const SCOPE_COLUMN: Partial<Record<EntityResource, string>> = {
  workspace_members: 'workspace_id',
  workspace_rate_limits: 'workspace_id',
};

const TABLES: Record<EntityResource, string> = {
  users: 'users',
  invites: 'invites',
  workspaces: 'workspaces',
  workspace_members: 'workspace_members',
  api_keys: 'api_keys',
  rate_limits: 'rate_limits',
  workspace_rate_limits: 'workspace_rate_limits',
  spend_limits: 'spend_limits',
  spend_limits_effective: 'spend_limits_effective',
};

const BOOKKEEPING = ['first_seen_at_ms', 'last_seen_at_ms', 'seen_pass'];

export class EntityRepo {
  private readonly stmt: (sql: string) => Database.Statement;

  constructor(private readonly db: Database.Database) {
    this.stmt = statementCache(db);
  }

  /** The stored row (without bookkeeping columns), integers as BigInt so money stays exact. */
  get(resource: EntityResource, keyColumns: readonly string[], row: Row): Row | undefined {
    const where = keyColumns.map((c) => `${c} = ?`).join(' AND ');
    const stored = this.stmt(`SELECT * FROM ${TABLES[resource]} WHERE ${where}`)
      .safeIntegers(true)
      .get(...keyColumns.map((c) => row[c] ?? null)) as Row | undefined;
    if (!stored) return undefined;
    for (const c of BOOKKEEPING) delete stored[c];
    return stored;
  }

  insert(resource: EntityResource, row: Row, atMs: number, passId: number): void {
    const columns = [...Object.keys(row), ...BOOKKEEPING];
    const sql = `INSERT INTO ${TABLES[resource]} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    this.stmt(sql).run(...Object.values(row), atMs, atMs, passId);
  }

  update(resource: EntityResource, keyColumns: readonly string[], row: Row, atMs: number, passId: number): void {
    const fields = Object.keys(row).filter((c) => !keyColumns.includes(c));
    const set = [...fields.map((c) => `${c} = ?`), 'last_seen_at_ms = ?', 'seen_pass = ?'].join(', ');
    const where = keyColumns.map((c) => `${c} = ?`).join(' AND ');
    this.stmt(`UPDATE ${TABLES[resource]} SET ${set} WHERE ${where}`).run(
      ...fields.map((c) => row[c] ?? null),
      atMs,
      passId,
      ...keyColumns.map((c) => row[c] ?? null),
    );
  }

  /** Rows of the scope not stamped by this pass: what the API no longer lists. */
  unseen(resource: EntityResource, scope: string, passId: number): Row[] {
    const scopeColumn = SCOPE_COLUMN[resource];
    const sql = scopeColumn
      ? `SELECT * FROM ${TABLES[resource]} WHERE ${scopeColumn} = ? AND seen_pass != ?`
      : `SELECT * FROM ${TABLES[resource]} WHERE seen_pass != ?`;
    const rows = this.stmt(sql)
      .safeIntegers(true)
      .all(...(scopeColumn ? [scope, passId] : [passId])) as Row[];
    for (const r of rows) for (const c of BOOKKEEPING) delete r[c];
    return rows;
  }

  delete(resource: EntityResource, keyColumns: readonly string[], row: Row): void {
    const where = keyColumns.map((c) => `${c} = ?`).join(' AND ');
    this.stmt(`DELETE FROM ${TABLES[resource]} WHERE ${where}`).run(...keyColumns.map((c) => row[c] ?? null));
  }

  count(resource: EntityResource): number {
    return Number((this.stmt(`SELECT count(*) AS n FROM ${TABLES[resource]}`).get() as { n: number }).n);
  }
}
