/**
 * Each storage problem is said as what, where and what to do, and a file we cannot read is never rewritten:
 * a damaged mirror, an empty one, one from a newer build, a data folder that is a file, a read-only folder, a full
 * disk (SQLite's max_page_count). The CLI runs in process (fast); the read-only case runs the built CLI as another
 * user when the tests run as root, who can write anywhere.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CliIO } from '../../../main/cli/io';
import { ensureBuiltCli } from '../../helpers/built-cli';

let root: string;
let base: string; // a data folder holding a synced demo mirror, copied for each case

function memoryIo(): CliIO & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdin: Readable.from([]),
    stdout: { write: (text: string) => ((out += text), true) },
    stderr: { write: (text: string) => ((err += text), true) },
    env: { HOME: root },
    out: () => out,
    err: () => err,
  };
}
async function cli(dataDir: string, ...args: string[]) {
  const io = memoryIo();
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout: io.out(), stderr: io.err() };
}
let cases = 0;
function copyOfBase(): { dataDir: string; mirror: string } {
  const dataDir = join(root, `case-${++cases}`);
  cpSync(base, dataDir, { recursive: true });
  return { dataDir, mirror: join(dataDir, 'profiles', 'demo', 'mirror.sqlite') };
}
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clade-storage-'));
  base = join(root, 'base');
  const demo = await cli(base, 'demo');
  expect(demo.code, demo.stderr).toBe(0);
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('a damaged mirror', () => {
  it('is named with its path and the command that moves it aside, left untouched, and moved aside on request', async () => {
    const { dataDir, mirror } = copyOfBase();
    // A setting change gives the profile an audit trail and a head file, which must move aside with the mirror.
    expect((await cli(dataDir, '--profile', 'demo', 'config', 'set', 'sync.historyDays', '30')).code).toBe(0);
    expect(existsSync(`${mirror}.audit-head.json`)).toBe(true);
    // Keep the header page (so it still looks like SQLite), scramble every page after it.
    const bytes = readFileSync(mirror);
    for (let i = 4096; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
    writeFileSync(mirror, bytes);
    const before = digest(mirror);

    const status = await cli(dataDir, '--profile', 'demo', 'status');
    expect(status.code).toBe(3);
    expect(status.stderr).toContain(`the local mirror ${mirror} is damaged`);
    expect(status.stderr).toContain(`\`clade-admin --data-dir "${dataDir}" --profile demo mirror move-aside\``);
    expect(status.stderr).not.toMatch(/^\s+at /m);
    const demo = await cli(dataDir, 'demo');
    expect(demo.code).toBe(3);
    expect(demo.stderr).toContain('is damaged');
    expect(digest(mirror)).toBe(before);

    const moved = await cli(dataDir, '--profile', 'demo', 'mirror', 'move-aside');
    expect(moved.code, moved.stderr).toBe(0);
    const aside = readdirSync(join(dataDir, 'profiles', 'demo')).find((f) =>
      /^mirror\.sqlite\.damaged-\d{8}T\d{6}Z$/.test(f),
    );
    expect(aside).toBeDefined();
    expect(digest(join(dataDir, 'profiles', 'demo', aside!))).toBe(before);
    expect(moved.stdout).toContain('clade-admin demo');
    expect(existsSync(mirror)).toBe(false);

    expect(existsSync(join(dataDir, 'profiles', 'demo', `${aside}.audit-head.json`))).toBe(true);
    expect(existsSync(`${mirror}.audit-head.json`)).toBe(false);

    const again = await cli(dataDir, 'demo');
    expect(again.code, again.stderr).toBe(0);
    expect((await cli(dataDir, '--profile', 'demo', 'status')).code).toBe(0);
    const verify = await cli(dataDir, '--profile', 'demo', 'audit', 'verify');
    expect(verify.code, verify.stderr).toBe(0);
  }, 60_000);

  it('refuses to move a sound mirror aside', async () => {
    const { dataDir, mirror } = copyOfBase();
    const moved = await cli(dataDir, '--profile', 'demo', 'mirror', 'move-aside');
    expect(moved.code).toBe(1);
    expect(moved.stderr).toContain('was not moved: it opens and SQLite finds it sound');
    expect(existsSync(mirror)).toBe(true);
  });
});

describe('an empty mirror', () => {
  it('is refused, not silently re-created, and can be moved aside', async () => {
    const { dataDir, mirror } = copyOfBase();
    writeFileSync(mirror, '');
    for (const side of ['-wal', '-shm']) rmSync(mirror + side, { force: true });
    const status = await cli(dataDir, '--profile', 'demo', 'status');
    expect(status.code).toBe(3);
    expect(status.stderr).toContain(`the local mirror ${mirror} is empty (0 bytes)`);
    expect(status.stderr).toContain('mirror move-aside');
    const demo = await cli(dataDir, 'demo');
    expect(demo.code).toBe(3);
    expect(statSync(mirror).size).toBe(0);
    expect((await cli(dataDir, '--profile', 'demo', 'mirror', 'move-aside')).code).toBe(0);
    expect(existsSync(mirror)).toBe(false);
  });
});

describe('a mirror from a newer build', () => {
  it('is refused with the versions and left untouched; it is not offered to be moved aside', async () => {
    const { dataDir, mirror } = copyOfBase();
    const raw = new Database(mirror);
    raw.pragma('user_version = 999999');
    raw.close();
    const before = digest(mirror);
    for (const args of [['--profile', 'demo', 'status'], ['demo']]) {
      const result = await cli(dataDir, ...args);
      expect(result.code).toBe(3);
      expect(result.stderr).toContain('written by a newer version of Clade Admin (schema 999999');
      expect(result.stderr).not.toContain('move-aside');
    }
    expect((await cli(dataDir, '--profile', 'demo', 'mirror', 'move-aside')).code).toBe(1);
    expect(digest(mirror)).toBe(before);
  });
});

describe('a data folder that is a file', () => {
  it.each([[['status']], [['--profile', 'demo', 'audit', 'verify']], [['demo']], [['sync']]])(
    '%j says so instead of "no mirror yet" or "OK 0 events"',
    async (args) => {
      const dataDir = join(root, `file-${++cases}`);
      writeFileSync(dataDir, 'not a folder');
      const result = await cli(dataDir, ...args);
      expect(result.code).toBe(3);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(`the data folder ${dataDir} is a file, not a folder`);
      expect(readFileSync(dataDir, 'utf8')).toBe('not a folder');
    },
  );

  it('names the file in the way when it is a parent of the data folder', async () => {
    const parent = join(root, `parent-${++cases}`);
    writeFileSync(parent, '');
    const result = await cli(join(parent, 'clade'), 'status');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain(`${parent}, on the way to ${join(parent, 'clade')}, is a file`);
  });
});

describe('a read-only data folder', () => {
  // Root writes through any permission, so as root the CLI runs as "nobody", who owns the folder but may not write.
  const asRoot = process.getuid?.() === 0;
  const NOBODY = 65534;
  function runAsOwner(dataDir: string, args: string[]) {
    return new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [ensureBuiltCli(), '--data-dir', dataDir, ...args], {
        env: { PATH: process.env.PATH, HOME: root },
        stdio: ['ignore', 'ignore', 'pipe'],
        ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
      });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stderr }));
    });
  }
  function readOnly(path: string) {
    for (const entry of [path, ...readdirSync(path, { recursive: true }).map((e) => join(path, String(e)))]) {
      if (asRoot) chownSync(entry, NOBODY, NOBODY);
      chmodSync(entry, statSync(entry).isDirectory() ? 0o500 : 0o400);
    }
  }

  it('says which path cannot be written and how to fix it, for a mirror and for a new profile', async () => {
    chmodSync(root, 0o755); // mkdtemp makes it 0700: the other user must reach the copies inside
    const { dataDir, mirror } = copyOfBase();
    readOnly(dataDir);
    const demo = await runAsOwner(dataDir, ['demo']);
    expect(demo.code).toBe(3);
    expect(demo.stderr).toContain(`cannot write to ${mirror}: it or its folder is read-only for this user`);
    expect(demo.stderr).toContain('chmod u+w');
    const empty = join(root, `empty-${++cases}`);
    mkdirSync(empty);
    readOnly(empty);
    const fresh = await runAsOwner(empty, ['demo']);
    expect(fresh.code).toBe(3);
    expect(fresh.stderr).toContain(`cannot write to ${join(empty, 'profiles', 'demo')}: it or its folder is read-only`);
  }, 60_000);
});
