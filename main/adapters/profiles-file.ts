/**
 * The profile registry on disk: `<dataDir>/profiles.json`, mode 0600, written atomically (temp file in the same
 * folder, fsync, rename) so a crash never leaves half a file. It holds ids, labels and org bindings — never a key.
 */
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { AUDIT_HEAD_SUFFIX } from '../core/audit/head';
import { AUDIT_SEAL_FILE_SUFFIX } from '../core/audit/seal';
import type { ProfileStorePort } from '../core/vault/ports';
import type { Profile, ProfileRegistry } from '../core/vault/profiles';
import {
  EMPTY_REGISTRY,
  addProfile,
  assertProfileId,
  findProfile,
  listProfiles,
  parseRegistry,
  relabelProfile,
  removeProfileEntry,
} from '../core/vault/profiles';
import { mirrorFile, profileDir } from './data-dir';

export const PROFILES_FILE_NAME = 'profiles.json';

export interface ProfilesFile extends ProfileStorePort {
  readonly path: string;
  /** The demo profile first, then the user's profiles by id. */
  list(): Profile[];
  get(profileId: string): Profile | undefined;
  add(input: { id: string; label?: string }, nowMs: number): Profile;
  relabel(profileId: string, label: string): Profile;
  /** Forgets the profile's entry only; use core/vault removeProfile to also delete its key and mirror. */
  remove(profileId: string): boolean;
}

export function createProfilesFile(dataDir: string): ProfilesFile {
  const path = join(dataDir, PROFILES_FILE_NAME);

  const read = (): ProfileRegistry => {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return EMPTY_REGISTRY;
      throw error;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${path} is not valid JSON; fix or move it aside, then try again`);
    }
    return parseRegistry(json);
  };

  const write = (registry: ProfileRegistry): void => {
    writeFileAtomic(path, `${JSON.stringify(registry, null, 2)}\n`);
  };

  const update = (change: (r: ProfileRegistry) => ProfileRegistry): ProfileRegistry => {
    const next = change(read());
    write(next);
    return next;
  };

  return {
    path,
    read,
    write,
    list: () => listProfiles(read()),
    get: (profileId) => findProfile(read(), profileId),
    add: (input, nowMs) =>
      findProfile(
        update((r) => addProfile(r, input, nowMs)),
        input.id,
      ) as Profile,
    relabel: (profileId, label) =>
      findProfile(
        update((r) => relabelProfile(r, profileId, label)),
        profileId,
      ) as Profile,
    remove: (profileId) => {
      const registry = read();
      if (!findProfile(registry, profileId)) return false;
      write(removeProfileEntry(registry, profileId));
      return true;
    },
  };
}

/** Writes `text` to `path` with mode 0600 via a temp file and rename; creates the folder (0700) if needed. */
export function writeFileAtomic(path: string, text: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  const fd = openSync(temp, 'wx', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/**
 * The mirror's files: the SQLite database, the side files SQLite may leave next to it, and the audit trail's external
 * head and file-protected seal. They go with the mirror: left behind, it would flag the next mirror of this profile id as a rewritten
 * trail (its first append finds a chain the head never vouched for).
 */
export function mirrorFilePaths(dataDir: string, profileId: string): string[] {
  const db = mirrorFile(dataDir, assertProfileId(profileId));
  return [db, `${db}-wal`, `${db}-shm`, `${db}-journal`, `${db}${AUDIT_HEAD_SUFFIX}`, `${db}${AUDIT_SEAL_FILE_SUFFIX}`];
}

/** Deletes the profile's mirror files (and its folder when that leaves it empty); returns the paths deleted. */
export function deleteProfileMirror(dataDir: string, profileId: string): string[] {
  const deleted: string[] = [];
  for (const file of mirrorFilePaths(dataDir, profileId)) {
    try {
      unlinkSync(file);
      deleted.push(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  try {
    rmdirSync(profileDir(dataDir, profileId));
  } catch {
    // Not empty (other files of the profile) or already gone: leave it.
  }
  return deleted;
}
