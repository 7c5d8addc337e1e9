import { spawn } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireProfileLock, lockFileOf, ProfileLockedError, withProfileLock } from '../../../main/db/profile-lock';
import { tempMirrorFile } from '../sync/sandbox-helpers';

describe('profile lock', () => {
  let mirror: ReturnType<typeof tempMirrorFile>;
  beforeEach(() => {
    mirror = tempMirrorFile();
  });
  afterEach(() => mirror.cleanup());

  it('lets one syncer in and tells the second who holds it', async () => {
    const first = await acquireProfileLock(mirror.file, { holder: 'Clade Admin app' });
    expect(statSync(lockFileOf(mirror.file)).mode & 0o777).toBe(0o600);
    const error = await acquireProfileLock(mirror.file, { holder: 'clade-admin sync' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProfileLockedError);
    expect((error as Error).message).toMatch(new RegExp(`Clade Admin app \\(pid ${process.pid} on `));
    first.release();
    expect(existsSync(lockFileOf(mirror.file))).toBe(false);
    const again = await acquireProfileLock(mirror.file, { holder: 'clade-admin sync' });
    again.release();
  });

  it('makes the second syncer wait when asked, and lets it in once the first releases', async () => {
    const first = await acquireProfileLock(mirror.file, { holder: 'app' });
    setTimeout(() => first.release(), 150);
    const order: string[] = [];
    await withProfileLock(mirror.file, { holder: 'cli', waitMs: 5_000, pollMs: 20 }, async () => {
      order.push('second ran');
    });
    expect(order).toEqual(['second ran']);
  });

  it('takes over a lock left by a process that died', async () => {
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) => child.on('exit', () => resolve(child.pid!)));
    writeFileSync(
      lockFileOf(mirror.file),
      JSON.stringify({ pid: deadPid, hostname: hostname(), holder: 'crashed sync', acquiredAtMs: 1 }),
    );
    const lock = await acquireProfileLock(mirror.file, { holder: 'cli' });
    lock.release();
  });

  it('respects a lock held from another machine (it cannot prove it dead)', async () => {
    writeFileSync(
      lockFileOf(mirror.file),
      JSON.stringify({ pid: 1, hostname: 'other-host', holder: 'app', acquiredAtMs: 1 }),
    );
    await expect(acquireProfileLock(mirror.file, { holder: 'cli' })).rejects.toThrow(/pid 1 on other-host/);
  });
});
