/**
 * What crosses between the sync and its write worker. Errors cross as plain data and are rebuilt on the other
 * side, so the engine's failure rules (a malformed page, SQLITE_FULL) see the same error either way.
 */
import { AdminApiError, isAdminApiError, type ApiErrorKind } from '../../core/api-error';
import type { PageWrite } from '../../core/sync/page-jobs';
import type { PageWriteResult } from '../../core/sync/store-port';

export interface WriterWorkerData {
  file: string;
  /** The better-sqlite3 native file to load: inside Electron the Electron-ABI build (db/native-binding.ts). */
  nativeBinding: string | undefined;
}

/** `resume`: the sync saw the failure of a page; pages after it may be written again. */
export type ToWorker = { id: number; write: PageWrite } | { resume: true } | { close: true };

/** `ready` once, when the worker has opened the mirror; then one answer per page. */
export type FromWorker =
  { ready: true } | { id: number; written: PageWriteResult } | { id: number; error: CrossedError };

export type CrossedError =
  | {
      type: 'api';
      kind: ApiErrorKind;
      message: string;
      endpoint: string;
      status: number | null;
      requestId: string | null;
      errorCode: string | null;
    }
  | { type: 'other'; name: string; message: string; code: string | null };

export function crossError(error: unknown): CrossedError {
  if (isAdminApiError(error)) {
    const { kind, message, endpoint, status, requestId, errorCode } = error;
    return { type: 'api', kind, message, endpoint, status, requestId, errorCode };
  }
  const e = error instanceof Error ? error : new Error(String(error));
  const code = (e as { code?: unknown }).code;
  return { type: 'other', name: e.name, message: e.message, code: typeof code === 'string' ? code : null };
}

/** The error as the worker threw it: an AdminApiError again, or an Error with the same name and code. */
export function rebuildError(crossed: CrossedError): Error {
  if (crossed.type === 'api') {
    return new AdminApiError(
      crossed.kind,
      crossed.message,
      crossed.endpoint,
      crossed.status,
      crossed.requestId,
      crossed.errorCode,
    );
  }
  const error = new Error(crossed.message) as Error & { code?: string };
  error.name = crossed.name;
  if (crossed.code) error.code = crossed.code;
  return error;
}
