export const BUILD_OUTPUTS: string[];
export const BUILD_INPUTS: string[];
export type ElectronBinary = { path: string; missing?: undefined } | { path?: undefined; missing: string };
export type DisplayCheck = { ok: true; missing?: undefined } | { ok: false; missing: string };
export type LaunchPlan = { mode: 'electron'; binary: string } | { mode: 'headless'; reasons: string[] };
export function staleBuildReason(root: string): string | undefined;
export function findElectronBinary(root: string, env?: Record<string, string | undefined>): ElectronBinary;
export function findDisplay(platform?: string, env?: Record<string, string | undefined>): DisplayCheck;
export function planLaunch(input: {
  electron: ElectronBinary;
  display: DisplayCheck;
  forceHeadless?: boolean;
}): LaunchPlan;
