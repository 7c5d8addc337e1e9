/** Handlers for the channels of preload/contract-alerts.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AlertsDeps {}

export function alertsHandlers(_deps: AlertsDeps): Record<never, never> {
  return {};
}
