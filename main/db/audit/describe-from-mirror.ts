import type Database from 'better-sqlite3';

/**
 * What a `changed` journal row lacks (it carries only the changed fields): the entity's current name and
 * workspace, read from the mirror, so the trail says "User Ada Lovelace changed" rather than a bare id.
 */
export function describeFromMirror(
  db: Database.Database,
): (row: { resource: string; entityKey: string }) => { name?: string | null; workspaceId?: string | null } {
  const user = db.prepare('SELECT name FROM users WHERE id = ?');
  const key = db.prepare('SELECT name, workspace_id FROM api_keys WHERE id = ?');
  const workspace = db.prepare('SELECT name FROM workspaces WHERE id = ?');
  return (row) => {
    if (row.resource === 'users')
      return { name: (user.get(row.entityKey) as { name: string } | undefined)?.name ?? null };
    if (row.resource === 'workspaces')
      return {
        name: (workspace.get(row.entityKey) as { name: string } | undefined)?.name ?? null,
        workspaceId: row.entityKey,
      };
    if (row.resource === 'api_keys') {
      const found = key.get(row.entityKey) as { name: string; workspace_id: string | null } | undefined;
      return { name: found?.name ?? null, workspaceId: found?.workspace_id ?? null };
    }
    return {};
  };
}
