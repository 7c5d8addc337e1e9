/**
 * `keys`, `access`, `workspaces`, `workspace show`, `tree` and `limits` on the demo and mid orgs: content, the
 * `--json` shape, empty answers and bad input. Expectations come from what the sandbox serves (through the SDK) and
 * from the profile's settings, never from what the commands print. One synced mirror per org, read by every case
 * (the commands only read); the CLI runs in process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runCli } from '../../../main/cli/run';
import { readOverview } from '../../../main/db/queries/overview';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { WorkspaceAccessDto } from '../../../preload/contract-access';
import { ORG_ADMIN_ROLES, readSandboxTruth, type SandboxTruth } from '../../helpers/sandbox-truth';

const DAY = 86_400_000;

async function cli(dataDir: string, ...args: string[]) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdin: Readable.from([]),
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: { HOME: dataDir },
  };
  const code = await runCli(['--data-dir', dataDir, ...args], io);
  return { code, stdout, stderr };
}

interface KeysJson {
  evaluatedAtMs: number;
  rules: { rotationDays: number };
  keys: Array<{
    id: string;
    name: string;
    status: string;
    workspaceName: string;
    verdict: string;
    verdicts: string[];
    ageDays: number;
  }>;
}

describe.each(['demo', 'mid'] as const)('on the %s org', (size) => {
  let root: string;
  let org: DemoOrg;
  let truth: SandboxTruth;
  const run = (...args: string[]) => cli(root, '--profile', size, ...args);
  const json = async <T>(...args: string[]): Promise<T> => {
    const result = await run('--json', ...args);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as T;
  };
  /** A workspace named like "Production" (demo: Production; mid: "… Production", of which there are many). */
  const production = () =>
    truth.workspaces.find((w) => w.name === 'Production') ?? truth.workspaces.find((w) => /Production/.test(w.name))!;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), `clade-access-cli-${size}-`));
    org = await openDemoOrg({ mirrorFile: mirrorFile(root, size), size });
    truth = await readSandboxTruth(org.sandbox);
  }, 60_000);
  afterAll(async () => {
    await org?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keys: every active key older than keys.rotationDays carries a rotation verdict, and no younger one does', async () => {
    const setting = await json<{ value: number }>('config', 'get', 'keys.rotationDays');
    const answer = await json<KeysJson>('keys');
    expect(answer.rules.rotationDays).toBe(setting.value);
    const due = truth.keys.filter(
      (k) => k.status === 'active' && answer.evaluatedAtMs - k.createdAtMs >= setting.value * DAY,
    );
    expect(due.length).toBeGreaterThan(0);
    const byId = new Map(answer.keys.map((k) => [k.id, k]));
    expect(answer.keys.map((k) => k.id).sort()).toEqual(truth.keys.map((k) => k.id).sort());
    for (const key of due) expect(byId.get(key.id)!.verdicts, key.name).toContain('rotate-soon');
    const flagged = answer.keys.filter((k) => k.verdicts.includes('rotate-soon')).map((k) => k.id);
    expect(flagged.sort()).toEqual(due.map((k) => k.id).sort());
    for (const key of answer.keys) expect(key.verdicts[0]).toBe(key.verdict);

    const filtered = await json<KeysJson>('keys', '--verdict', 'rotate-soon');
    expect(filtered.keys.map((k) => k.id).sort()).toEqual(flagged.sort());
  });

  it("keys --workspace: that workspace's keys only, by name; the table names each key", async () => {
    const workspace = production();
    const answer = await json<KeysJson>('keys', '--workspace', workspace.name);
    expect(answer.keys.map((k) => k.id).sort()).toEqual(
      truth.keys
        .filter((k) => k.workspaceId === workspace.id)
        .map((k) => k.id)
        .sort(),
    );
    const text = await run('keys', '--workspace', workspace.id);
    expect(text.code).toBe(0);
    for (const key of answer.keys) expect(text.stdout).toContain(key.name);
    expect(text.stdout).toMatch(new RegExp(`^${answer.keys.length} keys \\(`, 'm'));
  });

  it("access: lists every org admin as workspace_admin, every member, and the workspace's keys", async () => {
    const workspace = production();
    const answer = WorkspaceAccessDto.parse(await json('access', workspace.name));
    expect(answer.workspace.id).toBe(workspace.id);
    const admins = truth.users.filter((u) => ORG_ADMIN_ROLES.includes(u.role));
    expect(admins.length).toBeGreaterThan(0);
    for (const admin of admins) {
      expect(answer.people.find((p) => p.userId === admin.id)?.workspaceRole, admin.email).toBe('workspace_admin');
    }
    for (const userId of workspace.members.keys()) expect(answer.people.some((p) => p.userId === userId)).toBe(true);
    expect(answer.keys.length).toBe(truth.keys.filter((k) => k.workspaceId === workspace.id).length);

    const text = await run('access', workspace.id);
    expect(text.code).toBe(0);
    for (const admin of admins) expect(text.stdout).toContain(admin.email);
    const implicit = answer.people.filter((p) => p.via === 'implicit' && p.orgRole === 'admin');
    for (const person of implicit) expect(text.stdout).toMatch(new RegExp(`${person.email}.*implicit: org admin`));
  });

  it('workspaces and workspace show: every workspace the API lists, by name or id', async () => {
    const answer = await json<{ workspaces: Array<{ id: string; name: string; keys: number; members: number }> }>(
      'workspaces',
    );
    expect(answer.workspaces.map((w) => w.id).sort()).toEqual(truth.workspaces.map((w) => w.id).sort());
    for (const workspace of truth.workspaces) {
      const row = answer.workspaces.find((w) => w.id === workspace.id)!;
      expect(row.keys, workspace.name).toBe(truth.keys.filter((k) => k.workspaceId === workspace.id).length);
      expect(row.members, workspace.name).toBe(workspace.members.size);
    }
    const text = await run('workspaces');
    for (const workspace of truth.workspaces) expect(text.stdout).toContain(workspace.name);

    const workspace = production();
    const byName = await json<{ workspace: { id: string }; rateLimits: unknown[]; spendLimits: unknown[] }>(
      'workspace',
      'show',
      workspace.name,
    );
    const byId = await json<typeof byName>('workspace', 'show', workspace.id);
    expect(byName).toEqual(byId);
    expect(byName.workspace.id).toBe(workspace.id);
  });

  it("tree: prints this profile's tree, every workspace in it", async () => {
    const text = await run('tree');
    expect(text.code, text.stderr).toBe(0);
    for (const workspace of truth.workspaces) expect(text.stdout).toContain(workspace.name);
    const answer = await json<{ workspaces: Array<{ id: string | null; keys: number }> }>('tree');
    expect(answer.workspaces.length).toBe(truth.workspaces.length);
  });

  it("limits: spend limits with the overview's month to date and the dollars left, rate-limit overrides against the org's", async () => {
    const answer = await json<{
      spend: { monthToDateCents: string; forecastCents: string | null };
      spendLimits: Array<{ scope: string; amountCents: string; spentCents: string; leftCents: string }>;
      rateLimits: { workspaces: Array<{ value: number; orgLimit: number | null }> };
    }>('limits');
    const overview = readOverview(org.db, Date.now());
    // Question 1 (spent this month, and where we will end) in the overview's own figures.
    expect(answer.spend).toEqual({
      monthToDateCents: overview.monthToDateCents,
      forecastCents: overview.forecastCents,
    });
    const orgLimit = answer.spendLimits.find((l) => l.scope === 'organization');
    if (orgLimit) expect(Number(orgLimit.spentCents)).toBeCloseTo(Number(overview.monthToDateCents), 6);
    for (const limit of answer.spendLimits)
      expect(Number(limit.leftCents)).toBeCloseTo(Number(limit.amountCents) - Number(limit.spentCents), 6);
    for (const override of answer.rateLimits.workspaces) expect(override.orgLimit).not.toBeNull();
    const text = await run('limits');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/SPEND LIMIT +SCOPE +LIMIT +SPENT +LEFT/);
    expect(text.stdout).toMatch(
      /^Spend in \d{4}-\d{2} \(UTC\): \$[\d,.]+ so far; (forecast for the month: \$[\d,.]+|no forecast yet)/,
    );
  });

  it('refuses bad input with exit 2 and names the candidates', async () => {
    const unknown = await run('access', 'no-such-workspace');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(`no workspace "no-such-workspace"`);
    expect(unknown.stderr).toContain(production().name);
    expect((await run('workspace', 'show', 'no-such-workspace')).code).toBe(2);
    expect((await run('keys', '--workspace', 'no-such-workspace')).code).toBe(2);
    const verdict = await run('keys', '--verdict', 'stale');
    expect(verdict.code).toBe(2);
    expect(verdict.stderr).toContain('rotate-soon');
    expect((await run('access')).code).toBe(2);
  });

  it('answers an empty selection with an empty list', async () => {
    // The archived workspace's only keys are archived: none is active, so none can be due for rotation.
    const archived = (
      await json<{ workspaces: Array<{ id: string; archived: boolean; activeKeys: number }> }>('workspaces')
    ).workspaces.find((w) => w.archived && w.activeKeys === 0)!;
    const answer = await json<KeysJson>('keys', '--workspace', archived.id, '--verdict', 'rotate-soon');
    expect(answer.keys).toEqual([]);
    const text = await run('keys', '--workspace', archived.id, '--verdict', 'rotate-soon');
    expect(text.stdout).toBe('No keys match.\n');
  });
});

describe('the same commands without a mirror', () => {
  let root: string;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'clade-access-cli-empty-'));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['keys'],
    ['access', 'Production'],
    ['workspaces'],
    ['workspace', 'show', 'Production'],
    ['tree'],
    ['limits'],
  ])('%s: an unknown profile is refused (2), the default profile has nothing synced yet (3)', async (...args) => {
    const unknown = await cli(root, '--profile', 'nosuch', ...args);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no profile "nosuch"');
    const empty = await cli(root, ...args);
    expect(empty.code).toBe(3);
    expect(empty.stderr).toContain('has no local mirror yet');
  });
});
