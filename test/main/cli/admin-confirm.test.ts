import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/run';
import type { CliIO } from '../../../main/cli/io';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';

// The interactive confirmation of the admin-action commands, in process with a terminal-like stdin.
let sandbox: RunningSandbox;
let root: string;

function io(answers: string[]): CliIO & { out: () => string; err: () => string } {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = true;
  let out = '';
  let err = '';
  // Answer each prompt as it is asked (readline reads one line per question).
  const stderr = {
    write: (text: string) => {
      err += text;
      if (/\[y\/N\] $|to confirm: $/.test(text)) stdin.write(`${answers.shift() ?? ''}\n`);
      return true;
    },
  };
  return {
    stdin,
    stdout: { write: (text: string) => ((out += text), true) },
    stderr,
    env: { ANTHROPIC_ADMIN_KEY: sandbox.adminKey, HOME: root },
    out: () => out,
    err: () => err,
  };
}
const cli = async (args: string[], answers: string[] = []) => {
  const cliIo = io(answers);
  const code = await runCli(
    ['--data-dir', join(root, 'data'), '--profile', 'acme', '--base-url', sandbox.url, ...args],
    cliIo,
  );
  return { code, stderr: cliIo.err() };
};
async function keyStatus(id: string): Promise<string> {
  const res = await fetch(`${sandbox.url}/v1/organizations/api_keys/${id}`, {
    headers: { 'x-api-key': sandbox.adminKey, 'anthropic-version': '2023-06-01' },
  });
  return ((await res.json()) as { status: string }).status;
}

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 1 });
  root = mkdtempSync(join(tmpdir(), 'clade-cli-confirm-'));
}, 60_000);
afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});

describe('admin-action confirmation on a terminal', () => {
  const activeKey = () => [...sandbox.model.apiKeys.values()].find((k) => k.status === 'active')!;

  it('answering N (or nothing) cancels: exit 2, nothing changed', async () => {
    const key = activeKey();
    const run = await cli(['apikey', 'disable', key.id], ['']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cancelled; nothing was changed/);
    expect(await keyStatus(key.id)).toBe('active');
  });

  it('answering y runs it', async () => {
    const key = activeKey();
    const run = await cli(['apikey', 'disable', key.id], ['y']);
    expect(run.code).toBe(0);
    expect(await keyStatus(key.id)).toBe('inactive');
  });

  it('archive needs the exact key name typed', async () => {
    await cli(['sync', '--history', '1']);
    const key = activeKey();
    const wrong = await cli(['apikey', 'archive', key.id], ['not-the-name']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/This cannot be undone/);
    expect(await keyStatus(key.id)).toBe('active');
    const right = await cli(['apikey', 'archive', key.id], [key.name]);
    expect(right.code).toBe(0);
    expect(await keyStatus(key.id)).toBe('archived');
  }, 60_000);
});
