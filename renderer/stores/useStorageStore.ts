/**
 * A file problem with the open profile's mirror (what, where, what to do) and the one repair the window offers:
 * moving an unreadable mirror aside so main syncs a new one. Main decides which file and whether it may move;
 * the window only asks. Reloaded when a sync ends (done or failed), since that is when a problem appears or clears.
 */
import { create } from 'zustand';
import type { StorageProblemView } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

/** idle → confirming (the dialog asks) → moving (main moves and resyncs) → done (the result, or why not). */
export type MoveAsidePhase = 'idle' | 'confirming' | 'moving' | 'done';

interface StorageState {
  problem: StorageProblemView | null;
  phase: MoveAsidePhase;
  movedTo: string | null;
  error: string | null;
  load: () => Promise<void>;
  ask: () => void;
  /** Moves the mirror aside; `onMoved` refreshes the views from the new mirror. */
  confirm: (onMoved: () => void) => Promise<void>;
  close: () => void;
}

export const useStorageStore = create<StorageState>((set, get) => ({
  problem: null,
  phase: 'idle',
  movedTo: null,
  error: null,
  load: async () => {
    try {
      set({ problem: await unwrap(api().mirror.problem()) });
    } catch {
      // Leave what is shown: the views' own error states say when main cannot be reached.
    }
  },
  ask: () => set({ phase: 'confirming', movedTo: null, error: null }),
  confirm: async (onMoved) => {
    if (get().phase !== 'confirming') return;
    set({ phase: 'moving' });
    try {
      const { movedTo } = await unwrap(api().mirror.moveAside());
      set({ phase: 'done', movedTo });
      onMoved();
    } catch (error) {
      set({ phase: 'done', error: errorMessage(error) });
    }
    await get().load();
  },
  close: () => set({ phase: 'idle', movedTo: null, error: null }),
}));
