/**
 * The offboarding the window is walking through: preview (holdings and plan) → the admin's per-key choices →
 * the plan for those choices → confirmation with the person's e-mail → run → the final report. A stopped run is
 * continued as stored (no choices asked). Fed only through window.api; the key never passes here.
 */
import { create } from 'zustand';
import type { KeepKey, OffboardPreview, OffboardReport } from '../../preload/contract';
import { api, errorMessage, unwrap } from '../lib/api';

export type OffboardPhase = 'idle' | 'loading' | 'choosing' | 'reviewing' | 'running' | 'done';

const POLL_MS = 400;

/** Per key: keep it (with who inherits it) or deactivate it (the default). */
export type KeyChoice = { keep: boolean; inheritor: string };

interface OffboardingState {
  phase: OffboardPhase;
  userId: string | null;
  preview: OffboardPreview | null;
  choices: Record<string, KeyChoice>;
  report: OffboardReport | null;
  /** While running: the steps as the mirror records them, polled (each step is written as it finishes). */
  progress: OffboardReport['steps'] | null;
  error: string | null;
  onDone: (() => void) | null;
  open: (userId: string, onDone?: () => void) => Promise<void>;
  choose: (keyId: string, choice: KeyChoice) => void;
  /** The plan for the current choices (a fresh preview, with a fresh confirmation token). */
  review: () => Promise<void>;
  back: () => void;
  run: (typed: string) => Promise<void>;
  /** Closes a stopped run (a step that can never succeed), then plans afresh from what they still hold. */
  abandon: () => Promise<void>;
  close: () => void;
}

function keepList(choices: Record<string, KeyChoice>): KeepKey[] {
  return Object.entries(choices)
    .filter(([, choice]) => choice.keep)
    .map(([keyId, choice]) => ({ keyId, inheritor: choice.inheritor }));
}

/** No flow open: the store's start, and what closing returns it to. */
const CLOSED = {
  phase: 'idle',
  userId: null,
  preview: null,
  choices: {},
  report: null,
  progress: null,
  error: null,
  onDone: null,
} as const satisfies Partial<OffboardingState>;

export const useOffboardingStore = create<OffboardingState>((set, get) => ({
  ...CLOSED,
  open: async (userId, onDone) => {
    set({ phase: 'loading', userId, preview: null, choices: {}, report: null, error: null, onDone: onDone ?? null });
    try {
      const preview = await unwrap(api().offboarding.preview({ userId, keep: [] }));
      if (get().userId !== userId) return;
      // A stopped run continues with the plan it stored: straight to the review.
      set({ phase: preview.resumes ? 'reviewing' : 'choosing', preview });
    } catch (error) {
      if (get().userId === userId) set({ phase: 'done', error: errorMessage(error) });
    }
  },
  choose: (keyId, choice) => set({ choices: { ...get().choices, [keyId]: choice } }),
  review: async () => {
    const { userId, choices } = get();
    if (!userId) return;
    set({ phase: 'loading', error: null });
    try {
      const preview = await unwrap(api().offboarding.preview({ userId, keep: keepList(choices) }));
      set({ phase: 'reviewing', preview });
    } catch (error) {
      set({ phase: 'choosing', error: errorMessage(error) });
    }
  },
  back: () => set({ phase: 'choosing', error: null }),
  run: async (typed) => {
    const { userId, preview, choices, phase } = get();
    if (!userId || !preview || phase !== 'reviewing') return;
    set({ phase: 'running', error: null, progress: null });
    const poll = setInterval(() => {
      api()
        .offboarding.progress({ userId })
        .then((result) => {
          if (result.ok && result.value && get().phase === 'running') set({ progress: result.value.steps });
        })
        .catch(() => undefined);
    }, POLL_MS);
    try {
      const report = await unwrap(
        api().offboarding.run({
          userId,
          keep: keepList(choices),
          confirmation: { token: preview.confirmToken, typed },
        }),
      );
      set({ phase: 'done', report });
    } catch (error) {
      set({ phase: 'done', error: errorMessage(error) });
    } finally {
      clearInterval(poll);
    }
    // Steps may have changed the org even when one failed: the view refreshes from the mirror either way.
    get().onDone?.();
  },
  abandon: async () => {
    const { userId, onDone } = get();
    if (!userId) return;
    set({ phase: 'loading', error: null });
    try {
      await unwrap(api().offboarding.abandon({ userId }));
      await get().open(userId, onDone ?? undefined);
    } catch (error) {
      set({ phase: 'done', error: errorMessage(error) });
    }
  },
  close: () => set(CLOSED),
}));
