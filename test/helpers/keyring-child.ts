/**
 * Runs inside a keyring session (see keyring.ts): performs keychain operations through the real keytar adapter, or a
 * `clade-admin key …` command through registerKeyCommands, and prints one JSON array of results on stdout.
 *   node --import tsx test/helpers/keyring-child.ts '[{"op":"set","profile":"a","key":"…"}, …]'
 * Ops: set {profile,key} | get {profile} | delete {profile} | cli {args, stdin} (verify is a stub: no network here).
 * Every result carries the elapsed milliseconds, so tests can tell a fast failure from a timeout.
 * KEYRING_TIMEOUT_MS sets the adapter's timeout (default 5000).
 */
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { createKeytarSecretStore } from '../../main/adapters/secret-store-keytar';
import { registerKeyCommands } from '../../main/cli/commands/key';
import { CliError } from '../../main/cli/errors';
import { KeychainUnavailableError } from '../../main/core/vault/errors';

type Op =
  | { op: 'set'; profile: string; key: string }
  | { op: 'get'; profile: string }
  | { op: 'delete'; profile: string }
  | { op: 'cli'; args: string[]; stdin?: string; orgId?: string; orgName?: string };

const secrets = createKeytarSecretStore({ timeoutMs: Number(process.env.KEYRING_TIMEOUT_MS ?? 5_000) });

async function perform(op: Op): Promise<unknown> {
  switch (op.op) {
    case 'set':
      return secrets.set(op.profile, op.key);
    case 'get':
      return secrets.get(op.profile);
    case 'delete':
      return secrets.delete(op.profile);
    case 'cli':
      return runCli(op);
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

async function main(): Promise<void> {
  const ops = JSON.parse(process.argv[2] ?? '[]') as Op[];
  const results: unknown[] = [];
  for (const op of ops) {
    const started = Date.now();
    try {
      const value = await perform(op);
      results.push({ ok: true, value: value ?? null, ms: Date.now() - started });
    } catch (error) {
      const e = error as Error & { code?: string };
      results.push({
        ok: false,
        name: e.name,
        code: e.code ?? null,
        kind: error instanceof KeychainUnavailableError ? error.kind : null,
        message: e.message,
        ms: Date.now() - started,
      });
    }
  }
  process.stdout.write(`${JSON.stringify(results)}\n`);
  if (
    results.some(
      (r) => (r as { kind?: string }).kind === 'timeout' || JSON.stringify(r).includes('did not answer in time'),
    )
  ) {
    // keytar's worker thread is still blocked in the stuck D-Bus call, and Node joins its thread pool at exit, which
    // would hold this process for the D-Bus timeout (~25-50 s). The results are written (synchronously, to a file).
    process.kill(process.pid, 'SIGKILL');
  }
}

void main();
