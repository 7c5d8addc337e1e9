/** Usage and cost for the spend view (`usage.series(query)`): the query shown and its answer. */
import { create } from 'zustand';
import type { UsageSeries, UsageSeriesQuery } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

export const DEFAULT_SPEND_QUERY: UsageSeriesQuery = {
  range: { kind: 'preset', preset: '30d' },
  bucket: 'day',
  groupBy: 'workspace',
  metric: 'cost',
};

interface SpendState {
  query: UsageSeriesQuery;
  status: LoadStatus;
  data: UsageSeries | null;
  error: string | null;
  load: (query?: UsageSeriesQuery) => Promise<void>;
  /** While the view is open: reload the shown query whenever a sync ends. Returns the unsubscribe. */
  reloadAfterSyncs: () => () => void;
}

export const useSpendStore = create<SpendState>((set, get) => ({
  query: DEFAULT_SPEND_QUERY,
  status: 'idle',
  data: null,
  error: null,
  load: async (query = get().query) => {
    set({ query, status: get().data ? 'ready' : 'loading', error: null });
    try {
      const data = await unwrap(api().usage.series(query));
      // A slower answer for an older query must not overwrite a newer one.
      if (get().query === query) set({ data, status: 'ready' });
    } catch (error) {
      if (get().query === query) set({ status: 'error', error: errorMessage(error) });
    }
  },
  reloadAfterSyncs: () => {
    try {
      return api().sync.onProgressChanged((progress) => {
        if (progress.phase === 'done') void get().load();
      });
    } catch {
      return () => undefined; // no bridge: load() already shows why
    }
  },
}));
