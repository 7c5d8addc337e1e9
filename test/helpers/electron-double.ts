/**
 * A typed double of the Electron slices main uses (main/app/electron-ports.ts), so the glue — gateway,
 * window, security, lifecycle — is tested without the Electron binary. Each double records what was done
 * to it and lets a test fire the events Electron would fire. Types come from Electron itself, so a
 * double that drifts from the real API stops compiling.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  BrowserWindowConstructorOptions,
  LoginItemSettings,
  LoginItemSettingsOptions,
  Settings,
  HandlerDetails,
  PrintToPDFOptions,
  IpcMainInvokeEvent,
  OnHeadersReceivedListenerDetails,
  HeadersReceivedResponse,
  WindowOpenHandlerResponse,
} from 'electron';
import type {
  AppPort,
  BrowserWindowPort,
  ElectronRuntime,
  SessionPort,
  WebContentsPort,
  WindowPort,
} from '../../main/app/electron-ports';
import type { FrameLike } from '../../main/ipc/sender-check';
import { UtilityProcessDouble } from './electron-double-utility';
import { ClipboardDouble, GlobalShortcutDouble, LoginItemsDouble, ShellDouble } from './electron-double-desktop';

type Listener = (...args: unknown[]) => unknown;

/** A tiny event emitter with the `on`/`once` shape Electron objects share. */
class Emitter {
  private readonly listeners = new Map<string, Listener[]>();
  protected addListener(event: string, listener: Listener, once = false): void {
    const wrapped: Listener = once
      ? (...args) => {
          this.off(event, wrapped);
          return listener(...args);
        }
      : listener;
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), wrapped]);
  }
  private off(event: string, listener: Listener): void {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((l) => l !== listener),
    );
  }
  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }
}

