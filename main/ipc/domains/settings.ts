/** Handlers for the channels of preload/contract-settings.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SettingsDeps {}

export function settingsHandlers(_deps: SettingsDeps): Record<never, never> {
  return {};
}
