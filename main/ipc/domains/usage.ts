/** Handlers for the channels of preload/contract-usage.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface UsageDeps {}

export function usageHandlers(_deps: UsageDeps): Record<never, never> {
  return {};
}