/** An Electron-style event whose default can be prevented. */
export function fakeEvent(): { preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

export function fakeFrame(url: string, parent: FrameLike | null = null): FrameLike {
  return { url, parent };
}

let nextWebContentsId = 1;

export class WebContentsDouble extends Emitter {
  readonly id = nextWebContentsId++;
  readonly sent: Array<{ channel: string; args: unknown[] }> = [];
  destroyed = false;
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  mainFrame: FrameLike = fakeFrame('about:blank');
  on = ((event: string, listener: Listener) => {
    this.addListener(event, listener);
    return this;
  }) as unknown as WebContentsPort['on'];
  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** What printToPDF was asked, with the page it printed (a loaded file is read as it was at that moment). */
  readonly printed: Array<{ options: PrintToPDFOptions; url: string; html: string | null }> = [];
  async printToPDF(options: PrintToPDFOptions): Promise<Buffer> {
    const url = this.mainFrame.url;
    this.printed.push({
      options,
      url,
      html: url.startsWith('file:') ? readFileSync(fileURLToPath(url), 'utf8') : null,
    });
    return Buffer.from('%PDF-1.7 double');
  }
}

export class WindowDouble extends Emitter {
  static readonly created: WindowDouble[] = [];
  static getAllWindows(): WindowPort[] {
    return WindowDouble.created.filter((w) => !w.destroyed) as unknown as WindowPort[];
  }
  readonly webContents = new WebContentsDouble();
  loaded: { file?: string; url?: string } = {};
  visible = false;
  focused = false;
  minimized = false;
  destroyed = false;
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
    WindowDouble.created.push(this);
  }
  on = ((event: string, listener: Listener) => {
    this.addListener(event, listener);
    return this;
  }) as unknown as WindowPort['on'];
  once = ((event: string, listener: Listener) => {
    this.addListener(event, listener, true);
    return this;
  }) as unknown as WindowPort['once'];
  async loadFile(file: string): Promise<void> {
    this.loaded = { file };
    this.webContents.mainFrame = fakeFrame(new URL(`file://${file}`).href);
  }
  async loadURL(url: string): Promise<void> {
    this.loaded = { url };
    this.webContents.mainFrame = fakeFrame(url);
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
    this.focused = false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isFocused(): boolean {
    return this.focused;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
  }
}

export class AppDouble extends Emitter {
  sandboxEnabled = 0;
  quitCalls = 0;
  gotLock = true;
  isPackaged = false;
  /** Set once whenReady() was asked for: what utilityProcess.fork needs. */
  ready = false;
  readonly paths: Record<string, string> = { userData: '/tmp/clade-admin-double' };
  readonly loginItems = new LoginItemsDouble();
  appUserModelId: string | null = null;
  on = ((event: string, listener: Listener) => {
    this.addListener(event, listener);
    return this;
  }) as unknown as AppPort['on'];
  enableSandbox(): void {
    this.sandboxEnabled++;
  }
  requestSingleInstanceLock(): boolean {
    return this.gotLock;
  }
  quit(): void {
    this.quitCalls++;
  }
  whenReady(): Promise<void> {
    this.ready = true;
    return Promise.resolve();
  }
  getPath(name: Parameters<AppPort['getPath']>[0]): string {
    return this.paths[name] ?? `/tmp/clade-admin-double/${name}`;
  }
  getName(): string {
    return 'clade-admin';
  }
  getAppPath(): string {
    return '/work/clade-admin';
  }
  getVersion(): string {
    return '0.0.0-test';
  }
  setLoginItemSettings(settings: Settings): void {
    this.loginItems.set(settings);
  }
  getLoginItemSettings(options?: LoginItemSettingsOptions): LoginItemSettings {
    return this.loginItems.get(options);
  }
  setAppUserModelId(id: string): void {
    this.appUserModelId = id;
  }
}

type IpcListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

export class IpcMainDouble {
  readonly handlers = new Map<string, IpcListener>();
  handle(channel: string, listener: IpcListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  /** What ipcRenderer.invoke does: rejects when no handler is registered, like Electron. */
  async invoke(
    channel: string,
    from: { frame: FrameLike | null; mainFrame?: FrameLike },
    ...args: unknown[]
  ): Promise<unknown> {
    const listener = this.handlers.get(channel);
    if (!listener)
      throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = {
      senderFrame: from.frame,
      sender: { mainFrame: from.mainFrame ?? from.frame },
    } as unknown as IpcMainInvokeEvent;
    return listener(event, ...args);
  }
}

type PermissionRequestHandler = Parameters<SessionPort['setPermissionRequestHandler']>[0];
type PermissionCheckHandler = Parameters<SessionPort['setPermissionCheckHandler']>[0];
type HeadersListener = (
  details: OnHeadersReceivedListenerDetails,
  callback: (response: HeadersReceivedResponse) => void,
) => void;

export class SessionDouble {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;
  headersListener: HeadersListener | null = null;
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
  }
  readonly webRequest = {
    onHeadersReceived: ((listener: HeadersListener | null) => {
      this.headersListener = listener;
    }) as unknown as SessionPort['webRequest']['onHeadersReceived'],
  };
}

/** Records powerMonitor listeners so a test can fire `resume`. */
export class PowerMonitorDouble {
  readonly listeners = new Map<string, Array<() => void>>();
  on(event: string, listener: () => void): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string): void {
    for (const listener of this.listeners.get(event) ?? []) listener();
  }
}

export interface ElectronDouble extends ElectronRuntime {
  app: AppDouble;
  powerMonitor: PowerMonitorDouble & ElectronRuntime['powerMonitor'];
  ipcMain: IpcMainDouble;
  session: { defaultSession: SessionDouble };
  windows: WindowDouble[];
  utilityProcess: UtilityProcessDouble;
  globalShortcut: GlobalShortcutDouble;
  shell: ShellDouble;
  clipboard: ClipboardDouble;
}

export function createElectronDouble(): ElectronDouble {
  WindowDouble.created.length = 0;
  const app = new AppDouble();
  return {
    app,
    BrowserWindow: WindowDouble as unknown as BrowserWindowPort,
    ipcMain: new IpcMainDouble(),
    session: { defaultSession: new SessionDouble() },
    powerMonitor: new PowerMonitorDouble() as PowerMonitorDouble & ElectronRuntime['powerMonitor'],
    windows: WindowDouble.created,
    utilityProcess: new UtilityProcessDouble(() => app.ready),
    globalShortcut: new GlobalShortcutDouble(),
    shell: new ShellDouble(),
    clipboard: new ClipboardDouble(),
  };
}
