/**
 * Where a click on a notification or a tray item takes the window (issue 7). Alert episodes carry the alert
 * core's own view names (spend, keys, people, sync); the window has its own views. This maps one onto the other,
 * and `createWindowNavigator` shows the window and pushes the view to it.
 */
import type { Navigate, WindowViewId } from '../../preload/contract';
import type { AlertView } from '../core/alerts/index';

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
  /** Runs `fn` once a newly created window has loaded (its listeners exist only then). */
  afterLoad: (fn: () => void) => void;
}

/** Opens the window, on a view when given. A new window is told once it has loaded, so the request is not lost. */
export function createWindowNavigator(deps: WindowNavigatorDeps): (to: Navigate | null) => void {
  return (to) => {
    const existed = deps.showWindow();
    if (to === null) return;
    if (existed) deps.push(to);
    else {
      // Once: the window may reload later, and by then the admin has moved on.
      let told = false;
      deps.afterLoad(() => {
        if (!told) deps.push(to);
        told = true;
      });
    }
  };
}
