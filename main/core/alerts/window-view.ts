/**
 * Where a click on a notification, a tray item or an alert row takes the window. Alert episodes carry the alert
 * core's own view names (spend, keys, people, sync); the window has its own views. This maps one onto the other.
 * The window's view names live here, in core, and the IPC contract re-exports them.
 */
import type { AlertView } from './types';

export type WindowViewId =
  'overview' | 'tree' | 'keys' | 'spend' | 'people' | 'posture' | 'audit' | 'alerts' | 'settings';

/** A request to show a view; `target` is an id to focus. */
export interface Navigate {
  view: WindowViewId;
  target?: string | undefined;
}

const WINDOW_VIEW: Record<AlertView['view'], WindowViewId> = {
  spend: 'spend',
  keys: 'keys',
  // Members and invites live in the People view; an invite's id opens its Invites tab.
  people: 'people',
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
