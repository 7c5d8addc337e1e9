/**
 * A keychain that stops answering (#19 "stuck keychain"): gnome-keyring stopped with SIGSTOP in a private
 * dbus-run-session. keytar's call then blocks a thread of libuv's pool for the D-Bus timeout (25-50 s), and nothing
 * inside a process ends it. With keytar in a keychain host process that the timeout kills:
 * - the built CLI says "did not answer in time" and exits within 1 s of saying it, under 6 s in all (not counting
 *   Node's start-up, which on a busy test machine alone can take over a second);
 * - the app (its wiring on the Electron double, whose utilityProcess starts real processes) gets its timeout, its
 *   thread pool stays free even with more stuck calls than threads, and once the keyring answers again the next call
 *   works in a new host.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, ensureBuiltCli } from '../../helpers/built-cli';
import {
  createKeyringDirs,
  fakeAdminKey,
  removeKeyringDirs,
  REPO_ROOT,
  runInKeyringSession,
  type KeyringDirs,
  type StepResult,
} from '../../helpers/keyring';
import { findSecretTraces, textHasSecretTrace } from '../../helpers/secret-scan';

const TIME_EXIT = join(REPO_ROOT, 'test', 'helpers', 'time-exit.cjs');

function hasTool(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const keyringTools = ['dbus-run-session', 'gnome-keyring-daemon', 'secret-tool', 'dbus-send'].every(hasTool);

type Timing = { code: number; stderr: string; firstStderrMs: number | null; exitMs: number | null };
type OpResult = { ok: boolean; value?: unknown; kind?: string | null; message?: string; ms: number };

const key = fakeAdminKey('S');
const appGet = { op: 'get', profile: 'acme', via: 'app' };
const APP_OPS = [
  // More stuck calls than libuv has threads (4): in-process they would hold the whole pool.
  { op: 'parallel', ops: [appGet, appGet, appGet, appGet, appGet] },
  { op: 'fs-probe' },
  { op: 'host-exit', index: 0 },
  { op: 'resume' },
  { op: 'set', profile: 'acme', key, via: 'app' },
  { op: 'get', profile: 'acme', via: 'app' },
  { op: 'hosts' },
];

describe.skipIf(!keyringTools)('a Secret Service that stops answering (SIGSTOP)', () => {
  // One frozen session for both surfaces (a session costs a second or two): the CLI first, then the app's ops, which
  // end by resuming the keyring.
  let dirs: KeyringDirs;
  let steps: StepResult[] = [];
  beforeAll(async () => {
    ensureBuiltCli();
    dirs = createKeyringDirs();
    const cli = `'${process.execPath}' '${CLI}'`;
    steps = await runInKeyringSession('frozen', dirs, [
      // What loading the CLI costs on this machine right now (about 0.3 s idle, over 1 s on a busy 2-core runner).
      `node '${TIME_EXIT}' ${cli} --version`,
      `node '${TIME_EXIT}' ${cli} --profile acme key status`,
      `KEYRING_TIMEOUT_MS=2000 child '${JSON.stringify(APP_OPS)}'`,
    ]);
  });
  afterAll(() => dirs && removeKeyringDirs(dirs));

  it('the CLI says so at its 5 s timeout and exits within 1 s of saying it, within 6 s of its start-up', () => {
    const [startup, run] = steps;
    const startupMs = (JSON.parse(startup?.stdout ?? '{}') as Timing).exitMs ?? 0;
    const timing = JSON.parse(run?.stdout ?? '{}') as Timing;
    console.info('stuck keychain, CLI:', { startupMs, firstStderrMs: timing.firstStderrMs, exitMs: timing.exitMs });
    expect(timing.stderr).toMatch(/^clade-admin: The keyring \(Secret Service\) did not answer in time.*5000 ms/m);
    expect(timing.exitMs, 'still running after 15 s').not.toBeNull();
    const exitMs = timing.exitMs ?? Infinity;
    expect(exitMs - (timing.firstStderrMs ?? 0)).toBeLessThan(1_000);
    expect(exitMs - startupMs).toBeLessThan(6_000);
    expect(timing.code).toBe(3);
  });

  it('the app times out, keeps its thread pool, and works again in a new host once the keyring answers', () => {
    const run = steps[2];
    expect(run?.code, run?.stderr).toBe(0);
    const [stuck, probe, hostsStuck, , set, read, hostsAfter] = JSON.parse(run?.stdout ?? '[]') as OpResult[];
    for (const call of stuck?.value as OpResult[]) {
      expect(call).toMatchObject({ ok: false, kind: 'timeout' });
      expect(call.ms).toBeLessThan(3_000);
    }
    expect(probe?.value).toBe('read');
    expect(probe?.ms).toBeLessThan(1_000);
    // One host took the five calls, and the timeout killed it.
    expect(hostsStuck?.value).toEqual({ pid: expect.any(Number), running: false, signal: 'SIGKILL' });
    expect(set).toMatchObject({ ok: true });
    expect(read).toMatchObject({ ok: true, value: key });
    const hosts = hostsAfter?.value as Array<{ pid: number; running: boolean }>;
    expect(hosts).toHaveLength(2);
    expect(hosts[1]?.pid).not.toBe(hosts[0]?.pid);
    expect(hosts[1]?.running).toBe(true);
    expect(textHasSecretTrace(run?.stderr ?? '', key)).toBe(false);
    // Nothing of the session (HOME, XDG folders, data dir) holds the key but the encrypted keyring.
    expect(findSecretTraces(dirs.root, key).filter((f) => !f.includes('/steps-'))).toEqual([]);
  });
});
