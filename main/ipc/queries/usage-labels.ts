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
  const names = groupBy === 'model' ? new Map<string, string>() : namesOf(db, groupBy === 'workspace' ? 'workspaces' : 'api_keys');
  const none = NULL_GROUP[groupBy];
  return {
    key: (grp) => grp ?? none.key,
    label: (grp) => (grp === null ? none.label : (names.get(grp) ?? grp)),
  };
}

function namesOf(db: Database.Database, table: 'workspaces' | 'api_keys'): Map<string, string> {
  if (!tableExists(db, table)) return new Map();
  const rows = db.prepare(`SELECT id, name FROM ${table}`).all() as Array<{ id: string; name: string }>;
  return new Map(rows.map((row) => [row.id, row.name]));
}
