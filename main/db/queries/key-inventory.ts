/**
 * Every API key with its workspace, creator (and whether they are still a member), last day with usage
 * and 30-day token count, plus its hygiene verdict by the profile's rules (key-hygiene.ts). Reads the mirror only.
 */
import type Database from 'better-sqlite3';
import type { KeyInventoryRow } from '../../../preload/contract';
import type { AlertRules, KeyJudgement } from '../../core/alerts/index';
import { judgeMirroredKey } from './key-hygiene';
import { readProfileAlertRules } from './profile-rules';

const DAY = 86_400_000;

interface KeySqlRow {
  id: string;
  name: string;
  status: string;
  partialKeyHint: string | null;
  createdAtMs: number;
  expiresAtMs: number | null;
  workspaceId: string | null;
  workspaceName: string | null;
  createdById: string | null;
  createdByType: string | null;
  creatorName: string | null;
  /** 1 when the key's workspace is the default one, or the key has the legacy shape with no workspace. */
  inDefault: number;
}

/** An inventory row with the whole judgement: every verdict that applies, days to expiry, age (`keys` shows them). */
export type JudgedKeyRow = KeyInventoryRow &
  Pick<KeyJudgement, 'verdicts' | 'daysToExpiry' | 'ageDays'> & { inDefaultWorkspace: boolean };

/** The window's inventory: the row it shows, one verdict per key. */
export function readKeyInventory(
  db: Database.Database,
  nowMs: number,
  rules: AlertRules = readProfileAlertRules(db),
): KeyInventoryRow[] {
  return readJudgedKeyInventory(db, nowMs, rules).map(
    ({ verdicts: _verdicts, daysToExpiry: _days, ageDays: _age, ...row }) => row,
  );
}

export function readJudgedKeyInventory(
  db: Database.Database,
  nowMs: number,
  rules: AlertRules = readProfileAlertRules(db),
): JudgedKeyRow[] {
  const keys = db
    .prepare(
      `SELECT k.id, k.name, k.status, k.partial_key_hint AS partialKeyHint, k.created_at_ms AS createdAtMs,
              k.expires_at_ms AS expiresAtMs, k.workspace_id AS workspaceId, w.name AS workspaceName,
              k.created_by_id AS createdById, k.created_by_type AS createdByType, u.name AS creatorName,
              (coalesce(w.is_default, 0) = 1 OR (k.workspace_id IS NULL AND k.scope_type IS NULL)) AS inDefault
       FROM api_keys k
       LEFT JOIN workspaces w ON w.id = k.workspace_id
       LEFT JOIN users u ON u.id = k.created_by_id
       ORDER BY k.name COLLATE NOCASE`,
    )
    .all() as KeySqlRow[];
  const usage = readKeyUsage(db, nowMs - 30 * DAY);
  return keys.map((key) => {
    const used = usage.get(key.id);
    const creatorIsMember = key.createdById === null || key.createdByType !== 'user' ? null : key.creatorName !== null;
    const row = {
      id: key.id,
      name: key.name,
      workspaceId: key.workspaceId,
      workspaceName: key.workspaceName ?? (key.workspaceId === null ? 'Default Workspace' : key.workspaceId),
      status: key.status,
      partialKeyHint: key.partialKeyHint,
      createdAtMs: key.createdAtMs,
      expiresAtMs: key.expiresAtMs,
      creatorName: creatorLabel(key),
      creatorIsMember,
      inDefaultWorkspace: key.inDefault === 1,
      lastUsedDayMs: used?.lastDayMs ?? null,
      tokens30d: used?.tokens30d ?? 0,
    };
    const { verdict, reason, verdicts, daysToExpiry, ageDays } = judgeMirroredKey(row, rules, nowMs);
    return { ...row, verdict, reason, verdicts, daysToExpiry, ageDays };
  });
}

/** A user's name; "a service account"; "a former member" when the creating user left; null when the API names no creator. */
function creatorLabel(key: KeySqlRow): string | null {
  if (key.createdById === null) return null;
  if (key.createdByType === 'service_account') return 'a service account';
  if (key.createdByType !== 'user') return key.createdByType ?? null;
  return key.creatorName ?? 'a former member';
}

function readKeyUsage(db: Database.Database, sinceMs: number): Map<string, { lastDayMs: number; tokens30d: number }> {
  if (!tableExists(db, 'usage_daily')) return new Map();
  const rows = db
    .prepare(
      `SELECT api_key_id AS keyId, MAX(bucket_start_ms) AS lastDayMs,
              SUM(CASE WHEN bucket_start_ms >= ? THEN uncached_input_tokens + cache_creation_1h_input_tokens
                  + cache_creation_5m_input_tokens + cache_read_input_tokens + output_tokens ELSE 0 END) AS tokens30d
       FROM usage_daily
       WHERE api_key_id IS NOT NULL
         AND (uncached_input_tokens + cache_creation_1h_input_tokens + cache_creation_5m_input_tokens
              + cache_read_input_tokens + output_tokens) > 0
       GROUP BY api_key_id`,
    )
    .all(sinceMs) as Array<{ keyId: string; lastDayMs: number; tokens30d: number }>;
  return new Map(rows.map((row) => [row.keyId, { lastDayMs: row.lastDayMs, tokens30d: Number(row.tokens30d) }]));
}

export function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined;
}
