/** What the window knows about the app itself (name, version, demo or live). Loaded once at start. */
import { create } from 'zustand';
import type { AppInfo } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

interface AppState {
  info: AppInfo | null;
  error: string | null;
  load: () => Promise<void>;
}

export const useAppStore = create<AppState>((set) => ({
  info: null,
  error: null,
  load: async () => {
    try {
      set({ info: await unwrap(api().app.info()), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
}));
