/**
 * A problem with the files on this computer (the mirror, its folder), as opposed to the API or the input: what is
 * wrong, where, and what to do, in one message an admin can act on. The db layer turns SQLite and file-system
 * errors into these (db/storage-errors.ts); the sync stops on one, since every later write would fail the same way.
 */
export type StorageProblem = 'corrupt' | 'empty-file' | 'too-new' | 'read-only' | 'not-a-folder' | 'disk-full';

export class StorageError extends Error {
  override readonly name: string = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    /** The file or folder the problem is in. */
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export function isStorageError(error: unknown): error is StorageError {
  return error instanceof StorageError;
}

/** Problems where the mirror file itself cannot be read: moving it aside and syncing a new one is the way out. */
export function canMoveAside(error: StorageError): boolean {
  return error.problem === 'corrupt' || error.problem === 'empty-file';
}
