import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProfilesFile, mirrorFilePaths } from '../../../main/adapters/profiles-file';
import { keyContextFrom, registerKeyCommands, type KeyCommandContext } from '../../../main/cli/commands/key';
import { createSdkVerifier } from '../../../main/adapters/anthropic/verify-key';
import { resolveContext } from '../../../main/cli/context';
import type { KeyInput } from '../../../main/cli/commands/key-input';
import { CliError } from '../../../main/cli/errors';
import { KeychainUnavailableError } from '../../../main/core/vault/errors';
import type { SecretStorePort } from '../../../main/core/vault/ports';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createFailingSecretStore, createMemorySecretStore, fakeApiKey } from '../../helpers/keyring';
import { findSecretTraces, textHasSecretTrace } from '../../helpers/secret-scan';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);

let orgA: RunningSandbox;
let orgB: RunningSandbox;
beforeAll(async () => {
  [orgA, orgB] = await Promise.all([startSandbox({ seed: 1 }), startSandbox({ seed: 2 })]);
});
const tempRoots: string[] = [];
afterAll(async () => {
  await Promise.all([orgA?.close(), orgB?.close()]);
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
});

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `clade-admin <args>` with only the key commands, handling errors the way main/cli/run.ts does. */
async function runKey(
  args: string[],
  options: {
    dataDir: string;
    stdin?: KeyInput;
    secrets?: SecretStorePort;
    sandbox?: RunningSandbox;
    env?: Record<string, string>;
  },
): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const sandbox = options.sandbox ?? orgA;
  const program = new Command('clade-admin')
    .option('--json')
    .option('--profile <id>')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out.stdout += t), writeErr: (t) => (out.stderr += t) });
  const stdin = options.stdin ?? pipedStdin('');
  registerKeyCommands(program, (): KeyCommandContext => ({
    dataDir: options.dataDir,
    profileId: program.opts<{ profile?: string }>().profile ?? 'default',
    baseUrl: async () => sandbox.url,
    rememberBaseUrl: null,
    json: program.opts<{ json?: boolean }>().json ?? false,
    verify: createSdkVerifier(sandbox.url),
    secrets: options.secrets ?? createMemorySecretStore(),
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    stdin,
    env: options.env ?? {},
    clock: { now: () => T0 },
  }));
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: 0, ...out };
  } catch (error) {
    if (error instanceof CliError)
      return { code: error.exitCode, stdout: out.stdout, stderr: `${out.stderr}clade-admin: ${error.message}\n` };
    if (error instanceof CommanderError) return { code: 2, ...out };
    throw error;
  }
}

function pipedStdin(text: string): KeyInput {
  const stream = new PassThrough();
  stream.end(text);
  return stream;
}

/** A terminal: raw mode is recorded, characters arrive as typed. */
function ttyStdin(typed: string[]) {
  const stream = new PassThrough() as PassThrough & KeyInput & { rawModes: boolean[] };
  stream.isTTY = true;
  stream.isRaw = false;
  stream.rawModes = [];
  stream.setRawMode = (mode: boolean) => {
    stream.rawModes.push(mode);
    stream.isRaw = mode;
    return stream;
  };
  setTimeout(() => typed.forEach((t) => stream.write(t)), 5);
  return stream;
}

function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'clade-key-cli-'));
  tempRoots.push(root);
  return join(root, 'data');
}

