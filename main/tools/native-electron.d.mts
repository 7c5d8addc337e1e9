export interface ElectronInfo {
  version: string;
  abi: string;
}
export type StageStatus = 'current' | 'staged' | 'unavailable';
export function electronInfo(root: string): ElectronInfo | undefined;
export function stagedDir(root: string, electronVersion: string): string;
export function exportsAbi(binary: Buffer, abi: string): boolean;
export function isStagedCurrent(root: string, info: ElectronInfo, betterSqliteVersion: string): boolean;
export function electronBuildEnv(
  baseEnv: Record<string, string | undefined>,
  info: ElectronInfo,
): Record<string, string | undefined>;
export function summarizeFailure(log: string): string;
export function recentFailure(
  root: string,
  info: ElectronInfo,
  betterSqliteVersion: string,
  now?: number,
): { reason: string; at: string } | undefined;
export function stageElectronBinding(options?: {
  root?: string;
  force?: boolean;
  env?: Record<string, string | undefined>;
  timeoutMs?: number;
}): Promise<{ status: StageStatus; message: string }>;
