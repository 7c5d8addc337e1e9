/** Typed errors of the mirror file, with messages an admin can act on. */
import { StorageError } from '../core/storage-error';

export class MirrorTooNewError extends StorageError {
  override readonly name = 'MirrorTooNewError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      'too-new',
      file,
      `the local mirror ${file} was written by a newer version of Clade Admin (schema ${fileVersion}; this build ` +
        `knows up to ${supportedVersion}). It was left untouched: update Clade Admin, or choose another profile.`,
    );
  }
}

export class MirrorNeedsMigrationError extends Error {
  override readonly name = 'MirrorNeedsMigrationError';
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly supportedVersion: number,
  ) {
    super(
      `the local mirror ${file} has schema ${fileVersion}, older than this build's ${supportedVersion}, and was ` +
        `opened read-only; run \`clade-admin sync\` once to upgrade it.`,
    );
  }
}
