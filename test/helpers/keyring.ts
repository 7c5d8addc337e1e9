/**
 * Keychain helpers for tests.
 * - In-memory SecretStorePort / ProfileStorePort doubles for flow tests.
 * - runInKeyringSession(): runs shell steps against a REAL Secret Service (gnome-keyring) inside a private
 *   `dbus-run-session`, with fresh HOME/XDG folders (stack.md §2), or deliberately without one ('none') or with a
 *   locked keyring ('locked'). Self-contained: it never uses the outer session bus, so it behaves the same under CI's
 *   keyring wrapper or without it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ProfileStorePort, SecretStorePort } from '../../main/core/vault/ports';
import type { ProfileRegistry } from '../../main/core/vault/profiles';
import { EMPTY_REGISTRY } from '../../main/core/vault/profiles';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The child script that drives the keytar adapter and the key commands inside a session. */
export const KEYRING_CHILD = join(REPO_ROOT, 'test', 'helpers', 'keyring-child.ts');

/** An in-memory keychain; `items` is exposed so tests can look inside. */
export function createMemorySecretStore(
  initial: Record<string, string> = {},
): SecretStorePort & { items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    get: async (id) => items.get(id) ?? null,
    set: async (id, key) => {
      items.set(id, key);
    },
    delete: async (id) => items.delete(id),
  };
}

/** A keychain that fails every call with `error` (e.g. a KeychainUnavailableError). */
export function createFailingSecretStore(error: () => Error): SecretStorePort {
  return {
    get: async () => Promise.reject(error()),
    set: async () => Promise.reject(error()),
    delete: async () => Promise.reject(error()),
  };
}

export function createMemoryProfileStore(
  initial: ProfileRegistry = EMPTY_REGISTRY,
): ProfileStorePort & { registry: ProfileRegistry } {
  const store = {
    registry: structuredClone(initial),
    read: () => structuredClone(store.registry),
    write: (r: ProfileRegistry) => {
      store.registry = structuredClone(r);
    },
  };
  return store;
}

export type KeyringMode =
  /** gnome-keyring started and unlocked in a private bus */
  | 'unlocked'
  /** a private bus with a keyring that exists but was not unlocked (its password is unknown to the session) */
  | 'locked'
  /** a private bus where nothing unlocked the keyring; D-Bus autostarts gnome-keyring, whose prompt cannot show */
  | 'never-unlocked'
  /** no session bus and no display at all */
  | 'none'
  /** an unlocked gnome-keyring that then stops answering (SIGSTOP), like a keychain stuck behind an unseen prompt */
  | 'frozen';

/** The folders a session uses; all under one temp root, so a test can scan them all for the key afterwards. */
export interface KeyringDirs {
  root: string;
  home: string;
  dataDir: string;
  xdgDataHome: string;
  xdgConfigHome: string;
  xdgCacheHome: string;
  xdgRuntimeDir: string;
}

export function createKeyringDirs(): KeyringDirs {
  const root = mkdtempSync(join(tmpdir(), 'clade-keyring-'));
  const dirs: KeyringDirs = {
    root,
    home: join(root, 'home'),
    dataDir: join(root, 'data'),
    xdgDataHome: join(root, 'xdg-data'),
    xdgConfigHome: join(root, 'xdg-config'),
    xdgCacheHome: join(root, 'xdg-cache'),
    xdgRuntimeDir: join(root, 'xdg-runtime'),
  };
  for (const dir of [dirs.home, dirs.xdgDataHome, dirs.xdgConfigHome, dirs.xdgCacheHome, dirs.xdgRuntimeDir])
    mkdirSync(dir, { recursive: true });
  chmodSync(dirs.xdgRuntimeDir, 0o700);
  return dirs;
}

/** Deletes a session's folders (keyring files included). */
export function removeKeyringDirs(dirs: KeyringDirs): void {
  rmSync(dirs.root, { recursive: true, force: true });
}

export interface StepResult {
  code: number;
  stdout: string;
  stderr: string;
}

const KEYRING_PASSWORD = 'clade-test-keyring';

/**
 * Stops this session's own Secret Service process (found by asking the session bus who owns the name, never by a
 * process name), and resumes it when the script ends so it exits with the session. Its pid is exported as $FROZEN, so
 * a step can resume it earlier (keyring-child's `resume` op).
 */
