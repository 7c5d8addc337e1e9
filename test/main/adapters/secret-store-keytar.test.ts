import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { KeytarLike } from '../../../main/adapters/keychain-host/serve';
import { createKeytarSecretStore, KEYCHAIN_SERVICE } from '../../../main/adapters/secret-store-keytar';
import { KeychainUnavailableError } from '../../../main/core/vault/errors';
import {
  REPO_ROOT,
  createKeyringDirs as makeDirs,
  fakeAdminKey,
  removeKeyringDirs,
  runInKeyringSession,
  type KeyringDirs,
  type KeyringMode,
} from '../../helpers/keyring';
import { inProcessKeychainHosts } from '../../helpers/keychain-host-double';
import { findSecretTraces, textHasSecretTrace } from '../../helpers/secret-scan';

/** A keytar double that records calls and can fail or hang. */
function keytarDouble(
  behaviour: 'ok' | 'reject' | 'hang' = 'ok',
  message = 'Cannot create an item in a locked collection',
) {
  const calls: string[][] = [];
  const items = new Map<string, string>();
  const act = <T>(value: () => T): Promise<T> =>
    behaviour === 'ok'
      ? Promise.resolve(value())
      : behaviour === 'reject'
        ? Promise.reject(new Error(message))
        : new Promise<T>(() => {});
  const keytar: KeytarLike = {
    getPassword: (s, a) => (calls.push(['get', s, a]), act(() => items.get(`${s}/${a}`) ?? null)),
    setPassword: (s, a, p) => (calls.push(['set', s, a]), act(() => void items.set(`${s}/${a}`, p))),
    deletePassword: (s, a) => (calls.push(['delete', s, a]), act(() => items.delete(`${s}/${a}`))),
  };
  return { keytar, calls, items };
}

/** The store over keychain hosts running in this process with `keytar` behind them. */
function storeOver(
  keytar: KeytarLike | (() => Promise<KeytarLike>),
  options: { timeoutMs?: number; platform?: NodeJS.Platform } = {},
) {
  const hosts = inProcessKeychainHosts(typeof keytar === 'function' ? keytar : async () => keytar);
  return { store: createKeytarSecretStore({ launchHost: hosts.launch, ...options }), hosts };
}

describe('createKeytarSecretStore (keytar double)', () => {
  it('keeps each profile\'s key under service "clade-admin", account = profile id', async () => {
    const { keytar, calls, items } = keytarDouble();
    const { store, hosts } = storeOver(keytar);
    await store.set('acme', 'k1');
    expect(await store.get('acme')).toBe('k1');
    expect(await store.delete('acme')).toBe(true);
    expect(await store.get('acme')).toBeNull();
    expect(KEYCHAIN_SERVICE).toBe('clade-admin');
    expect(calls[0]).toEqual(['set', 'clade-admin', 'acme']);
    expect(items.size).toBe(0);
    // One host, started on the first call and reused by the next ones.
    expect(hosts.started).toBe(1);
  });

  it('turns a keychain failure into a KeychainUnavailableError that says what to do', async () => {
    const { keytar } = keytarDouble('reject');
    const { store } = storeOver(keytar, { platform: 'linux' });
    const error = await store.set('acme', 'k').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect(error).toMatchObject({
      kind: 'locked',
      message: expect.stringMatching(/^The keyring is locked\. Unlock it/),
    });
  });

  it('gives up on a keychain that never answers: kills its host, and the next call starts a new one', async () => {
    let behaviour: 'hang' | 'ok' = 'hang';
    const { keytar: hanging } = keytarDouble('hang');
    const { keytar: answering } = keytarDouble('ok');
    const { store, hosts } = storeOver(async () => (behaviour === 'hang' ? hanging : answering), {
      timeoutMs: 50,
      platform: 'darwin',
    });
    const stuck = [store.get('acme'), store.set('beta', 'k2')];
    for (const call of stuck) {
      await expect(call).rejects.toMatchObject({
        kind: 'timeout',
        message: expect.stringMatching(/macOS Keychain did not answer in time/),
      });
    }
    expect(hosts).toMatchObject({ started: 1, killed: 1 });
    behaviour = 'ok';
    await store.set('acme', 'k1');
    expect(await store.get('acme')).toBe('k1');
    expect(hosts).toMatchObject({ started: 2, killed: 1 });
  });

  it('close() ends the host (the app quits): a waiting call fails as unavailable, a later call starts a new host', async () => {
    const { keytar } = keytarDouble('hang');
    const { store, hosts } = storeOver(keytar, { timeoutMs: 5_000, platform: 'linux' });
    const waiting = store.get('acme');
    store.close();
    await expect(waiting).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE', kind: 'unknown' });
    expect(hosts).toMatchObject({ started: 1, killed: 1 });
    void store.get('acme').catch(() => undefined);
    expect(hosts.started).toBe(2);
    store.close();
  });

  it('reports a keytar that cannot load (libsecret missing) as no Secret Service, and retries the load later', async () => {
    let attempts = 0;
    const { keytar } = keytarDouble();
    const { store } = storeOver(
      async () => {
        attempts += 1;
        if (attempts === 1)
          throw new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory');
        return keytar;
      },
      { platform: 'linux' },
    );
    await expect(store.get('acme')).rejects.toMatchObject({ kind: 'no-service' });
    expect(await store.get('acme')).toBeNull();
    expect(attempts).toBe(2);
  });
});