describe('clade-admin key set', () => {
  it('reads the key from piped stdin, verifies it with the API, stores it in the keychain and names the org', async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    const run = await runKey(['key', 'set'], { dataDir: dir, secrets, stdin: pipedStdin(`${orgA.adminKey}\n`) });
    expect(run.code, run.stderr).toBe(0);
    expect(secrets.items.get('default')).toBe(orgA.adminKey);
    expect(run.stdout).toMatch(
      /^Connected profile "default" to .+ \(verified 2026-11-23T09:00:00\.000Z\)\. The key is stored in the OS keychain and nowhere else\.\n$/,
    );
    expect(createProfilesFile(dir).get('default')?.orgId).toBeTruthy();
  });

  it('prints {profile, present, orgName, verifiedAt} with --json', async () => {
    const run = await runKey(['--json', 'key', 'set'], { dataDir: dataDir(), stdin: pipedStdin(orgA.adminKey) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      profile: 'default',
      present: true,
      orgName: expect.any(String),
      verifiedAt: '2026-11-23T09:00:00.000Z',
    });
  });

  it('reads from a terminal without echo, honours Backspace, and restores the terminal mode', async () => {
    const secrets = createMemorySecretStore();
    const key = orgA.adminKey;
    const stdin = ttyStdin([key.slice(0, 10), 'X\u007f', key.slice(10), '\r']);
    const run = await runKey(['key', 'set'], { dataDir: dataDir(), secrets, stdin });
    expect(run.code, run.stderr).toBe(0);
    expect(secrets.items.get('default')).toBe(key);
    expect(stdin.rawModes).toEqual([true, false]);
    expect(run.stderr).toMatch(/^Admin API key for profile "default" \(input hidden\): \n/);
    expect(textHasSecretTrace(run.stdout + run.stderr, key)).toBe(false);
  });

  it('stores nothing when the prompt is cancelled with Ctrl-C', async () => {
    const secrets = createMemorySecretStore();
    const stdin = ttyStdin([orgA.adminKey.slice(0, 20), '\u0003']);
    const run = await runKey(['key', 'set'], { dataDir: dataDir(), secrets, stdin });
    expect(run.code).toBe(130);
    expect(run.stderr).toMatch(/clade-admin: cancelled; nothing was stored\.\n$/);
    expect(secrets.items.size).toBe(0);
    expect(stdin.rawModes).toEqual([true, false]);
  });

  it('refuses a key given as an argument, without echoing it or reading stdin', async () => {
    const secrets = createMemorySecretStore();
    const stdin = pipedStdin(orgA.adminKey);
    const onData = vi.fn();
    stdin.on('data', onData);
    stdin.pause();
    const run = await runKey(['key', 'set', orgA.adminKey], { dataDir: dataDir(), secrets, stdin });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/refusing to take the key as an argument: arguments are kept in shell history/);
    expect(run.stderr).toMatch(/consider it exposed and rotate it/);
    expect(textHasSecretTrace(run.stdout + run.stderr, orgA.adminKey)).toBe(false);
    expect(secrets.items.size).toBe(0);
    expect(onData).not.toHaveBeenCalled();
  });

  it('refuses a regular API key with the explanation of Admin keys (exit 1), storing nothing', async () => {
    const secrets = createMemorySecretStore();
    const run = await runKey(['key', 'set'], { dataDir: dataDir(), secrets, stdin: pipedStdin(fakeApiKey()) });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^clade-admin: This is a regular API key .*Claude Console → Settings → Admin keys/);
    expect(run.stderr).not.toMatch(/Verifying/);
    expect(secrets.items.size).toBe(0);
  });

  it('refuses the demo profile before asking for a key', async () => {
    const stdin = ttyStdin([]);
    const run = await runKey(['--profile', 'demo', 'key', 'set'], { dataDir: dataDir(), stdin });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'clade-admin: the demo profile uses the built-in sandbox and takes no key; choose a profile with --profile <id>.\n',
    );
    expect(stdin.rawModes).toEqual([]);
  });

  it('says how to pass the key when stdin is empty', async () => {
    const run = await runKey(['key', 'set'], { dataDir: dataDir(), stdin: pipedStdin('') });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no key received on standard input\. Pipe it in/);
  });

  it('refuses a key of another org for a bound profile and keeps the old key', async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    await runKey(['--profile', 'work', 'key', 'set'], { dataDir: dir, secrets, stdin: pipedStdin(orgA.adminKey) });
    const run = await runKey(['--profile', 'work', 'key', 'set'], {
      dataDir: dir,
      secrets,
      sandbox: orgB,
      stdin: pipedStdin(orgB.adminKey),
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/clade-admin: Profile "work" belongs to the organization/);
    expect(secrets.items.get('work')).toBe(orgA.adminKey);
  });

  it('reports an unavailable keychain in one line with exit 3, and writes no profile', async () => {
    const dir = dataDir();
    const secrets = createFailingSecretStore(
      () => new KeychainUnavailableError('no-service', 'No Secret Service is available to keep the admin key.'),
    );
    const run = await runKey(['key', 'set'], { dataDir: dir, secrets, stdin: pipedStdin(orgA.adminKey) });
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toEqual([
      `Verifying the key with the Admin API (${orgA.url})…`,
      'clade-admin: No Secret Service is available to keep the admin key.',
    ]);
    expect(existsSync(join(dir, 'profiles.json'))).toBe(false);
  });

  it('mentions ANTHROPIC_ADMIN_KEY when it is set, since it takes precedence', async () => {
    const run = await runKey(['key', 'set'], {
      dataDir: dataDir(),
      stdin: pipedStdin(orgA.adminKey),
      env: { ANTHROPIC_ADMIN_KEY: 'x' },
    });
    expect(run.stderr).toMatch(/ANTHROPIC_ADMIN_KEY is set; headless runs use it/);
  });
});

