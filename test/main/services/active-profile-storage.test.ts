/**
 * The app's data layer (main/index.ts's active profile, without Electron) when the mirror's files are the problem
 * (#20): it opens without throwing, says what is wrong and where, never touches a file it cannot read, moves an
 * unreadable mirror aside only when its own inspection agrees, and a new demo mirror is synced in its place.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { createActiveProfileData, type ActiveProfileData } from '../../../main/services/active-profile';
import { MirrorNotMovedError } from '../../../main/services/mirror-repair';
import type { SyncProgress } from '../../../preload/contract';
import { writeDamagedMirror } from '../../helpers/damaged-mirror';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const AT = Date.parse('2026-03-04T05:06:07.890Z');

/** A profile without a key (so the demo org) in a fresh data folder, as the app has it at start. */
function activeDemo(): { active: ActiveProfileData; file: string; progress: SyncProgress[] } {
  const dataDir = mkdtempSync(join(tmpdir(), 'clade-active-storage-'));
  const progress: SyncProgress[] = [];
  const active = createActiveProfileData({
    dataDir,
    profileId: 'default',
    readStoredKey: async () => null,
    onProgress: (p) => progress.push(p),
    log: vi.fn(),
  });
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(() => active.close());
  return { active, file: mirrorFile(dataDir, 'demo'), progress };
}

describe('the active profile with a damaged mirror', () => {
  it('opens without throwing, says what and where, and after a move aside syncs a healthy demo mirror', async () => {
    const { active, file, progress } = activeDemo();
    writeDamagedMirror(file);
    const before = digest(file);

    await active.open();
    expect(active.current()).toBeNull();
    expect(active.storageProblem()).toMatchObject({ problem: 'corrupt', path: file });
    expect(active.storageProblem()?.message).toContain(`the local mirror ${file} is damaged`);
    expect(progress.at(-1)?.phase).toBe('failed'); // the window stops showing "Syncing…" and asks what went wrong
    expect(digest(file)).toBe(before); // never rewritten

    const { movedTo } = await active.moveMirrorAside(AT);
    expect(movedTo).toBe(`${file}.damaged-20260304T050607Z`);
    expect(digest(movedTo)).toBe(before);
    expect(active.storageProblem()).toBeNull();
    const data = active.current();
    expect(data?.mode).toBe('demo');
    expect(readOrgTree(data!.db)?.workspaces.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)?.phase).toBe('done');
  }, 30_000);
});

describe('the active profile with an empty mirror', () => {
  it('leaves the file as it is, refuses to move a sound one aside, and records a later sync that stops on a file', async () => {
    const { active, file } = activeDemo();
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '');

    await active.open();
    expect(active.current()).toBeNull();
    expect(active.storageProblem()).toMatchObject({ problem: 'empty-file', path: file });
    expect(statSync(file).size).toBe(0);

    const { movedTo } = await active.moveMirrorAside(AT);
    expect(statSync(movedTo).size).toBe(0);
    const healthy = active.current();
    expect(readOrgTree(healthy!.db)?.workspaces.length).toBeGreaterThanOrEqual(3);

    // The new mirror is sound: main's own inspection refuses to move it, and the open data is left as it was.
    const refusal = await active.moveMirrorAside(AT + 60_000).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(MirrorNotMovedError);
    expect(refusal).toMatchObject({ reason: 'sound' });
    expect(active.current()).toBe(healthy);
    expect(existsSync(file)).toBe(true);

    // A later sync that cannot write (the connection made read-only here) is the current problem, then cleared by
    // the next sync that gets through.
    healthy!.db.pragma('query_only = ON');
    await expect(active.syncNow()).rejects.toMatchObject({ problem: 'read-only' });
    expect(active.storageProblem()).toMatchObject({ problem: 'read-only' });
    healthy!.db.pragma('query_only = OFF');
    await active.syncNow();
    expect(active.storageProblem()).toBeNull();
  }, 30_000);
});
