/** The overview's data: mirror freshness (`mirror.status()`) and this month's spend (`spend.summary()`). */
import { create } from 'zustand';
import type { MirrorStatus, SpendSummary } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface OverviewState {
  status: LoadStatus;
  mirror: MirrorStatus | null;
  spend: SpendSummary | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useOverviewStore = create<OverviewState>((set, get) => ({
  status: 'idle',
  mirror: null,
  spend: null,
  error: null,
  load: async () => {
    set({ status: get().mirror ? 'ready' : 'loading', error: null });
    try {
      const [mirror, spend] = await Promise.all([unwrap(api().mirror.status()), unwrap(api().spend.summary())]);
      set({ mirror, spend, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
