/**
 * The slices of Electron the tray and the notifier use (Tray, Menu, Notification, nativeImage), as types only.
 * tray-runtime.ts proves at compile time that the real modules fit; test/helpers/electron-double-tray.ts
 * implements them, so the tray, its menu and the notifications are tested without an Electron binary.
 */
import type {
  Menu,
  MenuItemConstructorOptions,
  NativeImage,
  Notification,
  NotificationConstructorOptions,
  Tray,
} from 'electron';

export type TrayPort = Pick<Tray, 'setImage' | 'setToolTip' | 'setContextMenu' | 'on' | 'destroy' | 'isDestroyed'>;

export interface TrayConstructorPort {
  new (image: NativeImage): TrayPort;
}

export interface MenuFactoryPort {
  buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
}

export type NotificationPort = Pick<Notification, 'show' | 'close' | 'on'>;

export interface NotificationConstructorPort {
  new (options: NotificationConstructorOptions): NotificationPort;
  isSupported(): boolean;
}

export interface NativeImageFactoryPort {
  createFromPath(path: string): NativeImage;
}

export interface TrayRuntime {
  Tray: TrayConstructorPort;
  Menu: MenuFactoryPort;
  Notification: NotificationConstructorPort;
  nativeImage: NativeImageFactoryPort;
}
