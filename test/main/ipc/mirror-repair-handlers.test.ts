/**
 * `clade:mirror/problem` and `clade:mirror/move-aside` through the gateway's dispatch, over the app's real active
 * profile (a live profile whose key the sandbox refuses, so its first sync ends at once and no demo is synced): the
 * window learns what is wrong, can move an unreadable mirror aside, and main refuses a sound one on its own judgement.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { createHandlers } from '../../../main/ipc/create-handlers';
import { dispatch } from '../../../main/ipc/dispatch';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createActiveProfileData } from '../../../main/services/active-profile';
import { writeDamagedMirror } from '../../helpers/damaged-mirror';
import { sampleInfo, unusedVault } from './fixtures';

let sandbox: RunningSandbox;
let dataDir: string;
beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3 });
  dataDir = mkdtempSync(join(tmpdir(), 'clade-ipc-repair-'));
}, 30_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function appHandlers(moveAside?: () => Promise<{ movedTo: string }>) {
  const active = createActiveProfileData({
    dataDir,
    profileId: 'acme',
    readStoredKey: async () => 'sk-ant-admin01-TESTrefusedByTheSandbox000000',
    baseURL: sandbox.url,
    requestsPerMinute: null,
    log: vi.fn(),
  });
  const handlers = createHandlers({
    appInfo: () => sampleInfo,
    mirror: () => active.current()?.db ?? null,
    now: () => Date.now(),
    vault: unusedVault,
    onKeyChanged: async () => undefined,
    mirrorRepair: {
      problem: active.storageProblem,
      moveAside: moveAside ?? (() => active.moveMirrorAside(Date.parse('2026-05-06T07:08:09Z'))),
    },
  });
  const call = (channel: string, payload?: unknown) => dispatch(handlers, channel, payload, 'ipc', vi.fn());
  return { active, call };
}

describe('the window and an unreadable mirror', () => {
  it('says what is wrong, moves the mirror aside on request, then answers no problem and refuses the sound new one', async () => {
    const file = mirrorFile(dataDir, 'acme');
    writeDamagedMirror(file);
    const { active, call } = appHandlers();
    await active.open();

    const problem = await call('clade:mirror/problem');
    expect(problem).toMatchObject({
      ok: true,
      value: { problem: 'corrupt', path: file, canMoveAside: true },
    });
    expect(JSON.stringify(problem)).toContain('is damaged and cannot be read');

    const moved = await call('clade:mirror/move-aside');
    expect(moved).toEqual({ ok: true, value: { movedTo: `${file}.damaged-20260506T070809Z` } });
    expect(existsSync(`${file}.damaged-20260506T070809Z`)).toBe(true);
    expect(active.current()?.mode).toBe('live');
    await active.current()?.ready;
    expect(await call('clade:mirror/problem')).toEqual({ ok: true, value: null });

    const refused = await call('clade:mirror/move-aside');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused.ok ? '' : refused.error.message).toContain('it opens and SQLite finds it sound');
    expect(existsSync(file)).toBe(true);
    await active.close();
  }, 20_000);

  it('offers no move for a problem moving would not fix, and refuses it when asked anyway', async () => {
    const { active, call } = appHandlers();
    const file = mirrorFile(dataDir, 'acme');
    for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
    // A mirror from a newer build: readable, but not ours to migrate or to move.
    const raw = new Database(file);
    raw.pragma('user_version = 999999');
    raw.close();
    await active.open();
    expect(await call('clade:mirror/problem')).toMatchObject({
      ok: true,
      value: { problem: 'too-new', canMoveAside: false },
    });
    const refused = await call('clade:mirror/move-aside');
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(refused.ok ? '' : refused.error.message).toContain('newer version of Clade Admin');
    expect(existsSync(file)).toBe(true);
    await active.close();
  });

  it('takes no request: a path from the window is refused before any handler runs', async () => {
    const moveAside = vi.fn(async () => ({ movedTo: 'never' }));
    const { call } = appHandlers(moveAside);
    expect(await call('clade:mirror/move-aside', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(await call('clade:mirror/problem', { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    expect(moveAside).not.toHaveBeenCalled();
  });

  it('answers no problem and refuses the move where the window has no repair wired', async () => {
    const handlers = createHandlers({
      appInfo: () => sampleInfo,
      mirror: () => null,
      now: () => 0,
      vault: unusedVault,
      onKeyChanged: async () => undefined,
    });
    expect(await dispatch(handlers, 'clade:mirror/problem', undefined, 'ipc', vi.fn())).toEqual({
      ok: true,
      value: null,
    });
    expect(await dispatch(handlers, 'clade:mirror/move-aside', undefined, 'ipc', vi.fn())).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});
