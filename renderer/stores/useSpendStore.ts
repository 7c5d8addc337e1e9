/** Daily billed cost for the spend view (`spend.daily({days, groupBy})`). */
import { create } from 'zustand';
import type { DailySpend, DailySpendQuery } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface SpendState {
  query: DailySpendQuery;
  status: LoadStatus;
  data: DailySpend | null;
  error: string | null;
  load: (query?: DailySpendQuery) => Promise<void>;
}

export const useSpendStore = create<SpendState>((set, get) => ({
  query: { days: 30, groupBy: 'workspace' },
  status: 'idle',
  data: null,
  error: null,
  load: async (query = get().query) => {
    set({ query, status: get().data ? 'ready' : 'loading', error: null });
    try {
      const data = await unwrap(api().spend.daily(query));
      // A slower answer for an older query must not overwrite a newer one.
      if (get().query === query) set({ data, status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
