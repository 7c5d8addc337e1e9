/**
 * Window preferences that live in the renderer only: which view is open, the theme, and whether the
 * welcome screen was dismissed. Persisted in localStorage (nothing secret here, nothing main needs).
 * Main can ask for a view (a notification or tray item was clicked): `navigate` applies it.
 */
import { create } from 'zustand';
import type { Navigate, WindowViewId } from '../../preload/contract';
import { api } from '../lib/api';

export type View = WindowViewId;
export type Theme = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'clade-admin.ui';

interface Persisted {
  theme: Theme;
  onboarded: boolean;
}

interface UiState extends Persisted {
  view: View;
  /** The id main asked to focus with the last navigation (a workspace, key, user); null otherwise. */
  navigationTarget: string | null;
  setView: (view: View) => void;
  /** Main's request: show this view, remembering the target for the view to focus. */
  navigate: (to: Navigate) => void;
  /** Follows main's navigate push, then takes a request main held while the window loaded; returns the unsubscribe. */
  listenNavigation: () => () => void;
  setTheme: (theme: Theme) => void;
  finishOnboarding: () => void;
  showOnboarding: () => void;
}

function readPersisted(): Persisted {
  try {
    const raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Partial<Persisted>;
    const theme = raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system';
    return { theme, onboarded: raw.onboarded === true };
  } catch {
    return { theme: 'system', onboarded: false };
  }
}

function persist(state: Persisted): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify({ theme: state.theme, onboarded: state.onboarded }));
  } catch {
    // Storage can be unavailable (private mode, quota); preferences then last for this session only.
  }
}

export const useUiStore = create<UiState>((set, get) => ({
  ...readPersisted(),
  view: 'overview',
  navigationTarget: null,
  setView: (view) => set({ view, navigationTarget: null }),
  navigate: (to) => set({ view: to.view, navigationTarget: to.target ?? null, onboarded: true }),
  listenNavigation: () => {
    const unsubscribe = api().app.onNavigateChanged((to) => get().navigate(to));
    void api()
      .app.takeNavigation()
      .then((result) => {
        if (result.ok && result.value) get().navigate(result.value);
      })
      .catch(() => undefined); // no bridge (tests, harness without the channel): nothing was held
    return unsubscribe;
  },
  setTheme: (theme) => {
    set({ theme });
    persist(get());
  },
  finishOnboarding: () => {
    set({ onboarded: true });
    persist(get());
  },
  showOnboarding: () => set({ onboarded: false }),
}));

/** Applies the theme to <html>: `system` leaves it to prefers-color-scheme. */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}
