export function electronDownloadFailed(logTail: string): boolean;
export function installArgs(lockUsable: boolean): string[];
export function install(root?: string, log?: (line: string) => void): Promise<{ ok: boolean; headless: boolean }>;
export function sqliteBuiltForOtherRuntime(root?: string, abi?: string): boolean;