describe('clade-admin key status', () => {
  it('prints {present, orgName, verifiedAt} with --json, before and after a key is set', async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    const before = await runKey(['--json', 'key', 'status'], { dataDir: dir, secrets });
    expect(JSON.parse(before.stdout)).toEqual({
      profile: 'default',
      present: false,
      orgName: null,
      verifiedAt: null,
      envKeySet: false,
    });
    await runKey(['key', 'set'], { dataDir: dir, secrets, stdin: pipedStdin(orgA.adminKey) });
    const after = await runKey(['--json', 'key', 'status'], { dataDir: dir, secrets });
    const status = JSON.parse(after.stdout) as Record<string, unknown>;
    expect(status).toMatchObject({ present: true, verifiedAt: '2026-11-23T09:00:00.000Z' });
    expect(status.orgName).toBe(createProfilesFile(dir).get('default')?.orgName);
    expect(textHasSecretTrace(after.stdout, orgA.adminKey)).toBe(false);
  });

  it('prints one human line without --json', async () => {
    const run = await runKey(['key', 'status'], { dataDir: dataDir() });
    expect(run.stdout).toBe('Profile "default": no key stored. Run `clade-admin key set` to connect one.\n');
  });
});

describe('clade-admin key remove', () => {
  async function connectedWithMirror() {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    await runKey(['--profile', 'acme', 'key', 'set'], { dataDir: dir, secrets, stdin: pipedStdin(orgA.adminKey) });
    mkdirSync(join(dir, 'profiles', 'acme'), { recursive: true });
    const [db, wal] = mirrorFilePaths(dir, 'acme') as [string, string];
    writeFileSync(db, 'sqlite');
    writeFileSync(wal, 'wal');
    return { dir, secrets, db, wal };
  }

  it('deletes the key and keeps the mirror and the profile', async () => {
    const { dir, secrets, db } = await connectedWithMirror();
    const run = await runKey(['--profile', 'acme', 'key', 'remove'], { dataDir: dir, secrets });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Deleted the key of profile "acme" from the OS keychain\. The local mirror stays/);
    expect(secrets.items.has('acme')).toBe(false);
    expect(existsSync(db)).toBe(true);
    expect(createProfilesFile(dir).get('acme')).toBeDefined();
    const again = await runKey(['--profile', 'acme', 'key', 'remove'], { dataDir: dir, secrets });
    expect(again.stdout).toBe('Profile "acme" had no key in the OS keychain.\n');
  });

  it('--delete-mirror also deletes the mirror files with the audit head and forgets the profile', async () => {
    const { dir, secrets, db, wal } = await connectedWithMirror();
    const head = `${db}.audit-head.json`; // written when `key set` recorded the key in the profile's trail
    expect(existsSync(head)).toBe(true);
    const run = await runKey(['--profile', 'acme', '--json', 'key', 'remove', '--delete-mirror'], {
      dataDir: dir,
      secrets,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      profile: 'acme',
      keyDeleted: true,
      profileRemoved: true,
      mirrorFilesDeleted: [db, wal, head],
    });
    expect(existsSync(db) || existsSync(wal) || existsSync(head)).toBe(false);
    expect(createProfilesFile(dir).get('acme')).toBeUndefined();
    expect(findSecretTraces(dir, orgA.adminKey)).toEqual([]);
  });
});

describe('createSdkVerifier', () => {
  it('refuses to send the key to a host other than the API or a loopback sandbox', async () => {
    await expect(createSdkVerifier('https://api.anthropic.com.evil.test')(orgA.adminKey)).rejects.toThrow(
      /refusing to send the key/,
    );
  });

  it('returns the org of the key from GET /v1/organizations/me', async () => {
    const org = await createSdkVerifier(orgB.url)(orgB.adminKey);
    expect(org).toEqual({ orgId: expect.any(String), orgName: expect.any(String) });
    expect(org.orgId).not.toBe((await createSdkVerifier(orgA.url)(orgA.adminKey)).orgId);
  });
});

describe('keyContextFrom', () => {
  it("wires the key commands from the CLI's global options: data dir, profile, base URL, --json, stdio", async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    const out = { stdout: '', stderr: '' };
    const io = {
      stdout: { write: (t: string) => (out.stdout += t) },
      stderr: { write: (t: string) => (out.stderr += t) },
      stdin: pipedStdin(`${orgB.adminKey}\n`),
      env: {},
    };
    const program = new Command('clade-admin')
      .option('--data-dir <dir>')
      .option('--profile <id>')
      .option('--base-url <url>')
      .option('--json')
      .exitOverride();
    registerKeyCommands(program, () => keyContextFrom(resolveContext(program.opts(), io), secrets));
    await program.parseAsync(
      ['--data-dir', dir, '--profile', 'team-b', '--base-url', orgB.url, '--json', 'key', 'set'],
      { from: 'user' },
    );
    expect(JSON.parse(out.stdout)).toMatchObject({ profile: 'team-b', present: true });
    expect(secrets.items.get('team-b')).toBe(orgB.adminKey);
    expect(createProfilesFile(dir).get('team-b')?.orgId).toBe((await createSdkVerifier(orgB.url)(orgB.adminKey)).orgId);
  });
});
