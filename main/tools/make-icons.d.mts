export const TRAY_STATES: Record<'idle' | 'syncing' | 'alert' | 'offline', (x: number, y: number) => boolean>;
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer;
export function rasterize(size: number, colourAt: (x: number, y: number) => number[] | null): Uint8Array;
export function trayIcon(state: keyof typeof TRAY_STATES, size: number): Buffer;
export function appIcon(size: number): Buffer;
export function allIcons(): Record<string, Buffer>;
