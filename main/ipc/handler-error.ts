/**
 * An expected failure a handler reports to the window (e.g. "no mirror yet"). Its message is shown to the
 * user, so it must be written for them and hold nothing secret. Any other thrown error becomes `internal`.
 */
import type { IpcErrorCode } from '../../preload/contract';

export class HandlerError extends Error {
  constructor(
    readonly code: Exclude<IpcErrorCode, 'internal'>,
    message: string,
  ) {
    super(message);
    this.name = 'HandlerError';
  }
}
