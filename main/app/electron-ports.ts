/**
 * The slices of Electron that main/app and main/ipc use, as types only. The real modules satisfy them
 * (electron-runtime.ts proves it at compile time); the test double (test/helpers/electron-double.ts)
 * implements them, so every piece of glue is tested without an Electron binary.
 */
import type {
  App,
  BrowserWindow,
  Clipboard,
  GlobalShortcut,
  Shell,
  BrowserWindowConstructorOptions,
  ForkOptions as UtilityForkOptions,
  IpcMain,
  PowerMonitor,
  Session,
  UtilityProcess,
  WebContents,
} from 'electron';

export type AppPort = Pick<
  App,
  | 'enableSandbox'
  | 'requestSingleInstanceLock'
  | 'quit'
  | 'whenReady'
  | 'on'
  | 'getPath'
  | 'getAppPath'
  | 'getName'
  | 'getVersion'
  | 'isPackaged'
  | 'setLoginItemSettings'
  | 'getLoginItemSettings'
  | 'setAppUserModelId'
>;

export type WebContentsPort = Pick<
  WebContents,
  'on' | 'setWindowOpenHandler' | 'send' | 'isDestroyed' | 'mainFrame' | 'id' | 'printToPDF'
>;

export type WindowPort = Pick<
  BrowserWindow,
  | 'loadFile'
  | 'loadURL'
  | 'once'
  | 'on'
  | 'show'
  | 'hide'
  | 'focus'
  | 'isMinimized'
  | 'restore'
  | 'isDestroyed'
  | 'isVisible'
  | 'isFocused'
  | 'destroy'
> & {
  readonly webContents: WebContentsPort;
};

export interface BrowserWindowPort {
  new (options: BrowserWindowConstructorOptions): WindowPort;
  getAllWindows(): WindowPort[];
}

export type SessionPort = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> & {
  readonly webRequest: Pick<Session['webRequest'], 'onHeadersReceived'>;
};

/** A utility process as we use it: messages both ways, its pid (to SIGKILL it), its exit. */
export type UtilityChildPort = Pick<UtilityProcess, 'postMessage' | 'on' | 'kill' | 'pid'>;

/** Electron's `utilityProcess`: a Node process Electron starts, since the runAsNode fuse rules out child_process.fork. */
export interface UtilityProcessPort {
  fork(modulePath: string, args?: string[], options?: UtilityForkOptions): UtilityChildPort;
}

export interface ElectronRuntime {
  app: AppPort;
  BrowserWindow: BrowserWindowPort;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  session: { readonly defaultSession: SessionPort };
  /** Only its `resume` event: the app syncs when the machine wakes. */
  powerMonitor: Pick<PowerMonitor, 'on'>;
  /** Runs the keychain host (main/app/keychain-utility-host.ts); fork only after the app is ready. */
  utilityProcess: UtilityProcessPort;
  /** The show/hide shortcut (app/global-shortcut.ts). */
  globalShortcut: Pick<GlobalShortcut, 'register' | 'unregister'>;
  /** Only "Open logs folder": a folder path, never a URL (links go through adapters/external-links.ts). */
  shell: Pick<Shell, 'openPath'>;
  /** Only "Copy diagnostics". */
  clipboard: Pick<Clipboard, 'writeText'>;
}
