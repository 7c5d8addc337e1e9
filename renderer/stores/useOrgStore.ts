/** The org tree as the mirror holds it, fed only through window.api (`org.tree()`). */
import { create } from 'zustand';
import type { OrgTree } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

interface OrgState {
  status: LoadStatus;
  /** null once loaded means the mirror holds no organization yet. */
  tree: OrgTree | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useOrgStore = create<OrgState>((set, get) => ({
  status: 'idle',
  tree: null,
  error: null,
  load: async () => {
    // Keep showing the previous tree while a refresh runs: a sync must not blank the window.
    set({ status: get().tree ? 'ready' : 'loading', error: null });
    try {
      set({ tree: await unwrap(api().org.tree()), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
