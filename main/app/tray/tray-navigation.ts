/**
 * Takes the window where a click on a notification or a tray item points (the mapping itself is
 * core/alerts/window-view.ts): `createWindowNavigator` shows the window and pushes the view to it.
 */
import type { Navigate } from '../../core/alerts/window-view';

export { ALERT_CENTRE, navigationFor, windowViewOf } from '../../core/alerts/window-view';

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
