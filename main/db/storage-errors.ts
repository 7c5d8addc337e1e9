/**
 * SQLite and file-system errors turned into StorageErrors that say what is wrong, where, and what to do. Only errors
 * recognised by their code are turned; anything else is left as it is (null), never guessed at.
 */
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { StorageError } from '../core/storage-error';

const DATA_DIR_ADVICE = 'or use another data folder (--data-dir or CLADE_DATA_DIR)';

/** `path` is the mirror file (or the folder) being used when the error came; fs errors name their own path. */
export function asStorageError(error: unknown, path: string): StorageError | null {
  if (error instanceof StorageError) return error;
  if (!(error instanceof Error)) return null;
  const { code, path: errorPath, syscall } = error as Error & { code?: unknown; path?: unknown; syscall?: unknown };
  if (typeof code !== 'string') return null;
  const where = typeof errorPath === 'string' ? errorPath : path;
  const raw = error.message;
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return damagedMirror(path, raw);
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') return diskFull(where, raw);
  // EEXIST only from mkdir: a file where a folder should be (an exclusive create of an existing file is another story).
  if (code === 'ENOTDIR' || (code === 'EEXIST' && syscall === 'mkdir')) {
    const blocking = fileInTheWay(where);
    if (blocking) return notAFolder(blocking, where);
    return null;
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return readOnly(where, raw);
  if (code.startsWith('SQLITE_CANTOPEN')) {
    const blocking = fileInTheWay(dirname(path));
    return blocking ? notAFolder(blocking, path) : null;
  }
  return null;
}

export function damagedMirror(file: string, raw: string): StorageError {
  return new StorageError(
    'corrupt',
    file,
    `the local mirror ${file} is damaged and cannot be read (SQLite: ${raw}). It was left untouched. ` +
      `Move it aside and sync a new one: the organization's data comes back from the Admin API, and the old file ` +
      `keeps its local audit trail.`,
  );
}

export function emptyMirror(file: string): StorageError {
  return new StorageError(
    'empty-file',
    file,
    `the local mirror ${file} is empty (0 bytes): it was cut short, for example by a disk tool or a copy that did ` +
      `not finish. It was left untouched. Move it aside and sync a new one: the organization's data comes back ` +
      `from the Admin API.`,
  );
}

function readOnly(path: string, raw: string): StorageError {
  return new StorageError(
    'read-only',
    path,
    `cannot write to ${path}: it or its folder is read-only for this user (${raw}). Give your user write access ` +
      `to it (for example \`chmod u+w\`), ${DATA_DIR_ADVICE}.`,
  );
}

function diskFull(path: string, raw: string): StorageError {
  return new StorageError(
    'disk-full',
    path,
    `the disk holding ${path} is full (${raw}). Free some space, then sync again: what was synced is kept and the ` +
      `sync resumes where it stopped. A shorter history (the sync.historyDays setting) keeps the mirror smaller.`,
  );
}

export function notAFolder(blocking: string, wanted: string): StorageError {
  return new StorageError(
    'not-a-folder',
    blocking,
    `${blocking === wanted ? `the data folder ${wanted}` : `${blocking}, on the way to ${wanted},`} is a file, not ` +
      `a folder. Move that file away, ${DATA_DIR_ADVICE}.`,
  );
}

/** The nearest existing ancestor of `path` (itself included) when it is not a folder: the file in the way. */
export function fileInTheWay(path: string): string | null {
  for (let at = path; ; at = dirname(at)) {
    const stat = statOrNull(at);
    if (stat) return stat.isDirectory() ? null : at;
    if (dirname(at) === at) return null;
  }
}

function statOrNull(path: string) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}
