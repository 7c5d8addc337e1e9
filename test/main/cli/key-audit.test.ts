/**
 * `clade-admin key set | remove` record the admin's action in the profile's own audit trail (source
 * `local`): connected, then replaced, then removed, with the org and at most the key's hint, never the key.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { registerKeyCommands, type KeyCommandContext } from '../../../main/cli/commands/key';
import { createSdkVerifier } from '../../../main/adapters/anthropic/verify-key';
import { searchAuditEvents, verifyAuditChain } from '../../../main/db/audit/index';
import { openMirror } from '../../../main/db/open';
import { findAuditSeal } from '../../../main/services/audit-seal';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { createMemorySecretStore } from '../../helpers/keyring';
import { findSecretTraces } from '../../helpers/secret-scan';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
let org: RunningSandbox;
let root: string;
beforeAll(async () => {
  org = await startSandbox({ seed: 4 });
  root = mkdtempSync(join(tmpdir(), 'clade-key-audit-'));
});
afterAll(async () => {
  await org?.close();
  rmSync(root, { recursive: true, force: true });
});

async function runKey(
  args: string[],
  ctx: { dataDir: string; secrets: ReturnType<typeof createMemorySecretStore>; stdin?: string; atMs: number },
): Promise<string> {
  let stderr = '';
  const program = new Command('clade-admin').option('--profile <id>').exitOverride();
  const stdin = new PassThrough();
  stdin.end(ctx.stdin ?? '');
  registerKeyCommands(program, (): KeyCommandContext => ({
    dataDir: ctx.dataDir,
    profileId: program.opts<{ profile?: string }>().profile ?? 'default',
    baseUrl: async () => org.url,
    rememberBaseUrl: null,
    json: false,
    verify: createSdkVerifier(org.url),
    secrets: ctx.secrets,
    stdout: { write: () => true },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    env: {},
    clock: { now: () => ctx.atMs },
  }));
  await program.parseAsync(args, { from: 'user' });
  return stderr;
}

describe('key commands in the audit trail', () => {
  it("records key connected, replaced and removed in that profile's mirror, with the hint and never the key", async () => {
    const dataDir = join(root, 'data');
    const secrets = createMemorySecretStore();
    await runKey(['--profile', 'acme', 'key', 'set'], { dataDir, secrets, stdin: `${org.adminKey}\n`, atMs: T0 });
    await runKey(['--profile', 'acme', 'key', 'set'], {
      dataDir,
      secrets,
      stdin: `${org.adminKey}\n`,
      atMs: T0 + 1000,
    });
    const stderr = await runKey(['--profile', 'acme', 'key', 'remove'], { dataDir, secrets, atMs: T0 + 2000 });
    expect(stderr).not.toMatch(/warning/);
    // Removing again (no key left) records nothing more.
    await runKey(['--profile', 'acme', 'key', 'remove'], { dataDir, secrets, atMs: T0 + 3000 });

    const db = openMirror(mirrorFile(dataDir, 'acme'), { readonly: true });
    try {
      const events = searchAuditEvents(db, 'source:local').events;
      expect(events.map((e) => [e.type, e.atMs])).toEqual([
        ['key.removed', T0 + 2000],
        ['key.replaced', T0 + 1000],
        ['key.connected', T0],
      ]);
      const connected = events[2]!;
      expect(connected.source).toBe('local');
      expect(connected.actor).toMatchObject({ kind: 'local_admin' });
      expect(connected.after).toMatchObject({
        profileId: 'acme',
        orgId: org.model.org.id,
        keyHint: `sk-ant-admin01-…${org.adminKey.slice(-4)}`,
        via: 'cli',
      });
      // Sealed in the keychain beside the key, from the trail's first event (services/audit-seal.ts).
      const seal = await findAuditSeal(db, {
        profileId: 'acme',
        secrets,
        preferKeychain: true,
        sealFile: `${mirrorFile(dataDir, 'acme')}.audit-seal`,
      });
      expect(verifyAuditChain(db, { seal })).toMatchObject({ ok: true, seal: { keyedFromId: 1, store: 'keychain' } });
    } finally {
      db.close();
    }
    expect(findSecretTraces(dataDir, org.adminKey)).toEqual([]);
  });
});
