/** `clade:app/*`: what the window needs to know about the app itself. */
import type { AppInfo, Navigate } from '../../../preload/contract';
import type { Handler } from '../handler-types';

export interface AppDeps {
  appInfo: () => AppInfo;
  /** Hands over (and forgets) a navigation held for a window that was still loading; absent: never any. */
  takeNavigation?: () => Navigate | null;
}

export function appHandlers(deps: AppDeps): {
  'clade:app/info': Handler<'clade:app/info'>;
  'clade:app/take-navigation': Handler<'clade:app/take-navigation'>;
} {
  return {
    'clade:app/info': async () => deps.appInfo(),
    'clade:app/take-navigation': async () => deps.takeNavigation?.() ?? null,
  };
}
