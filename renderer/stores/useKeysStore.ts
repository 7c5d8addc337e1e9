/** The key inventory (`keys.inventory()`): every key with its hygiene verdict. */
import { create } from 'zustand';
import type { KeyInventoryRow } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';
import type { LoadStatus } from './useOrgStore';

interface KeysState {
  status: LoadStatus;
  keys: KeyInventoryRow[];
  error: string | null;
  load: () => Promise<void>;
}

export const useKeysStore = create<KeysState>((set, get) => ({
  status: 'idle',
  keys: [],
  error: null,
  load: async () => {
    set({ status: get().keys.length > 0 ? 'ready' : 'loading', error: null });
    try {
      set({ keys: await unwrap(api().keys.inventory()), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
}));
