import type Database from 'better-sqlite3';
import type { JournalContext } from '../../core/audit/normalise-journal';

/**
 * What a journal row lacks, read from the mirror: a `changed` row carries only the changed fields, and a member's
 * row only ids. So the trail says "User Ada Lovelace changed" and "Ada Lovelace added to workspace Production"
 * rather than bare ids (the ids stay in the event's targets).
 */
export function describeFromMirror(
  db: Database.Database,
): (row: { resource: string; entityKey: string }) => JournalContext {
  const user = db.prepare('SELECT name FROM users WHERE id = ?').pluck();
  const key = db.prepare('SELECT name, workspace_id FROM api_keys WHERE id = ?');
  const workspace = db.prepare('SELECT name FROM workspaces WHERE id = ?').pluck();
  const userName = (id: string | undefined): string | null =>
    id ? ((user.get(id) as string | undefined) ?? null) : null;
  const workspaceName = (id: string | undefined): string | null =>
    id ? ((workspace.get(id) as string | undefined) ?? null) : null;
  return (row) => {
    if (row.resource === 'users') return { name: userName(row.entityKey) };
    if (row.resource === 'workspaces') return { name: workspaceName(row.entityKey), workspaceId: row.entityKey };
    if (row.resource === 'api_keys') {
      const found = key.get(row.entityKey) as { name: string; workspace_id: string | null } | undefined;
      return { name: found?.name ?? null, workspaceId: found?.workspace_id ?? null };
    }
    if (row.resource === 'workspace_members') {
      const parts = row.entityKey.split('/');
      const workspaceId = parts.find((part) => part.startsWith('wrkspc_'));
      return {
        workspaceId: workspaceId ?? null,
        workspaceName: workspaceName(workspaceId),
        userName: userName(parts.find((part) => part.startsWith('user_'))),
      };
    }
    return {};
  };
}
