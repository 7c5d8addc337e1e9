/** Handlers for the channels of preload/contract-actions.ts. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionsDeps {}

export function actionsHandlers(_deps: ActionsDeps): Record<never, never> {
  return {};
}
