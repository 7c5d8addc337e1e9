/**
 * Names for the groups of a usage chart: workspace and key names from the mirror, model ids as they are, and a
 * plain description for the null groups the reports use (default workspace, usage without a key, cost without a model).
 */
import type Database from 'better-sqlite3';
import type { UsageSeriesQuery } from '../../../preload/contract-usage';
import { tableExists } from './key-inventory';

export interface GroupLabeller {
  key: (grp: string | null) => string;
  label: (grp: string | null) => string;
}

const NULL_GROUP: Record<UsageSeriesQuery['groupBy'], { key: string; label: string }> = {
  workspace: { key: 'default', label: 'Default Workspace' },
  key: { key: 'no-key', label: 'No key (Console and Workbench)' },
  model: { key: 'no-model', label: 'Not a model (web search, code execution)' },
};

export function groupLabeller(db: Database.Database, groupBy: UsageSeriesQuery['groupBy']): GroupLabeller {
  const names =
    groupBy === 'model'
      ? new Map<string, string>()
      : groupBy === 'workspace'
        ? namesOf(db, 'workspaces')
        : keyNames(db);
  const none = NULL_GROUP[groupBy];
  return {
    key: (grp) => grp ?? none.key,
    label: (grp) => (grp === null ? none.label : (names.get(grp) ?? grp)),
  };
}

/** Key names repeat across workspaces (e.g. "backend-production"), so a key is named with its workspace. */
function keyNames(db: Database.Database): Map<string, string> {
  if (!tableExists(db, 'api_keys')) return new Map();
  const workspaces = namesOf(db, 'workspaces');
  const rows = db.prepare(`SELECT id, name, workspace_id AS workspaceId FROM api_keys`).all() as Array<{
    id: string;
    name: string;
    workspaceId: string | null;
  }>;
  return new Map(
    rows.map((row) => [
      row.id,
      `${row.name} (${row.workspaceId === null ? 'Default Workspace' : (workspaces.get(row.workspaceId) ?? row.workspaceId)})`,
    ]),
  );
}

/** Labels the table and CSV can tell apart: any label still shared by two groups gets the group's id appended. */
export function uniqueLabels<T extends { key: string; label: string }>(groups: T[]): T[] {
  const counts = new Map<string, number>();
  for (const group of groups) counts.set(group.label, (counts.get(group.label) ?? 0) + 1);
  return groups.map((group) =>
    (counts.get(group.label) ?? 0) > 1 ? { ...group, label: `${group.label} [${group.key}]` } : group,
  );
}

function namesOf(db: Database.Database, table: 'workspaces' | 'api_keys'): Map<string, string> {
  if (!tableExists(db, table)) return new Map();
  const rows = db.prepare(`SELECT id, name FROM ${table}`).all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}
