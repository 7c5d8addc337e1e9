/**
 * Where a click on a notification or a tray item takes the window. Alert episodes carry the alert
 * core's own view names (spend, keys, people, sync); the window has its own views. This maps one onto the other,
 * and `createWindowNavigator` shows the window and pushes the view to it.
 */
import type { Navigate, WindowViewId } from '../../../preload/contract';
import type { AlertView } from '../../core/alerts/index';

const WINDOW_VIEW: Record<AlertView['view'], WindowViewId> = {
  spend: 'spend',
  keys: 'keys',
  // Members and invites live in the org tree.
  people: 'tree',
  // Sync health (key rejected, data too old) is what the overview's freshness and offline notice explain.
  sync: 'overview',
};

export function windowViewOf(view: AlertView['view']): WindowViewId {
  return WINDOW_VIEW[view];
}

/** An episode's view as a navigation request; null (no particular view) stays null. */
export function navigationFor(view: AlertView | null): Navigate | null {
  if (view === null) return null;
  return view.id === undefined ? { view: windowViewOf(view.view) } : { view: windowViewOf(view.view), target: view.id };
}

/** Summaries, digests and "…and N more" open the alert centre itself. */
export const ALERT_CENTRE: Navigate = { view: 'alerts' };

export interface WindowNavigatorDeps {
  /** Shows the window (creating it when there is none); answers whether it already existed. */
  showWindow: () => boolean;
  /** Sends the request to the window (the `clade:app/navigate-changed` push). */
  push: (to: Navigate) => void;
}

export interface WindowNavigator {
  /** Opens the window, on a view when given. */
  navigate: (to: Navigate | null) => void;
  /** The request held for a window that was being created, handed over once (`clade:app/take-navigation`). */
  takePending: () => Navigate | null;
}

/**
 * An open window is told at once. A window that had to be created has no listener yet, and a push sent on
 * its load event can still beat React's subscription; so the request is held until the window asks for it
 * (it does right after subscribing). Only the latest request is kept: the admin has moved on from older ones.
 */
export function createWindowNavigator(deps: WindowNavigatorDeps): WindowNavigator {
  let pending: Navigate | null = null;
  return {
    navigate: (to) => {
      const existed = deps.showWindow();
      if (to === null) return;
      if (existed) deps.push(to);
      else pending = to;
    },
    takePending: () => {
      const taken = pending;
      pending = null;
      return taken;
    },
  };
}
