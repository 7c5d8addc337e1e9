/**
 * The open profile's data for the app: which profile is active and its WindowData (demo sync or the profile's
 * mirror). Reopening closes the previous data first, so two mirrors are never written by the app at once; in
 * between, `current()` answers null and the handlers say "nothing synced yet".
 *
 * A file problem (a damaged, empty or newer mirror, a read-only or full disk) does not stop the app: it is kept as
 * `storageProblem()` for the window to say what is wrong, where and what to do, while the tray and the rest run on.
 * Opening never rewrites a file it cannot read; `moveMirrorAside` is the admin's explicit way out.
 */
import { asStorageError } from '../db/storage-errors';
import type { StorageError } from '../core/storage-error';
import { moveMirrorAside } from '../db/move-aside';
import { MirrorNotMovedError, unreadableMirrorProblem } from './mirror-repair';
import {
  chooseDataSource,
  openWindowData,
  type DataSource,
  type WindowData,
  type WindowDataOptions,
} from './open-profile';

/** What every profile's data is opened with; `profileId` is the one active at start. */
export type ActiveProfileDataDeps = Omit<WindowDataOptions, 'onStorageError'>;

export interface ActiveProfileData {
  current: () => WindowData | null;
  profileId: () => string;
  /** Opens the data of `profileId` (default: the active one), closing what was open. Throws only on non-file errors. */
  open: (profileId?: string) => Promise<void>;
  /** One more sync of the open data (the scheduler's); retries the open when the last one stopped on a file problem. */
  syncNow: () => Promise<void>;
  /** The file problem the last open or sync stopped on; null when none (or after a sync that got past it). */
  storageProblem: () => StorageError | null;
  /**
   * Moves the mirror in use aside when main's own inspection finds it unreadable (else MirrorNotMovedError), then
   * reopens the profile's data, which syncs a new mirror. Answers the old mirror's new name.
   */
  moveMirrorAside: (nowMs: number) => Promise<{ movedTo: string }>;
  close: () => Promise<void>;
}

const FAILED = { phase: 'failed', resource: null, page: 0, rows: 0 } as const;

export function createActiveProfileData(deps: ActiveProfileDataDeps): ActiveProfileData {
  let data: WindowData | null = null;
  let profileId = deps.profileId;
  let problem: StorageError | null = null;
  // The mirror file of the last open (known even when that open failed): the only file move-aside may touch.
  let source: DataSource | null = null;
  // Which open a late report belongs to: a closed profile's first sync must not speak for the one open now.
  let generation = 0;
  const record = (error: unknown, file: string): boolean => {
    const storage = asStorageError(error, file);
    if (storage) problem = storage;
    return storage !== null;
  };
  const close = async (): Promise<void> => {
    const previous = data;
    data = null;
    await previous?.close();
  };
  const open = async (next = profileId): Promise<void> => {
    profileId = next;
    await close();
    problem = null;
    const mine = ++generation;
    const onStorageError = (e: StorageError) => void (generation === mine && (problem = e));
    const options: WindowDataOptions = { ...deps, profileId, onStorageError };
    const chosen = await chooseDataSource(options);
    source = chosen;
    try {
      data = await openWindowData(options, chosen);
    } catch (error) {
      if (!record(error, chosen.mirrorFile)) throw error;
      deps.log('The data of this profile could not be opened; the window says why', error);
      // The window learns the open ended (a demo sync had announced itself 'running') and asks what went wrong.
      deps.onProgress?.(FAILED);
    }
  };
  // Opens and moves never overlap (a scheduled retry during a move would open a second copy of the data).
  let turn: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = turn.then(work, work);
    turn = run.catch(() => undefined);
    return run;
  };
  let syncing: Promise<void> | null = null;
  return {
    current: () => data,
    profileId: () => profileId,
    open: (next) => exclusive(() => open(next)),
    syncNow: async () => {
      const opened = data;
      if (!opened) return problem ? exclusive(() => (data ? Promise.resolve() : open())) : undefined;
      try {
        await (syncing = opened.syncNow());
        problem = null;
      } catch (error) {
        if (source) record(error, source.mirrorFile);
        throw error;
      } finally {
        syncing = null;
      }
    },
    storageProblem: () => problem,
    moveMirrorAside: (nowMs) =>
      exclusive(async () => {
        const file = source?.mirrorFile ?? (await chooseDataSource({ ...deps, profileId })).mirrorFile;
        // Judged before anything closes, so a refusal leaves the window's data as it was.
        unreadableMirrorProblem(file);
        const previous = data;
        // Nothing may hold the file while it moves: a scheduled sync ends first (it stops at once on a damaged file),
        // and a live profile's close lets its first sync end before closing the connection (a reaction on `ready`
        // registered before this await), so after `ready` the connection is closed.
        await close();
        await syncing?.catch(() => undefined);
        await previous?.ready;
        let movedTo: string;
        try {
          movedTo = moveMirrorAside(file, nowMs);
        } catch (error) {
          const why = asStorageError(error, file)?.message ?? (error as Error).message;
          throw new MirrorNotMovedError('move-failed', `The mirror ${file} could not be moved aside: ${why}`);
        } finally {
          // Moved or not, the profile's data opens again: a new mirror, or the old one as it was.
          await open();
        }
        return { movedTo };
      }),
    close,
  };
}
