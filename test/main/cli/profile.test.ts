import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { createProfilesFile, mirrorFilePaths } from '../../../main/adapters/profiles-file';
import { registerProfileCommands } from '../../../main/cli/commands/profile';
import { CliError } from '../../../main/cli/errors';
import { connectKey } from '../../../main/core/vault/connect-key';
import { KeychainUnavailableError } from '../../../main/core/vault/errors';
import type { SecretStorePort } from '../../../main/core/vault/ports';
import { createFailingSecretStore, createMemorySecretStore, fakeAdminKey } from '../../helpers/keyring';

const T0 = Date.UTC(2026, 10, 23, 9, 0, 0);
const tempRoots: string[] = [];
afterAll(() => {
  for (const root of tempRoots) rmSync(root, { recursive: true, force: true });
});

function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'clade-profile-cli-'));
  tempRoots.push(root);
  return join(root, 'data');
}

async function runProfile(args: string[], dir: string, secrets: SecretStorePort = createMemorySecretStore()) {
  const out = { stdout: '', stderr: '' };
  const program = new Command('clade-admin')
    .option('--json')
    .exitOverride()
    .configureOutput({ writeOut: (t) => (out.stdout += t), writeErr: (t) => (out.stderr += t) });
  registerProfileCommands(program, () => ({
    dataDir: dir,
    json: program.opts<{ json?: boolean }>().json ?? false,
    secrets,
    stdout: { write: (t: string) => (out.stdout += t) },
    stderr: { write: (t: string) => (out.stderr += t) },
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

describe('clade-admin profile', () => {
  it('adds, relabels and lists profiles, the demo first, as JSON without any secret', async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    const key = fakeAdminKey();
    expect((await runProfile(['profile', 'add', 'beta'], dir)).stdout).toBe(
      'Added profile "beta". Connect its Admin key with: clade-admin --profile beta key set\n',
    );
    await connectKey({
      profileId: 'acme',
      key,
      verify: async () => ({ orgId: 'org-acme', orgName: 'Acme' }),
      secrets,
      profiles: createProfilesFile(dir),
      clock: { now: () => T0 },
    });
    expect((await runProfile(['profile', 'relabel', 'beta', 'Beta team'], dir)).stdout).toBe(
      'Profile "beta" is now labelled "Beta team".\n',
    );
    const list = await runProfile(['--json', 'profile', 'list'], dir, secrets);
    expect(JSON.parse(list.stdout)).toEqual([
      { id: 'demo', label: 'Demo org (sandbox)', orgId: null, orgName: null, verifiedAt: null, demo: true },
      {
        id: 'acme',
        label: 'Acme',
        orgId: 'org-acme',
        orgName: 'Acme',
        verifiedAt: '2026-11-23T09:00:00.000Z',
        demo: false,
      },
      { id: 'beta', label: 'Beta team', orgId: null, orgName: null, verifiedAt: null, demo: false },
    ]);
    expect(list.stdout).not.toContain(key);
    const human = await runProfile(['profile', 'list'], dir);
    expect(human.stdout.split('\n')[1]).toMatch(/^acme\s+Acme — Acme \(org-acme\)$/);
  });

  it('refuses a bad id, a duplicate and the demo id with exit 2', async () => {
    const dir = dataDir();
    await runProfile(['profile', 'add', 'acme'], dir);
    for (const id of ['Acme Corp', 'acme', 'demo']) {
      const run = await runProfile(['profile', 'add', id], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(
        /^clade-admin: (Invalid profile id|A profile "acme" already exists|The demo profile is built in)/,
      );
    }
  });

  it('removes a profile with its key, and its mirror only with --delete-mirror', async () => {
    const dir = dataDir();
    const secrets = createMemorySecretStore();
    for (const id of ['acme', 'beta']) {
      await connectKey({
        profileId: id,
        key: fakeAdminKey(id),
        verify: async () => ({ orgId: `org-${id}`, orgName: id }),
        secrets,
        profiles: createProfilesFile(dir),
        clock: { now: () => T0 },
      });
      mkdirSync(join(dir, 'profiles', id), { recursive: true });
      writeFileSync(mirrorFilePaths(dir, id)[0] as string, 'db');
    }
    const keep = await runProfile(['profile', 'remove', 'acme'], dir, secrets);
    expect(keep.stdout).toBe(
      'Profile "acme" removed; its key was deleted from the OS keychain; its local mirror stays.\n',
    );
    expect(existsSync(mirrorFilePaths(dir, 'acme')[0] as string)).toBe(true);
    const wipe = await runProfile(['--json', 'profile', 'remove', 'beta', '--delete-mirror'], dir, secrets);
    expect(JSON.parse(wipe.stdout)).toMatchObject({
      profile: 'beta',
      keyDeleted: true,
      profileRemoved: true,
      mirrorFilesDeleted: [mirrorFilePaths(dir, 'beta')[0]],
    });
    expect(secrets.items.size).toBe(0);
    expect(
      createProfilesFile(dir)
        .list()
        .map((p) => p.id),
    ).toEqual(['demo']);
  });

  it('reports an unavailable keychain with exit 3 and keeps the profile', async () => {
    const dir = dataDir();
    await runProfile(['profile', 'add', 'acme'], dir);
    const run = await runProfile(
      ['profile', 'remove', 'acme'],
      dir,
      createFailingSecretStore(() => new KeychainUnavailableError('locked', 'The keyring is locked.')),
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toBe('clade-admin: The keyring is locked.\n');
    expect(createProfilesFile(dir).get('acme')).toBeDefined();
  });
});
