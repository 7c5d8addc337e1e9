/**
 * Who can reach the workspace open in the tree's details, fed only through window.api (`workspaces.access()`):
 * main's access read model, the same answer `clade-admin access` prints. One workspace at a time.
 */
import { create } from 'zustand';
import type { WorkspaceAccess } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface WorkspaceAccessState {
  /** The workspace asked for (null: the default workspace); undefined before the first ask. */
  workspaceId: string | null | undefined;
  status: LoadStatus;
  access: WorkspaceAccess | null;
  error: string | null;
  load: (workspaceId: string | null) => Promise<void>;
}

export const useWorkspaceAccessStore = create<WorkspaceAccessState>((set, get) => ({
  workspaceId: undefined,
  status: 'idle',
  access: null,
  error: null,
  load: async (workspaceId) => {
    const same = get().workspaceId === workspaceId;
    // A refresh of the same workspace keeps showing it; another workspace starts empty.
    set({
      workspaceId,
      status: same && get().access ? 'ready' : 'loading',
      error: null,
      ...(same ? {} : { access: null }),
    });
    try {
      const access = await unwrap(api().workspaces.access({ workspaceId }));
      if (get().workspaceId === workspaceId) set({ access, status: 'ready' });
    } catch (error) {
      if (get().workspaceId === workspaceId) set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
