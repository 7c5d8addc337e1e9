/**
 * The admin key as the window knows it: `{present, orgName, verifiedAt}` only. The key typed in Settings
 * is handed to main once (`key.set`) and never kept in this store.
 */
import { create } from 'zustand';
import type { KeyStatus } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

interface VaultState {
  status: KeyStatus | null;
  busy: boolean;
  error: string | null;
  load: () => Promise<void>;
  connect: (key: string) => Promise<boolean>;
  clear: () => Promise<void>;
}

export const useVaultStore = create<VaultState>((set) => ({
  status: null,
  busy: false,
  error: null,
  load: async () => {
    try {
      set({ status: await unwrap(api().key.status()), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  connect: async (key) => {
    set({ busy: true, error: null });
    try {
      set({ status: await unwrap(api().key.set({ key })), busy: false });
      return true;
    } catch (error) {
      set({ error: errorMessage(error), busy: false });
      return false;
    }
  },
  clear: async () => {
    set({ busy: true, error: null });
    try {
      set({ status: await unwrap(api().key.clear()), busy: false });
    } catch (error) {
      set({ error: errorMessage(error), busy: false });
    }
  },
}));
