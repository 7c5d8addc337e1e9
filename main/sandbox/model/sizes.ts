import type { SandboxSize } from './types';

export interface SizeSpec {
  workspaces: number;
  users: number;
  keys: number;
  days: number;
}

export const SIZES: Record<SandboxSize, SizeSpec> = {
  demo: { workspaces: 4, users: 12, keys: 25, days: 120 },
  mid: { workspaces: 20, users: 100, keys: 300, days: 180 },
  large: { workspaces: 100, users: 500, keys: 2000, days: 400 },
};

export const DAY_MS = 86_400_000;
export const HOUR_MS = 3_600_000;

export function utcMidnight(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
