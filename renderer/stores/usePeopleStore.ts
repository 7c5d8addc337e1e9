/** The org's members and invites (`people.list()`), for the People view. */
import { create } from 'zustand';
import type { People } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface PeopleState {
  status: LoadStatus;
  people: People;
  error: string | null;
  load: () => Promise<void>;
}

const EMPTY: People = { firstSyncAtMs: null, members: [], invites: [] };

export const usePeopleStore = create<PeopleState>((set, get) => ({
  status: 'idle',
  people: EMPTY,
  error: null,
  load: async () => {
    set({ status: get().people.members.length > 0 ? 'ready' : 'loading', error: null });
    try {
      set({ people: await unwrap(api().people.list()), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
