/** `clade:app/*`: what the window needs to know about the app itself. */
import type { AppInfo } from '../../../preload/contract';
import type { Handler } from '../handler-types';

export interface AppDeps {
  appInfo: () => AppInfo;
}

export function appHandlers(deps: AppDeps): { 'clade:app/info': Handler<'clade:app/info'> } {
  return {
    'clade:app/info': async () => deps.appInfo(),
  };
}
