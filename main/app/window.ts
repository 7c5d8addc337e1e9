/**
 * The one app window, hardened: isolated, sandboxed, no Node, no webviews, our preload only.
 * It opens hidden and shows once painted, so the user never sees a white flash.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import type { BrowserWindowPort, WindowPort } from './electron-ports';

/** What to load: the built file (packaged app) or the dev server URL (electron-vite dev). */
export type RendererPage = { file: string } | { url: string };

export interface MainWindowOptions {
  preloadPath: string;
  page: RendererPage;
}

export const secureWebPreferences = (
  preloadPath: string,
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> => ({
  preload: preloadPath,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
});

export function createMainWindow(BrowserWindow: BrowserWindowPort, options: MainWindowOptions): WindowPort {
  const window = new BrowserWindow({
    width: 1120,
    height: 760,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Clade Admin',
    backgroundColor: '#f7f7f5',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  if ('file' in options.page) void window.loadFile(options.page.file);
  else void window.loadURL(options.page.url);
  return window;
}

/** Brings the existing window forward (second instance, tray click, dock activate). */
export function revealWindow(window: WindowPort): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

/** The one window over the app's life: shown (created when there is none, else brought forward) on demand. */
export interface WindowSlot {
  /** Shows the window; answers whether it already existed (a new one has no listener for pushes yet). */
  show(): boolean;
  /** Brings an existing window forward (a second instance was started); nothing when there is none. */
  reveal(): void;
  /** The global shortcut: hides the window when it is in front, else shows it (creating it when there is none). */
  toggle(): void;
}

export function createWindowSlot(BrowserWindow: BrowserWindowPort, options: MainWindowOptions): WindowSlot {
  let window: WindowPort | null = null;
  const show = (): boolean => {
    if (window && !window.isDestroyed()) {
      revealWindow(window);
      return true;
    }
    window = createMainWindow(BrowserWindow, options);
    return false;
  };
  return {
    show,
    reveal: () => {
      if (window && !window.isDestroyed()) revealWindow(window);
    },
    toggle: () => {
      // Visible but behind other windows: bring it forward; hiding it would make the admin press twice.
      if (window && !window.isDestroyed() && window.isVisible() && window.isFocused()) window.hide();
      else show();
    },
  };
}

/** The app's other window: a hidden one that prints the access review to PDF (review-pdf.ts), wired beside this. */
export { createReviewPdfPrinter } from './review-pdf';
