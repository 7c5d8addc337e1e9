/**
 * One syncer per profile: the app and the CLI never sync the same mirror at once. The lock is a file
 * next to the mirror (`<mirror>.lock`, 0600) created atomically, holding who took it. A lock left by a process that
 * died on this machine is taken over; a live holder makes the second syncer wait, or fail saying who holds it.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  hostname: string;
  /** What holds it, for the message: "clade-admin sync", "Clade Admin app", … */
  holder: string;
  acquiredAtMs: number;
}

export class ProfileLockedError extends Error {
  override readonly name = 'ProfileLockedError';
  constructor(
    readonly lockFile: string,
    readonly holderInfo: LockHolder | null,
  ) {
    super(
      holderInfo
        ? `another sync of this profile is running: ${holderInfo.holder} (pid ${holderInfo.pid} on ${holderInfo.hostname}, ` +
            `since ${new Date(holderInfo.acquiredAtMs).toISOString()})`
        : `another sync of this profile is running (lock ${lockFile})`,
    );
  }
}

export interface ProfileLock {
  readonly file: string;
  release(): void;
}

export interface LockOptions {
  holder: string;
  /** How long to wait for a live holder; 0 (default) fails at once with ProfileLockedError. */
  waitMs?: number;
  pollMs?: number;
}

export function lockFileOf(mirrorFile: string): string {
  return `${mirrorFile}.lock`;
}

export async function acquireProfileLock(mirrorFile: string, opts: LockOptions): Promise<ProfileLock> {
  const file = lockFileOf(mirrorFile);
  const deadline = Date.now() + Math.max(0, opts.waitMs ?? 0);
  for (;;) {
    const me: LockHolder = { pid: process.pid, hostname: hostname(), holder: opts.holder, acquiredAtMs: Date.now() };
    if (tryCreate(file, me)) return lockHandle(file, me);
    const current = readHolder(file);
    if (current === 'gone') continue;
    if (current && isStale(current)) {
      removeIfUnchanged(file, current);
      continue;
    }
    if (Date.now() >= deadline) throw new ProfileLockedError(file, current);
    await new Promise((r) => setTimeout(r, Math.min(opts.pollMs ?? 200, Math.max(1, deadline - Date.now()))));
  }
}

export async function withProfileLock<T>(mirrorFile: string, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
  const lock = await acquireProfileLock(mirrorFile, opts);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

function tryCreate(file: string, me: LockHolder): boolean {
  try {
    writeFileSync(file, JSON.stringify(me), { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

function lockHandle(file: string, me: LockHolder): ProfileLock {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      removeIfUnchanged(file, me);
    },
  };
}

/** The holder, null when the file is unreadable or half-written, 'gone' when it vanished meanwhile. */
function readHolder(file: string): LockHolder | null | 'gone' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw e;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return typeof parsed.pid === 'number' && typeof parsed.hostname === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/** Only a holder on this machine can be proven dead; another machine's lock is respected. */
function isStale(h: LockHolder): boolean {
  if (h.hostname !== hostname()) return false;
  if (h.pid === process.pid) return false;
  try {
    process.kill(h.pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function removeIfUnchanged(file: string, expected: LockHolder): void {
  const current = readHolder(file);
  if (current && current !== 'gone' && current.pid === expected.pid && current.acquiredAtMs === expected.acquiredAtMs) {
    try {
      unlinkSync(file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
}
