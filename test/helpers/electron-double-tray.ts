/**
 * Typed doubles of Electron's Tray, Menu, Notification and nativeImage (main/app/tray/tray-ports.ts), next to the
 * window doubles in electron-double.ts. They record what was done to them and let a test click a menu item or a
 * notification. Types come from Electron itself, so a double that drifts from the real API stops compiling.
 */
import type { Menu, MenuItemConstructorOptions, NativeImage, NotificationConstructorOptions } from 'electron';
import type {
  MenuFactoryPort,
  NativeImageFactoryPort,
  NotificationConstructorPort,
  NotificationPort,
  TrayConstructorPort,
  TrayPort,
  TrayRuntime,
} from '../../main/app/tray/tray-ports';

type Listener = (...args: unknown[]) => unknown;

class Listeners {
  private readonly map = new Map<string, Listener[]>();
  add(event: string, listener: Listener): void {
    this.map.set(event, [...(this.map.get(event) ?? []), listener]);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.map.get(event) ?? [])]) listener(...args);
  }
  count(event: string): number {
    return this.map.get(event)?.length ?? 0;
  }
}

/** What nativeImage.createFromPath returns here: the path it was given. */
export interface ImageDouble {
  path: string;
}

export const imagePath = (image: NativeImage | string): string =>
  typeof image === 'string' ? image : (image as unknown as ImageDouble).path;

/** What Menu.buildFromTemplate returns here: the template itself. */
export interface MenuDouble {
  template: MenuItemConstructorOptions[];
}

export class TrayDouble {
  static readonly created: TrayDouble[] = [];
  readonly listeners = new Listeners();
  image: string;
  readonly images: string[] = [];
  tooltip = '';
  menu: MenuDouble | null = null;
  destroyed = false;
  constructor(image: NativeImage) {
    this.image = imagePath(image);
    this.images.push(this.image);
    TrayDouble.created.push(this);
  }
  setImage(image: NativeImage | string): void {
    this.image = imagePath(image);
    this.images.push(this.image);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: Menu | null): void {
    this.menu = menu as unknown as MenuDouble | null;
  }
  on = ((event: string, listener: Listener) => {
    this.listeners.add(event, listener);
    return this;
  }) as unknown as TrayPort['on'];
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** The labels of the current menu, separators as '---'. */
  labels(): string[] {
    return (this.menu?.template ?? []).map((item) => (item.type === 'separator' ? '---' : (item.label ?? '')));
  }
  /** Clicks the menu item with this label, as a user would. */
  clickItem(label: string): void {
    const item = this.menu?.template.find((candidate) => candidate.label === label);
    if (!item?.click) throw new Error(`no clickable menu item "${label}" in ${JSON.stringify(this.labels())}`);
    if (item.enabled === false) throw new Error(`menu item "${label}" is disabled`);
    (item.click as () => void)();
  }
}

export class NotificationDouble {
  static readonly created: NotificationDouble[] = [];
  static supported = true;
  static isSupported(): boolean {
    return NotificationDouble.supported;
  }
  readonly listeners = new Listeners();
  shown = false;
  closed = false;
  constructor(readonly options: NotificationConstructorOptions) {
    NotificationDouble.created.push(this);
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    this.closed = true;
    this.listeners.emit('close');
  }
  on = ((event: string, listener: Listener) => {
    this.listeners.add(event, listener);
    return this;
  }) as unknown as NotificationPort['on'];
  /** The user clicks the notification. */
  click(): void {
    this.listeners.emit('click', { preventDefault: () => undefined });
  }
  static shownTitles(): string[] {
    return NotificationDouble.created.filter((n) => n.shown).map((n) => n.options.title ?? '');
  }
}

export interface TrayElectronDouble extends TrayRuntime {
  trays: TrayDouble[];
  notifications: NotificationDouble[];
  setNotificationsSupported(supported: boolean): void;
}

/** Fresh doubles (the recorded trays and notifications are cleared). */
export function createTrayElectronDouble(): TrayElectronDouble {
  TrayDouble.created.length = 0;
  NotificationDouble.created.length = 0;
  NotificationDouble.supported = true;
  const Menu: MenuFactoryPort = {
    buildFromTemplate: (template) => ({ template }) as unknown as Menu,
  };
  const nativeImage: NativeImageFactoryPort = {
    createFromPath: (path) => ({ path }) as unknown as NativeImage,
  };
  return {
    Tray: TrayDouble as unknown as TrayConstructorPort,
    Menu,
    Notification: NotificationDouble as unknown as NotificationConstructorPort,
    nativeImage,
    trays: TrayDouble.created,
    notifications: NotificationDouble.created,
    setNotificationsSupported: (supported) => {
      NotificationDouble.supported = supported;
    },
  };
}
