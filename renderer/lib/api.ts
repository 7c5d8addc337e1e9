/**
 * The ONLY reader of `window.api` in the renderer. Everything else asks through these functions, so
 * stores never see transport details and tests can swap the api in one place.
 */
import type { ClientApi, IpcError, Result } from '../../preload/contract';

declare global {
  interface Window {
    api?: ClientApi;
  }
}

/** A failure answered by main, carrying its code for the view to decide what to show. */
export class ApiError extends Error {
  readonly code: IpcError['code'] | 'no-bridge';
  constructor(error: { code: ApiError['code']; message: string }) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
  }
}

export function api(): ClientApi {
  const bridge = window.api;
  if (!bridge) {
    throw new ApiError({
      code: 'no-bridge',
      message: 'This page is not running inside Clade Admin, so it has no data to show.',
    });
  }
  return bridge;
}

/** Turns a result object into its value, or throws an ApiError with main's safe message. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong in the window. Reload it with Ctrl+R or Cmd+R.';
}
