/**
 * The Electron security baseline that is not a BrowserWindow option: the process-wide
 * sandbox, no navigation, no new windows, no webviews, no permissions, and the CSP as a response header.
 * Call `enableProcessSandbox` before the app is ready and `hardenSession` once it is.
 */
import type { AppPort, SessionPort, WebContentsPort } from './electron-ports';
import { contentSecurityPolicy } from './csp';

export function enableProcessSandbox(app: Pick<AppPort, 'enableSandbox'>): void {
  app.enableSandbox();
}

/** Every web contents the app ever creates gets the same locks, including ones we did not create on purpose. */
export function lockDownWebContents(app: Pick<AppPort, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => lockDown(contents));
}

export function lockDown(contents: Pick<WebContentsPort, 'on' | 'setWindowOpenHandler'>): void {
  // The renderer is a single page: it never needs to navigate, redirect, open windows or embed webviews.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function hardenSession(session: SessionPort): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
}
