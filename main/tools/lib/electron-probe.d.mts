type Env = Record<string, string | undefined>;
export interface ProbeResult {
  reachable: boolean;
  detail: string;
}
export function lockedElectronVersion(root: string): string | undefined;
export function electronZipUrl(version: string, env?: Env, platform?: string, arch?: string): string;
export function electronZipCached(version: string, env?: Env, platform?: string, arch?: string): boolean;
export function probeUrl(url: string, timeoutMs?: number): Promise<ProbeResult>;
export function shouldSkipElectronDownload(options: {
  root: string;
  env?: Env;
  probe?: (url: string) => Promise<ProbeResult>;
}): Promise<{ skip: boolean; reason: string }>;
