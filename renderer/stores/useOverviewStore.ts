/** The overview's data: the month, alerts and sync health (`overview.summary()`) and per-resource freshness (`mirror.status()`). */
import { create } from 'zustand';
import type { MirrorStatus, Overview } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface OverviewState {
  status: LoadStatus;
  overview: Overview | null;
  mirror: MirrorStatus | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useOverviewStore = create<OverviewState>((set, get) => ({
  status: 'idle',
  overview: null,
  mirror: null,
  error: null,
  load: async () => {
    // Keep what is on screen while a refresh (after a sync) runs.
    set({ status: get().overview ? 'ready' : 'loading', error: null });
    try {
      const [overview, mirror] = await Promise.all([unwrap(api().overview.summary()), unwrap(api().mirror.status())]);
      set({ overview, mirror, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
