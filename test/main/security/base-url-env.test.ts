/**
 * #19: the admin key goes only where the admin said. A loopback ANTHROPIC_BASE_URL (a local LLM proxy, say) must
 * receive no request from a sync or a key verification, from the CLI or the window's live profile; the key goes to
 * --base-url, else the profile's `api.baseUrl` (stored by `key set --base-url`), else the API. The variable is
 * mentioned once on stderr. A trap server on loopback counts every request that reaches it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { keyContextFrom, registerKeyCommands } from '../../../main/cli/commands/key';
import { resolveContext } from '../../../main/cli/context';
import type { CliIO } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { ensureMirrorFile } from '../../../main/adapters/data-dir';
import { openMirror } from '../../../main/db/open';
import { readOrgTree } from '../../../main/db/repos/org-tree-repo';
import { writeProfileSetting } from '../../../main/db/settings/profile-settings';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { openWindowData } from '../../../main/services/open-profile';
import { createMemorySecretStore } from '../../helpers/keyring';

let sandbox: RunningSandbox;
let trap: Server;
let trapUrl: string;
const trapped: string[] = [];
let root: string;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 3 });
  trap = createServer((req, res) => {
    trapped.push(`${req.method} ${req.url}`);
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapUrl = `http://127.0.0.1:${(trap.address() as AddressInfo).port}`;
  root = mkdtempSync(join(tmpdir(), 'clade-base-url-env-'));
});
afterAll(async () => {
  await sandbox?.close();
  await new Promise((resolve) => trap?.close(resolve));
  rmSync(root, { recursive: true, force: true });
});

function io(env: Record<string, string>, stdin = ''): CliIO & { out: { stdout: string; stderr: string } } {
  const out = { stdout: '', stderr: '' };
  const input = new PassThrough();
  input.end(stdin);
  return {
    out,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
    stdin: input,
    env: { ANTHROPIC_BASE_URL: trapUrl, ...env },
  };
}

const mentions = (stderr: string) => stderr.split('ANTHROPIC_BASE_URL is ignored').length - 1;

describe('ANTHROPIC_BASE_URL and the admin key', () => {
  it("`key set --base-url` verifies there and stores api.baseUrl; later runs use it; the variable's server gets nothing", async () => {
    const dataDir = join(root, 'cli');
    const secrets = createMemorySecretStore();
    const keySet = async (flags: string[]) => {
      const run = io({}, `${sandbox.adminKey}\n`);
      const program = new Command('clade-admin')
        .option('--data-dir <dir>')
        .option('--profile <id>')
        .option('--base-url <url>')
        .option('--json')
        .exitOverride();
      registerKeyCommands(program, () => keyContextFrom(resolveContext(program.opts(), run), secrets));
      await program.parseAsync(['--data-dir', dataDir, '--profile', 'lab', 'key', 'set', ...flags], { from: 'user' });
      return run.out;
    };
    const cli = async (args: string[], env: Record<string, string> = {}) => {
      const run = io(env);
      const code = await runCli(['--data-dir', dataDir, '--profile', 'lab', ...args], run);
      return { code, ...run.out };
    };
    const before = sandbox.state.requestLog.length;

    // The global option after the subcommand, as the README writes it.
    const first = await keySet(['--base-url', sandbox.url]);
    expect(first.stdout).toContain(`now goes to ${sandbox.url}`);
    expect(mentions(first.stderr)).toBe(1);
    expect(await cli(['config', 'get', 'api.baseUrl'])).toMatchObject({ code: 0, stdout: `${sandbox.url}\n` });

    // No flag: the stored URL, not the environment's.
    const again = await keySet([]);
    expect(again.stderr).toContain(`Verifying the key with the Admin API (${sandbox.url})`);
    expect(mentions(again.stderr)).toBe(1);

    // A headless sync (the key from the environment, checked against the profile's org first) asks it twice: said once.
    const sync = await cli(['sync', '--history', '2'], { ANTHROPIC_ADMIN_KEY: sandbox.adminKey });
    expect(sync.code).toBe(0);
    expect(mentions(sync.stderr)).toBe(1);

    expect(trapped).toEqual([]);
    expect(sandbox.state.requestLog.length).toBeGreaterThan(before);
  });

  it('refuses an api.baseUrl that is neither the API nor loopback, with the same rule as --base-url', async () => {
    const dataDir = join(root, 'refuse');
    for (const url of ['https://api.anthropic.com.evil.example', 'http://10.0.0.5:8080', 'http://user:pw@127.0.0.1']) {
      const run = io({});
      expect(await runCli(['--data-dir', dataDir, 'config', 'set', 'api.baseUrl', url], run)).toBe(2);
      expect(run.out.stderr).toContain('api.baseUrl');
    }
    const shown = io({});
    await runCli(['--data-dir', dataDir, 'config', 'get', 'api.baseUrl'], shown);
    expect(shown.out.stdout).toBe('https://api.anthropic.com\n');
  });

  it("the window's live profile syncs with its api.baseUrl, whatever the environment says", async () => {
    const dataDir = join(root, 'app');
    const db = openMirror(ensureMirrorFile(dataDir, 'lab'));
    expect(writeProfileSetting(db, 'api.baseUrl', sandbox.url, Date.now())).toEqual({ ok: true });
    writeProfileSetting(db, 'sync.historyDays', 2, Date.now());
    db.close();
    vi.stubEnv('ANTHROPIC_BASE_URL', trapUrl);
    const data = await openWindowData({
      dataDir,
      profileId: 'lab',
      readStoredKey: async () => sandbox.adminKey,
      requestsPerMinute: null,
      log: vi.fn(),
    });
    try {
      await data.ready;
      expect(readOrgTree(data.db)?.syncedAtMs).not.toBeNull();
    } finally {
      await data.close();
      vi.unstubAllEnvs();
    }
    expect(trapped).toEqual([]);
  });
});
