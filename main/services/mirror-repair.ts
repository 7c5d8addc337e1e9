/**
 * The window's way out of a mirror that cannot be read: main looks at the file again itself (never trusting what the
 * window or an earlier error said) and moves it aside only when SQLite cannot read it. A sound mirror holds the
 * profile's local audit trail and is refused, as is one with another problem (too new, read-only, full disk), which
 * moving would not fix. The CLI's `mirror move-aside` makes the same judgement (cli/commands/mirror.ts).
 */
import { existsSync } from 'node:fs';
import { canMoveAside, type StorageError } from '../core/storage-error';
import { inspectMirror } from '../db/move-aside';

export type NotMovedReason = 'no-mirror' | 'sound' | 'not-movable' | 'move-failed';

/** Why a mirror was left where it is, in words for the admin. */
export class MirrorNotMovedError extends Error {
  override readonly name = 'MirrorNotMovedError';
  constructor(
    readonly reason: NotMovedReason,
    message: string,
  ) {
    super(message);
  }
}

/** The problem that makes `file` movable, or throws MirrorNotMovedError saying why it stays. Reads every page. */
export function unreadableMirrorProblem(file: string): StorageError {
  if (!existsSync(file))
    throw new MirrorNotMovedError(
      'no-mirror',
      `There is no mirror at ${file} to move aside; the next sync builds one.`,
    );
  const problem = inspectMirror(file);
  if (!problem)
    throw new MirrorNotMovedError(
      'sound',
      `The mirror ${file} was not moved: it opens and SQLite finds it sound. It holds this profile's local audit ` +
        `trail, so it stays where it is.`,
    );
  if (!canMoveAside(problem))
    throw new MirrorNotMovedError('not-movable', `The mirror ${file} was not moved: ${problem.message}`);
  return problem;
}
