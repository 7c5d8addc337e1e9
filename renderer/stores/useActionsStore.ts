/**
 * The one admin action the window is confirming or running: preview (main's sentence, irreversibility, reasons it
 * would be refused) → the admin confirms → run → the outcome. Views open it with `begin(action)` and refresh their
 * own data on `onDone`. Fed only through window.api; the key never passes here.
 */
import { create } from 'zustand';
import type { ActionOutcome, ActionPreview, AdminActionRequest } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export type ActionPhase = 'idle' | 'previewing' | 'confirming' | 'running' | 'done';

interface ActionsState {
  phase: ActionPhase;
  action: AdminActionRequest | null;
  preview: ActionPreview | null;
  outcome: ActionOutcome | null;
  error: string | null;
  onDone: (() => void) | null;
  begin: (action: AdminActionRequest, onDone?: () => void) => Promise<void>;
  /** Runs the previewed action; `typed` is what the admin typed for an irreversible one (main checks it). */
  confirm: (typed?: string) => Promise<void>;
  close: () => void;
}

export const useActionsStore = create<ActionsState>((set, get) => ({
  phase: 'idle',
  action: null,
  preview: null,
  outcome: null,
  error: null,
  onDone: null,
  begin: async (action, onDone) => {
    set({ phase: 'previewing', action, preview: null, outcome: null, error: null, onDone: onDone ?? null });
    try {
      const preview = await unwrap(api().actions.preview(action));
      if (get().action === action) set({ phase: 'confirming', preview });
    } catch (error) {
      if (get().action === action) set({ phase: 'done', error: errorMessage(error) });
    }
  },
  confirm: async (typed = '') => {
    const { action, phase, preview } = get();
    if (!action || phase !== 'confirming') return;
    set({ phase: 'running' });
    // An irreversible action carries the token main issued with its preview; main refuses it otherwise.
    const token = preview?.confirmToken ?? null;
    try {
      const outcome = await unwrap(api().actions.run(token ? { action, confirmation: { token, typed } } : { action }));
      set({ phase: 'done', outcome });
      // Failures are recorded too and may have changed nothing; refresh either way so the view matches the mirror.
      get().onDone?.();
    } catch (error) {
      set({ phase: 'done', error: errorMessage(error) });
    }
  },
  close: () => set({ phase: 'idle', action: null, preview: null, outcome: null, error: null, onDone: null }),
}));