const FREEZE_KEYRING = [
  'secret-tool search service clade-none >/dev/null 2>&1 || true',
  `FROZEN=$(dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '/uint32/ {print $2}')`,
  'test -n "$FROZEN" || { echo "no Secret Service to freeze" >&2; exit 1; }',
  'export FROZEN',
  'trap \'kill -CONT "$FROZEN"\' EXIT',
  'kill -STOP "$FROZEN"',
];

/**
 * Runs each shell step in order inside one session of the given mode and returns each step's exit code and output.
 * Steps see CLADE_DATA_DIR, HOME and XDG_* pointing into `dirs`, REPO_ROOT as the working directory, and
 * `child <json-ops>` as a shell function that runs test/helpers/keyring-child.ts.
 */
export async function runInKeyringSession(
  mode: KeyringMode,
  dirs: KeyringDirs,
  steps: string[],
  timeoutMs = 30_000,
): Promise<StepResult[]> {
  const out = mkdtempSync(join(dirs.root, 'steps-'));
  const lines = ['set -u', `child() { '${process.execPath}' --import tsx '${KEYRING_CHILD}' "$@"; }`];
  if (mode === 'unlocked' || mode === 'frozen') {
    lines.push(`printf %s '${KEYRING_PASSWORD}' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1`);
  }
  if (mode === 'frozen') lines.push(...FREEZE_KEYRING);
  if (mode === 'locked') lines.push('gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1');
  steps.forEach((step, i) => {
    lines.push(`( ${step}\n) >'${out}/${i}.out' 2>'${out}/${i}.err' </dev/null; echo $? >'${out}/${i}.rc'`);
  });
  const script = join(out, 'session.sh');
  writeFileSync(script, `${lines.join('\n')}\n`);

  if (mode === 'locked') await createKeyringWithPassword(dirs, 'a-password-this-session-does-not-know');
  const command = mode === 'none' ? ['bash', script] : ['dbus-run-session', '--', 'bash', script];
  await spawnChecked(command, sessionEnv(mode, dirs), timeoutMs);
  return steps.map((_, i) => ({
    code: Number(readFileSync(join(out, `${i}.rc`), 'utf8').trim()),
    stdout: readFileSync(join(out, `${i}.out`), 'utf8'),
    stderr: readFileSync(join(out, `${i}.err`), 'utf8'),
  }));
}

/** A login keyring on disk, created by unlocking it once with `password` in a throw-away session. */
async function createKeyringWithPassword(dirs: KeyringDirs, password: string): Promise<void> {
  const script = join(dirs.root, 'create-keyring.sh');
  writeFileSync(
    script,
    `printf %s '${password}' | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1\nsecret-tool store --label=seed service clade-test account seed <<<'seed-value'\n`,
  );
  await spawnChecked(['dbus-run-session', '--', 'bash', script], sessionEnv('unlocked', dirs), 15_000);
}

function sessionEnv(mode: KeyringMode, dirs: KeyringDirs): NodeJS.ProcessEnv {
  // Built from scratch: nothing of the outer session (bus address, display, keyring control socket) leaks in.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    HOME: dirs.home,
    XDG_DATA_HOME: dirs.xdgDataHome,
    XDG_CONFIG_HOME: dirs.xdgConfigHome,
    XDG_CACHE_HOME: dirs.xdgCacheHome,
    XDG_RUNTIME_DIR: dirs.xdgRuntimeDir,
    CLADE_DATA_DIR: dirs.dataDir,
    KEYRING_MODE: mode,
  };
  return env;
}

function spawnChecked(command: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<void> {
  return new Promise((resolvePromise, reject) => {
    const [file, ...args] = command as [string, ...string[]];
    const child = spawn(file, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid ?? 0), 'SIGKILL');
      } catch {
        // already gone
      }
      reject(new Error(`keyring session did not finish within ${timeoutMs} ms (a hang). stderr: ${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise();
      else reject(new Error(`keyring session exited with ${code}: ${stderr}`));
    });
  });
}

/** A fake Admin key with the real shape and length; `tag` makes several distinguishable. Never a real key. */
export function fakeAdminKey(tag = 'A'): string {
  const body = `TEST${tag}`.padEnd(12, 'x');
  return `sk-ant-admin01-${body}${'Zq8_Kp3-Lm7vW2'.repeat(6)}${tag}-TESTAA`;
}

/** A fake regular API key (the kind many admins paste first). */
export function fakeApiKey(tag = 'A'): string {
  return `sk-ant-api03-TEST${tag}${'Rt5-Yh1_Gb9nQ4'.repeat(6)}-TESTAA`;
}
