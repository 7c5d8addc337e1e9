export interface LockEntry {
  version?: string;
  optional?: boolean;
  link?: boolean;
  [field: string]: unknown;
}
export interface Lockfile {
  packages?: Record<string, LockEntry>;
  [field: string]: unknown;
}
export function manifestMatchesLock(manifest: Record<string, unknown> | undefined, lock: Lockfile | undefined): boolean;
export function firstLockDifference(lock: Lockfile | undefined, hidden: Lockfile | undefined): string | undefined;
export function inspectInstall(root: string): { installed: boolean; reason: string; lockUsable: boolean };
