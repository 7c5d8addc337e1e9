import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { enableProcessSandbox, hardenSession, lockDownWebContents } from '../../../main/app/security';
import { contentSecurityPolicy } from '../../../main/app/csp';
import { createElectronDouble, fakeEvent, WebContentsDouble } from '../../helpers/electron-double';

describe('security baseline', () => {
  it('enables the process-wide sandbox', () => {
    const electron = createElectronDouble();
    enableProcessSandbox(electron.app);
    expect(electron.app.sandboxEnabled).toBe(1);
  });

  it('blocks navigation, redirects, webviews and new windows in every web contents created later', () => {
    const electron = createElectronDouble();
    lockDownWebContents(electron.app);
    const contents = new WebContentsDouble();
    electron.app.emit('web-contents-created', fakeEvent(), contents);
    for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      const event = fakeEvent();
      contents.emit(name, event, 'https://evil.test/');
      expect(event.defaultPrevented, name).toBe(true);
    }
    expect(contents.windowOpenHandler!({ url: 'https://evil.test/' } as never)).toEqual({ action: 'deny' });
  });

  it('denies every permission request and check', () => {
    const electron = createElectronDouble();
    const session = electron.session.defaultSession;
    hardenSession(session);
    const callback = vi.fn();
    session.permissionRequestHandler!({} as never, 'media', callback, {} as never);
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler!(null, 'notifications', '', {} as never)).toBe(false);
  });

  it('adds the strict CSP to every response, keeping the other headers', () => {
    const electron = createElectronDouble();
    const session = electron.session.defaultSession;
    hardenSession(session);
    const callback = vi.fn();
    session.headersListener!({ responseHeaders: { 'X-Test': ['1'] } } as never, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-Test': ['1'], 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
});

describe('contentSecurityPolicy', () => {
  it('allows no inline script, eval, plugins or foreign hosts', () => {
    expect(contentSecurityPolicy).toContain("default-src 'none'");
    expect(contentSecurityPolicy).toContain("script-src 'self'");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is the same policy renderer/index.html declares in its meta tag', () => {
    const html = readFileSync('renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });
});