describe('the keytar boundary', () => {
  it('is the keychain host: the only file of the code base that imports keytar', () => {
    const importsKeytar = /(from\s+['"]keytar['"]|import\(\s*['"]keytar['"]\s*\)|require\(\s*['"]keytar['"]\s*\))/;
    const sources = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory()
          ? sources(join(dir, e.name))
          : /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(e.name)
            ? [join(dir, e.name)]
            : [],
      );
    const users = ['main', 'preload', 'renderer']
      .flatMap((top) => {
        try {
          return sources(join(REPO_ROOT, top));
        } catch {
          return [];
        }
      })
      .filter((file) => importsKeytar.test(readFileSync(file, 'utf8')))
      .map((file) => relative(REPO_ROOT, file));
    expect(users).toEqual(['main/adapters/keychain-host/host-main.ts']);
  });
});

describe('findSecretTraces (the leak scanner these tests rely on)', () => {
  const key = fakeAdminKey('L');
  const scanDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-scan-'));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };

  it('finds the key in UTF-8, UTF-16LE, base64 and as a truncated middle part, and nothing in clean files', () => {
    const dir = scanDir();
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'utf8.log'), `x ${key} y`);
    writeFileSync(join(dir, 'utf16.bin'), Buffer.from(`..${key}..`, 'utf16le'));
    writeFileSync(join(dir, 'b64.txt'), Buffer.from(key).toString('base64'));
    writeFileSync(join(dir, 'cut.csv'), key.slice(30, 90));
    writeFileSync(
      join(dir, 'clean.json'),
      JSON.stringify({ hint: 'sk-ant-admin01-TES...STAA', redacted: 'sk-ant-admin01-…[redacted]' }),
    );
    expect(
      findSecretTraces(dir, key)
        .map((f) => f.slice(dir.length))
        .sort(),
    ).toEqual(['/b64.txt', '/cut.csv', '/logs/utf8.log', '/utf16.bin']);
    expect(textHasSecretTrace(`{"error":"${key}"}`, key)).toBe(true);
    expect(textHasSecretTrace('{"error":"sk-ant-admin01-…[redacted]"}', key)).toBe(false);
  });

  it('finds a key written to SQLite in the -wal file before a checkpoint', () => {
    const dir = scanDir();
    const db = new Database(join(dir, 'mirror.sqlite'));
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (v TEXT)');
    db.pragma('wal_autocheckpoint = 0');
    db.prepare('INSERT INTO t VALUES (?)').run(key);
    expect(findSecretTraces(dir, key)).toContain(join(dir, 'mirror.sqlite-wal'));
    db.close();
  });
});

// ---------------------------------------------------------------------------------------------------------------
// A real Secret Service: gnome-keyring in a private dbus-run-session with fresh HOME/XDG folders (stack.md §2).

function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const keyringTools = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool'].every(hasTool);

type OpResult = {
  ok: boolean;
  value?: unknown;
  kind?: string | null;
  code?: string | null;
  message?: string;
  ms: number;
};

/** Fresh folders for one test, deleted when it finishes. */
function createKeyringDirs(): KeyringDirs {
  const dirs = makeDirs();
  onTestFinished(() => removeKeyringDirs(dirs));
  return dirs;
}

function child(ops: unknown[]): string {
  return `child '${JSON.stringify(ops)}'`;
}
function parseOps(stdout: string): OpResult[] {
  return JSON.parse(stdout) as OpResult[];
}
/** Every folder the session could write to: data dir, HOME and all XDG dirs. */
function tracesIn(dirs: KeyringDirs, key: string): string[] {
  return findSecretTraces(dirs.root, key).filter((f) => !f.includes('/steps-'));
}

