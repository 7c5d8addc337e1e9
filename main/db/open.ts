/**
 * Opens a profile's mirror file: created readable by the user only (0600), WAL, synchronous=NORMAL,
 * foreign keys on, migrated to this build's schema. A file from a newer build is refused and left untouched; so is a
 * damaged or empty one (db/storage-errors.ts says what to do), since rewriting a file we cannot read could lose it.
 */
import { chmodSync, closeSync, existsSync, linkSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';
import { latestVersion, migrate, pendingMigrations, schemaVersion } from './migrate';
import { MirrorNeedsMigrationError, MirrorTooNewError } from './errors';
import { betterSqliteNativeBinding } from './native-binding';
import { asStorageError, emptyMirror } from './storage-errors';

export type MirrorDb = Database.Database;

export interface OpenMirrorOptions {
  readonly?: boolean;
}

export function openMirror(file: string, opts: OpenMirrorOptions = {}): MirrorDb {
  try {
    return openChecked(file, opts);
  } catch (error) {
    throw asStorageError(error, file) ?? error;
  }
}

function openChecked(file: string, opts: OpenMirrorOptions): MirrorDb {
  const latest = latestVersion(MIGRATIONS);
  // Read the version from the file header first, so a newer file is refused without SQLite touching it.
  const headerVersion = readHeaderVersion(file);
  if (headerVersion != null && headerVersion > latest) throw new MirrorTooNewError(file, headerVersion, latest);
  // Mirrors are created whole (createMirrorFile), so an empty one was cut short later: never silently re-created.
  if (file !== ':memory:' && existsSync(file) && statSync(file).size === 0) throw emptyMirror(file);
  if (!opts.readonly && file !== ':memory:' && !existsSync(file)) createMirrorFile(file);

  const nativeBinding = betterSqliteNativeBinding();
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.readonly ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  try {
    const version = schemaVersion(db);
    if (version > latest) throw new MirrorTooNewError(file, version, latest);
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    if (opts.readonly) {
      if (pendingMigrations(db, MIGRATIONS, file).length > 0)
        throw new MirrorNeedsMigrationError(file, version, latest);
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    migrate(db, MIGRATIONS, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A new mirror is built under a temporary name and linked into place only once migrated, so a crash while creating
 * it never leaves an empty or half-made file under the real name. `link` refuses to replace a file another process
 * created meanwhile (rename would replace it under that process's feet); then that one is used.
 */
function createMirrorFile(file: string): void {
  const temp = `${file}.creating-${process.pid}-${Date.now()}`;
  createPrivateFile(temp);
  try {
    const nativeBinding = betterSqliteNativeBinding();
    const db = new Database(temp, nativeBinding ? { nativeBinding } : {});
    try {
      db.pragma('journal_mode = WAL');
      migrate(db, MIGRATIONS, file);
    } finally {
      db.close();
    }
    linkSync(temp, file);
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
  } finally {
    for (const leftover of [temp, `${temp}-wal`, `${temp}-shm`]) if (existsSync(leftover)) unlinkSync(leftover);
  }
}

function createPrivateFile(file: string): void {
  closeSync(openSync(file, 'wx', 0o600));
  chmodSync(file, 0o600); // the umask may have cleared bits we asked for; never widen, only make sure
}

/** user_version lives at byte offset 60 of the SQLite header (big-endian 32-bit). */
function readHeaderVersion(file: string): number | null {
  if (file === ':memory:' || !existsSync(file) || statSync(file).size < 100) return null;
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    if (header.subarray(0, 16).toString('latin1') !== 'SQLite format 3\u0000') return null;
    return header.readInt32BE(60);
  } finally {
    closeSync(fd);
  }
}

/**
 * A second, read-only connection to a file another connection has open (and migrated): for a long streaming read
 * that must not keep the main connection busy across awaits. No schema checks: the owner of the file did them.
 */
export function openReadConnection(file: string): Database.Database {
  const nativeBinding = betterSqliteNativeBinding();
  return new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
}

/**
 * A second writing connection to a mirror another connection opened and migrated: the sync's write worker
 * (db/write-worker). Per-connection settings as openMirror's; WAL is the file's own. `nativeBinding` is passed in
 * because the worker is told which build its parent loaded.
 */
export function openWriteConnection(file: string, nativeBinding: string | undefined): Database.Database {
  const db = new Database(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  return db;
}
