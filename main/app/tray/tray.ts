/**
 * The tray icon: its state (idle, syncing, alert, offline) drawn from the template images in assets/
 * (`tray-<state>Template.png`, with an @2x sibling Electron picks up itself; "Template" makes macOS tint them),
 * a tooltip with the org and the sync age, and the menu built by tray-menu.ts. The tooltip and every menu label
 * name the org, workspaces and alerts: `show` passes them through the output sanitiser (core/text/escape-controls)
 * as it applies them, so no builder can forget it and a name's control or bidi characters are shown, not obeyed.
 */
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { redactSecrets } from '../../core/redact';
import { escapeControls } from '../../core/text/escape-controls';
import type { TrayPort, TrayRuntime } from './tray-ports';

export type TrayIconState = 'idle' | 'syncing' | 'alert' | 'offline';

export const TRAY_ICON_STATES: readonly TrayIconState[] = ['idle', 'syncing', 'alert', 'offline'];

export interface TrayCondition {
  syncing: boolean;
  /** The mirror cannot be trusted: never synced, data too old, or the key was rejected. */
  offline: boolean;
  /** A warning or critical alert is open. */
  alerting: boolean;
}

/** Syncing shows first (it is what is happening now), then offline (alerts cannot be trusted), then alert. */
export function trayIconState(condition: TrayCondition): TrayIconState {
  if (condition.syncing) return 'syncing';
  if (condition.offline) return 'offline';
  return condition.alerting ? 'alert' : 'idle';
}

export function trayIconFile(assetsDir: string, state: TrayIconState): string {
  return join(assetsDir, `tray-${state}Template.png`);
}

/** "just now", "5 min ago", "3 h ago", "2 days ago". */
export function syncAge(atMs: number, nowMs: number): string {
  const minutes = Math.floor(Math.max(0, nowMs - atMs) / 60_000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} days ago`;
}

export interface TooltipInput {
  orgName: string | null;
  lastSyncAtMs: number | null;
  nowMs: number;
  syncing: boolean;
  credentialInvalid: boolean;
  /** A usage or cost report failed or is stale: spend alerts cannot be trusted. */
  spendUnavailable?: boolean;
}

/** "Clade Admin: Acme, synced 5 min ago". */
export function trayTooltip(input: TooltipInput): string {
  const org = input.orgName === null ? 'Clade Admin' : `Clade Admin: ${redactSecrets(input.orgName)}`;
  const age = input.lastSyncAtMs === null ? 'not synced yet' : `synced ${syncAge(input.lastSyncAtMs, input.nowMs)}`;
  const parts = [age];
  if (input.syncing) parts.push('syncing…');
  if (input.credentialInvalid) parts.push('admin key rejected');
  if (input.spendUnavailable) parts.push('spend not evaluated (a report failed)');
  return `${org}, ${parts.join(', ')}`;
}

export interface TrayView {
  state: TrayIconState;
  tooltip: string;
  menu: MenuItemConstructorOptions[];
}

/** Every label (and sublabel, tooltip) of a menu template, submenus included, escaped: each is one line. */
export function escapedMenu(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.map((item) => ({
    ...item,
    ...(item.label !== undefined ? { label: escapeControls(item.label) } : {}),
    ...(item.sublabel !== undefined ? { sublabel: escapeControls(item.sublabel) } : {}),
    ...(item.toolTip !== undefined ? { toolTip: escapeControls(item.toolTip) } : {}),
    ...(Array.isArray(item.submenu) ? { submenu: escapedMenu(item.submenu) } : {}),
  }));
}

export interface AppTray {
  show(view: TrayView): void;
  destroy(): void;
}

/**
 * Creates the tray with the idle icon. `show` applies a view, touching the icon only when its state changed.
 * A click opens the window (Windows and most Linux desktops; macOS opens the menu instead).
 */
export function createAppTray(
  runtime: Pick<TrayRuntime, 'Tray' | 'Menu' | 'nativeImage'>,
  options: { assetsDir: string; onClick: () => void },
): AppTray {
  const image = (state: TrayIconState) => runtime.nativeImage.createFromPath(trayIconFile(options.assetsDir, state));
  const tray: TrayPort = new runtime.Tray(image('idle'));
  let shownState: TrayIconState = 'idle';
  tray.on('click', () => options.onClick());
  return {
    show(view) {
      if (tray.isDestroyed()) return;
      if (view.state !== shownState) {
        tray.setImage(image(view.state));
        shownState = view.state;
      }
      tray.setToolTip(escapeControls(view.tooltip));
      tray.setContextMenu(runtime.Menu.buildFromTemplate(escapedMenu(view.menu)));
    },
    destroy() {
      if (!tray.isDestroyed()) tray.destroy();
    },
  };
}
