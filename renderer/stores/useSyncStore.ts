/** Live sync progress from the `clade:sync/progress-changed` push channel. */
import { create } from 'zustand';
import type { SyncProgress } from '../../preload/contract';
import { api } from '../lib/api';

interface SyncState {
  progress: SyncProgress | null;
  /** Starts listening; returns the unsubscribe. When a sync ends, `onDone` runs (e.g. reload the tree). */
  listen: (onDone: () => void) => () => void;
}

export const useSyncStore = create<SyncState>((set) => ({
  progress: null,
  listen: (onDone) =>
    api().sync.onProgressChanged((progress) => {
      set({ progress });
      if (progress.phase === 'done') onDone();
    }),
}));
