/**
 * Runs inside a keyring session (see keyring.ts): performs keychain operations through the real keytar adapter, or a
 * `clade-admin key …` command through registerKeyCommands, and prints one JSON array of results on stdout.
 *   node --import tsx test/helpers/keyring-child.ts '[{"op":"set","profile":"a","key":"…"}, …]'
 * Ops: set {profile,key} | get {profile} | delete {profile} | cli {args, stdin} (verify is a stub: no network here).
 * set/get/delete take `via: 'app'` to go through the app's keychain host (a utilityProcess of the Electron double)
 * instead of the CLI's (a Node child). More ops: parallel {ops} runs ops at once; resume sends SIGCONT to $FROZEN
 * (the Secret Service a 'frozen' session stopped); fs-probe times one thread-pool job (a file read); hosts lists the
 * app's host processes: pid and whether it still runs.
 * Every result carries the elapsed milliseconds, so tests can tell a fast failure from a timeout.
 * KEYRING_TIMEOUT_MS sets the adapter's timeout (default 5000).
 */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { createKeytarSecretStore } from '../../main/adapters/secret-store-keytar';
import { utilityKeychainHost } from '../../main/app/keychain-utility-host';
import { registerKeyCommands } from '../../main/cli/commands/key';
import { CliError } from '../../main/cli/errors';
import { KeychainUnavailableError } from '../../main/core/vault/errors';
import { createElectronDouble } from './electron-double';

type Via = { via?: 'cli' | 'app' };
type Op =
  | ({ op: 'set'; profile: string; key: string } & Via)
  | ({ op: 'get'; profile: string } & Via)
  | ({ op: 'delete'; profile: string } & Via)
  | { op: 'cli'; args: string[]; stdin?: string; orgId?: string; orgName?: string }
  | { op: 'parallel'; ops: Op[] }
  | { op: 'resume' }
  | { op: 'fs-probe' }
  | { op: 'hosts' }
  | { op: 'host-exit'; index: number };

const timeoutMs = Number(process.env.KEYRING_TIMEOUT_MS ?? 5_000);
const secrets = createKeytarSecretStore({ timeoutMs });
// The app's wiring (main/index.ts) on the Electron double, whose utilityProcess starts real processes.
const electron = createElectronDouble();
const appSecrets = createKeytarSecretStore({ timeoutMs, launchHost: utilityKeychainHost(electron.utilityProcess) });

async function perform(op: Op): Promise<unknown> {
  const store = 'via' in op && op.via === 'app' ? appSecrets : secrets;
  switch (op.op) {
    case 'set':
      return store.set(op.profile, op.key);
    case 'get':
      return store.get(op.profile);
    case 'delete':
      return store.delete(op.profile);
    case 'cli':
      return runCli(op);
    case 'parallel':
      return Promise.all(op.ops.map(timed));
    case 'resume':
      return process.kill(Number(process.env.FROZEN), 'SIGCONT');
    case 'fs-probe':
      // A job of libuv's thread pool: it waits behind keychain calls stuck in the pool (4 threads by default).
      return Promise.race([
        readFile(__filename).then(() => 'read'),
        new Promise((resolve) => setTimeout(() => resolve('still waiting after 3 s'), 3_000)),
      ]);
    case 'hosts':
      return electron.utilityProcess.forks.map((f) => ({ pid: f.spawnedPid, running: f.pid !== undefined }));
    case 'host-exit': {
      const host = electron.utilityProcess.forks[op.index];
      await Promise.race([host?.exited, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      return { pid: host?.spawnedPid, running: host?.pid !== undefined, signal: host?.exitSignal ?? null };
    }
  }
}

async function runCli(op: Extract<Op, { op: 'cli' }>): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const stdin = new PassThrough();
  stdin.end(op.stdin ?? '');
  const program = new Command('clade-admin').option('--json').option('--profile <id>').exitOverride();
  program.configureOutput({ writeOut: (t) => (stdout += t), writeErr: (t) => (stderr += t) });
  registerKeyCommands(program, () => ({
    dataDir: process.env.CLADE_DATA_DIR ?? '',
    profileId: program.opts<{ profile?: string }>().profile ?? 'default',
    baseUrl: async () => 'http://127.0.0.1:9',
    rememberBaseUrl: null,
    json: program.opts<{ json?: boolean }>().json ?? false,
    verify: async () => ({ orgId: op.orgId ?? 'org-keyring-test', orgName: op.orgName ?? 'Keyring Test Org' }),
    secrets,
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    env: {},
  }));
  try {
    await program.parseAsync(op.args, { from: 'user' });
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError)
      return { code: error.exitCode, stdout, stderr: `${stderr}clade-admin: ${error.message}\n` };
    throw error;
  }
}

async function timed(op: Op): Promise<unknown> {
  const started = Date.now();
  try {
    const value = await perform(op);
    return { ok: true, value: value ?? null, ms: Date.now() - started };
  } catch (error) {
    const e = error as Error & { code?: string };
    return {
      ok: false,
      name: e.name,
      code: e.code ?? null,
      kind: error instanceof KeychainUnavailableError ? error.kind : null,
      message: e.message,
      ms: Date.now() - started,
    };
  }
}

async function main(): Promise<void> {
  await electron.app.whenReady();
  const ops = JSON.parse(process.argv[2] ?? '[]') as Op[];
  const results: unknown[] = [];
  for (const op of ops) results.push(await timed(op));
  process.stdout.write(`${JSON.stringify(results)}\n`);
  // No forced exit: a keychain call that timed out had its host killed, so nothing is left to keep this process.
  appSecrets.close();
}

void main();
