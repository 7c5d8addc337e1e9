/**
 * The mirror's side of an action: what it knows of the targets before (names, current state), and applying the
 * core's update plan after a success, so the window shows the change at once. Goes through the sync's EntityRepo
 * and the core's row mapping, so a row written here is exactly what the next sync would have written.
 */
import type { ActionContext, AdminAction, MirrorOp } from '../../core/actions';
import { ENTITY_SPECS, type Row } from '../../core/sync/entities';
import type { MirrorDb } from '../open';
import { EntityRepo } from './entity-repo';

/**
 * Rows written here carry seen_pass 0 ("not stamped by a pass"): the next pass over the resource stamps them again
 * when the API still lists them, and forgets them when it does not, as for any other row.
 */
const NO_PASS = 0;

const str = (v: unknown): string => (v == null ? '' : String(v));

export function readActionContext(db: MirrorDb, action: AdminAction): ActionContext {
  const repo = new EntityRepo(db);
  const context: ActionContext = {};
  if ('keyId' in action) {
    const row = repo.get('api_keys', ['id'], { id: action.keyId });
    context.key = row
      ? {
          id: action.keyId,
          name: str(row.name),
          status: str(row.status),
          workspaceId: row.workspace_id == null ? null : str(row.workspace_id),
        }
      : null;
  }
  const workspaceId = 'workspaceId' in action ? action.workspaceId : (context.key?.workspaceId ?? null);
  if (workspaceId) {
    const row = repo.get('workspaces', ['id'], { id: workspaceId });
    context.workspace = row ? { id: workspaceId, name: str(row.name), archived: row.archived_at_ms != null } : null;
  }
  if ('userId' in action) {
    const row = repo.get('users', ['id'], { id: action.userId });
    context.user = row ? { id: action.userId, email: str(row.email), name: str(row.name), role: str(row.role) } : null;
    if ('workspaceId' in action) {
      const member = repo.get('workspace_members', ['workspace_id', 'user_id'], {
        workspace_id: action.workspaceId,
        user_id: action.userId,
      });
      context.member = member
        ? { workspaceId: action.workspaceId, userId: action.userId, role: str(member.workspace_role) }
        : null;
    }
  }
  if ('inviteId' in action) {
    const row = repo.get('invites', ['id'], { id: action.inviteId });
    context.invite = row
      ? { id: action.inviteId, email: str(row.email), role: str(row.role), status: str(row.status) }
      : null;
  }
  return context;
}

export function applyMirrorOps(db: MirrorDb, ops: readonly MirrorOp[], atMs: number): void {
  const repo = new EntityRepo(db);
  db.transaction(() => {
    for (const op of ops) {
      if (op.op === 'delete') {
        repo.delete(op.resource, Object.keys(op.match), op.match);
        continue;
      }
      const spec = ENTITY_SPECS[op.resource] as { keyColumns: readonly string[]; toRow(item: unknown): Row };
      const row = spec.toRow(op.item);
      if (repo.get(op.resource, spec.keyColumns, row)) repo.update(op.resource, spec.keyColumns, row, atMs, NO_PASS);
      else repo.insert(op.resource, row, atMs, NO_PASS);
    }
  })();
}