describe.skipIf(!keyringTools)('keytar adapter against a real Secret Service (gnome-keyring)', () => {
  const keyA1 = fakeAdminKey('A1');
  const keyA2 = fakeAdminKey('A2');
  const keyB = fakeAdminKey('B');

  it('stores, reads, replaces and deletes the keys of two profiles; secret-tool finds them under service/account', async () => {
    const dirs = createKeyringDirs();
    const lookup = (account: string) => `secret-tool lookup service clade-admin account ${account}`;
    const steps = await runInKeyringSession('unlocked', dirs, [
      child([
        { op: 'get', profile: 'acme' },
        { op: 'set', profile: 'acme', key: keyA1 },
        { op: 'set', profile: 'beta', key: keyB },
        { op: 'get', profile: 'acme' },
        { op: 'get', profile: 'beta' },
      ]),
      lookup('acme'),
      lookup('beta'),
      child([
        { op: 'set', profile: 'acme', key: keyA2 },
        { op: 'get', profile: 'acme' },
        { op: 'delete', profile: 'beta' },
        { op: 'delete', profile: 'beta' },
        { op: 'get', profile: 'beta' },
      ]),
      lookup('acme'),
      lookup('beta'),
    ]);
    const [first, lookupA, lookupB, second, lookupA2, lookupB2] = steps as [(typeof steps)[0], ...typeof steps];
    expect(first.code, first.stderr).toBe(0);
    expect(parseOps(first.stdout).map((r) => r.value ?? null)).toEqual([null, null, null, keyA1, keyB]);
    expect(lookupA?.stdout).toBe(keyA1);
    expect(lookupB?.stdout).toBe(keyB);
    expect(parseOps(second?.stdout ?? '[]').map((r) => r.value ?? null)).toEqual([null, keyA2, true, false, null]);
    expect(lookupA2?.stdout).toBe(keyA2);
    expect(lookupB2?.code).not.toBe(0);
    // The keyring file on disk is encrypted: no folder of the session holds any key in the clear.
    for (const key of [keyA1, keyA2, keyB]) expect(tracesIn(dirs, key)).toEqual([]);
  });

  it('runs `key set` (stdin), `key status --json` and `key remove` end to end through the keychain', async () => {
    const dirs = createKeyringDirs();
    const [run] = await runInKeyringSession('unlocked', dirs, [
      child([
        {
          op: 'cli',
          args: ['--profile', 'acme', 'key', 'set'],
          stdin: `${keyA1}\n`,
          orgId: 'org-acme',
          orgName: 'Acme',
        },
        { op: 'cli', args: ['--profile', 'acme', '--json', 'key', 'status'] },
        { op: 'cli', args: ['--profile', 'acme', 'key', 'remove'] },
        { op: 'cli', args: ['--profile', 'acme', '--json', 'key', 'status'] },
      ]),
    ]);
    const results = parseOps(run?.stdout ?? '[]').map(
      (r) => r.value as { code: number; stdout: string; stderr: string },
    );
    expect(results.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(JSON.parse(results[1]?.stdout ?? '')).toMatchObject({ profile: 'acme', present: true, orgName: 'Acme' });
    expect(JSON.parse(results[3]?.stdout ?? '')).toMatchObject({ present: false, orgName: 'Acme' });
    expect(tracesIn(dirs, keyA1)).toEqual([]);
    for (const r of results) expect(textHasSecretTrace(r.stdout + r.stderr, keyA1)).toBe(false);
  });

  it.each<[KeyringMode, string, RegExp]>([
    ['none', 'no-service', /No Secret Service is available.*Install and start one/],
    ['locked', 'locked', /The keyring is locked\. Unlock it/],
    ['never-unlocked', 'locked', /The keyring is locked\. Unlock it/],
  ])(
    'with %s: a clear %s error at once, a non-zero CLI exit, and no file holding the key',
    async (mode, kind, message) => {
      const dirs = createKeyringDirs();
      const [direct, cli] = await runInKeyringSession(mode, dirs, [
        child([{ op: 'set', profile: 'acme', key: keyA1 }]),
        child([{ op: 'cli', args: ['--profile', 'acme', 'key', 'set'], stdin: keyA1 }]),
      ]);
      const [set] = parseOps(direct?.stdout ?? '[]');
      expect(set).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', kind });
      expect(set?.message).toMatch(message);
      // Fast, not rescued by our 5 s timeout: the failure came from the keychain itself.
      expect(set?.ms).toBeLessThan(5_000);
      const [cliRun] = parseOps(cli?.stdout ?? '[]');
      const out = cliRun?.value as { code: number; stdout: string; stderr: string };
      expect(out.code).toBe(3);
      expect(out.stderr).toMatch(message);
      expect(out.stderr.trim().split('\n').at(-1)).toMatch(/^clade-admin: /);
      expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(textHasSecretTrace(out.stdout + out.stderr + (direct?.stdout ?? ''), keyA1)).toBe(false);
      expect(tracesIn(dirs, keyA1)).toEqual([]);
    },
  );

  it('with a Secret Service that stops answering: a timeout error instead of a hang, for the adapter and the CLI', async () => {
    const dirs = createKeyringDirs();
    const [run] = await runInKeyringSession('frozen', dirs, [
      `KEYRING_TIMEOUT_MS=1000 ${child([
        { op: 'set', profile: 'acme', key: keyA1 },
        { op: 'cli', args: ['--profile', 'acme', 'key', 'status'] },
      ])}`,
    ]);
    const [set, status] = parseOps(run?.stdout ?? '[]');
    expect(set).toMatchObject({ ok: false, code: 'KEYCHAIN_UNAVAILABLE', kind: 'timeout' });
    expect(set?.message).toMatch(/did not answer in time.*no answer after 1000 ms/);
    expect(set?.ms).toBeGreaterThanOrEqual(1000);
    const cli = status?.value as { code: number; stderr: string };
    expect(cli.code).toBe(3);
    expect(cli.stderr).toMatch(/^clade-admin: The keyring \(Secret Service\) did not answer in time/m);
    expect(tracesIn(dirs, keyA1)).toEqual([]);
  });
});
