/**
 * Who may call the gateway: only the main frame of our own window, showing our own page — the packaged
 * `file://…/renderer/index.html`, or the dev server's origin during development. A frame that navigated
 * elsewhere, an iframe, or a destroyed frame is refused before its payload is even parsed.
 */
import type { WebFrameMain } from 'electron';

export interface TrustedPages {
  /** The exact file URL the window loads (query and hash ignored). */
  appFileUrl: string;
  /** e.g. http://localhost:5173 while running electron-vite dev; absent in production. */
  devOrigin?: string;
}

/** The part of a frame the check reads; Electron's WebFrameMain satisfies it. */
export interface FrameLike extends Pick<WebFrameMain, 'url'> {
  readonly parent: FrameLike | null;
}
/** The part of an IpcMainInvokeEvent the check reads. */
export interface SenderEvent {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly mainFrame: FrameLike };
}

export function createSenderCheck(pages: TrustedPages): (event: SenderEvent) => boolean {
  const appPage = withoutQueryAndHash(pages.appFileUrl);
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || frame !== event.sender.mainFrame) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    if (url.protocol === 'file:') return withoutQueryAndHash(frame.url) === appPage;
    return pages.devOrigin !== undefined && url.origin === new URL(pages.devOrigin).origin;
  };
}

function withoutQueryAndHash(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}
