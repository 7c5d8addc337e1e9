/**
 * The sandbox's `adminKey` option and `CLADE_SANDBOX_ADMIN_KEY` (used by admin-key-leak.test.ts): a known fake key is
 * accepted only in the admin key shape, authenticates like the random one, and a refused value is never echoed.
 */
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { ensureBuiltCli } from '../../helpers/built-cli';
import { textHasSecretTrace } from '../../helpers/secret-scan';

const KNOWN = 'sk-ant-admin01-TESTKNOWNKEYq2Vx9_Lm4-Rt7Yp1Zc8Wb3Nd6Hf0Gj5Ks2Qa9Xe4Uo7Ti1Pl3Mn8By6Cv0Dr5Ew2Fs9AA';
const sandboxes: RunningSandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
});

async function organizationMe(sandbox: RunningSandbox, key: string): Promise<number> {
  const response = await fetch(`${sandbox.url}/v1/organizations/me`, {
    headers: { 'x-api-key': key, 'anthropic-version': '2023-06-01' },
  });
  return response.status;
}

describe('startSandbox({adminKey})', () => {
  it('serves the org to the given key and to no other', async () => {
    const sandbox = await startSandbox({ adminKey: KNOWN });
    sandboxes.push(sandbox);
    expect(sandbox.adminKey).toBe(KNOWN);
    expect(await organizationMe(sandbox, KNOWN)).toBe(200);
    expect(await organizationMe(sandbox, KNOWN.replace('KNOWN', 'OTHER'))).toBe(401);
  });

  it('still generates a random key when none is given', async () => {
    const sandbox = await startSandbox();
    sandboxes.push(sandbox);
    expect(sandbox.adminKey).toMatch(/^sk-ant-admin01-[A-Za-z0-9]{20,}$/);
    expect(sandbox.adminKey).not.toBe(KNOWN);
  });

  it.each([
    ['a regular API key', 'sk-ant-api03-TESTKNOWNKEYq2Vx9_Lm4-Rt7Yp1Zc8Wb3Nd6Hf0Gj5Ks2Qa9AA'],
    ['a key with a space', `${KNOWN.slice(0, 40)} ${KNOWN.slice(40)}`],
    ['a key cut short', KNOWN.slice(0, 28)],
  ])('refuses %s without echoing it', async (_what, key) => {
    const refusal = await startSandbox({ adminKey: key }).then(
      () => null,
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );
    expect(refusal).toMatch(/must look like an Admin API key/);
    expect(refusal).not.toContain(key);
  });
});

describe('clade-admin sandbox serve with CLADE_SANDBOX_ADMIN_KEY', () => {
  it('refuses a malformed key with exit 1 before listening, without echoing it', async () => {
    const bad = `${KNOWN}!`;
    const run = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [ensureBuiltCli(), 'sandbox', 'serve'], {
        env: { ...process.env, CLADE_SANDBOX_ADMIN_KEY: bad },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, output }));
    });
    expect(run.code).toBe(1);
    expect(run.output).toMatch(/must look like an Admin API key/);
    expect(textHasSecretTrace(run.output, bad)).toBe(false);
  });
});
