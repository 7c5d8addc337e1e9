/** Handlers for preload/contract-access.ts: who can reach a workspace, from the local mirror, never the network. */
import type Database from 'better-sqlite3';
import type { WorkspaceAccess } from '../../../preload/contract-access';
import type { Handler } from '../handler-types';
import { HandlerError } from '../handler-error';
import { readWorkspaceAccess } from '../../db/queries/workspace-access';

export interface AccessDeps {
  /** The open mirror, or null while it is being prepared (first demo sync) or absent. */
  mirror: () => Database.Database | null;
  now: () => number;
}

export function accessHandlers(deps: AccessDeps): {
  'clade:workspaces/access': Handler<'clade:workspaces/access'>;
} {
  return {
    'clade:workspaces/access': async ({ workspaceId }) => {
      const db = deps.mirror();
      if (!db)
        throw new HandlerError(
          'unavailable',
          'The local copy of the org is still being prepared. Try again in a moment.',
        );
      return readWorkspaceAccess(db, workspaceId, deps.now()) satisfies WorkspaceAccess | null;
    },
  };
}
