/**
 * A sync never passes a failure off as success (built CLI against the sandbox, as cron runs it): a 401 in the middle
 * of a sync is exit 3 and a clean sync afterwards gives the same `check` as a clean mirror; a revoked, then rotated
 * key recovers after `key set`; the compliance feed's 401 on an org without it stays exit 0; a rejected cursor
 * recovers; a repeating cursor stops; a report that always fails is exit 1 and makes `check` exit 3.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FaultRule } from '../../../main/sandbox/faults';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { CLI, runBuiltCli } from '../../helpers/built-cli';
import { createKeyringDirs, removeKeyringDirs, runInKeyringSession } from '../../helpers/keyring';

let sandbox: RunningSandbox;
let root: string;
/** The sandbox's clock stands still, so two mirrors synced a few seconds apart hold the same org and the same spend. */
const FROZEN_AT = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 30 * 60_000);
const CHECK_AT = new Date(FROZEN_AT.getTime() + 60_000).toISOString();

beforeAll(async () => {
  sandbox = await startSandbox({ size: 'demo', seed: 1, now: FROZEN_AT, freezeClock: true, seededEvents: false });
  root = mkdtempSync(join(tmpdir(), 'clade-sync-failures-'));
});
afterAll(async () => {
  await sandbox.close();
  rmSync(root, { recursive: true, force: true });
});
afterEach(async () => {
  await control('DELETE', '/faults');
});

async function control(method: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${sandbox.controlUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${sandbox.controlToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
const faults = (rules: FaultRule[]) => control('POST', '/faults', { rules });
async function requests(match: string): Promise<Array<{ status: number; fault?: string }>> {
  const log = (await control('GET', '/requests')).requests as Array<{ path: string; status: number; fault?: string }>;
  return log.filter((r) => r.path.includes(match));
}

/** `clade-admin --profile <profile> …` with the sandbox's key from the environment, as a cron job would. */
const cli = (profile: string, args: string[]) =>
  runBuiltCli(['--data-dir', join(root, 'data'), '--profile', profile, '--base-url', sandbox.url, ...args], {
    ANTHROPIC_ADMIN_KEY: sandbox.adminKey,
  });
const sync = (profile: string, ...extra: string[]) => cli(profile, ['--json', 'sync', '--history', '2', ...extra]);
async function check(profile: string): Promise<{
  code: number | null;
  json: {
    exitCode: number;
    conditions: Array<{ id: string; severity: string; body: string }>;
    health: { problems: string[] };
  };
}> {
  const run = await cli(profile, ['--json', 'check', '--now', CHECK_AT]);
  return { code: run.code, json: JSON.parse(run.stdout) };
}
const resourceStatus = (stdout: string, resource: string) =>
  (JSON.parse(stdout) as { resources: Array<{ resource: string; status: string }> }).resources.find(
    (r) => r.resource === resource,
  )?.status;

describe('clade-admin sync: failures are never reported as success', () => {
  it('one 401 in the middle of a sync gives exit 3; the next clean sync completes with the check of a clean mirror', async () => {
    const clean = await sync('clean');
    expect(clean.code, clean.stderr).toBe(0);
    const expected = await check('clean');

    await faults([{ route: '/v1/organizations/cost_report', status: 401, times: 1 }]);
    const refused = await sync('hit');
    expect(refused.code).toBe(3);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      status: 'credential_invalid',
      detail: expect.stringContaining('GET /v1/organizations/cost_report'),
    });
    const status = await cli('hit', ['status']);
    expect(status.stdout).toMatch(/Key {7}REJECTED by the Admin API/);
    expect((await check('hit')).code).toBe(3);

    const recovered = await sync('hit');
    expect(recovered.code, recovered.stderr).toBe(0);
    const after = await check('hit');
    expect(after.code).toBe(expected.code);
    expect(after.json.conditions).toEqual(expected.json.conditions);
    expect(after.json.conditions.some((c) => c.id.startsWith('spend'))).toBe(true);
  }, 60_000);

  it("the compliance feed's 401 on an org without the feed keeps exit 0 (not available for this org)", async () => {
    await faults([{ route: '/v1/compliance/activities', status: 401 }]);
    const run = await sync('nofeed');
    expect(run.code, run.stderr).toBe(0);
    expect(resourceStatus(run.stdout, 'compliance_activities')).toBe('unavailable');
    expect(run.stderr).toMatch(/sync: compliance_activities not available for this organization/);
  }, 30_000);

  it('a rejected report cursor restarts that report once and the sync completes', async () => {
    await control('DELETE', '/requests');
    await faults([{ route: '/v1/organizations/usage_report/messages', cursor: 'reject-once' }]);
    const run = await sync('cursor');
    expect(run.code, run.stderr).toBe(0);
    const usage = await requests('/usage_report/messages');
    expect(usage.filter((r) => r.status === 400)).toEqual([expect.objectContaining({ fault: 'cursor reject-once' })]);
    expect((await check('cursor')).json.conditions).toEqual((await check('clean')).json.conditions);
  }, 30_000);

  it('a cursor that does not advance stops that report within a few requests: exit 1, the report named', async () => {
    await control('DELETE', '/requests');
    await faults([{ route: '/v1/organizations/cost_report', cursor: 'repeat' }]);
    const run = await sync('repeat');
    expect(run.code).toBe(1);
    expect(resourceStatus(run.stdout, 'cost_daily')).toBe('error');
    expect(run.stderr).toMatch(/sync: cost_daily FAILED .*handed back a page cursor it had already given/);
    expect((await requests('/cost_report')).length).toBeLessThanOrEqual(4);
  }, 30_000);

  it('a report that always fails: sync exit 1 listing it, check exit 3 naming it, check --sync says the sync was partial', async () => {
    // x-should-retry: false spares the SDK's own retries; the sync still tries the report three times.
    await faults([{ route: '/v1/organizations/cost_report', status: 503, shouldRetry: false }]);
    const run = await sync('broken');
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'partial' });
    expect(resourceStatus(run.stdout, 'cost_daily')).toBe('error');
    expect(resourceStatus(run.stdout, 'claude_code_daily')).toBe('ok');
    const checked = await check('broken');
    expect(checked.code).toBe(3);
    expect(checked.json.health.problems).toContain('spend-unavailable');
    const text = await cli('broken', ['check', '--now', CHECK_AT]);
    expect(text.stdout).toMatch(/cannot evaluate spend: cost_daily failed in the last sync/);
    const withSync = await cli('broken', ['--json', 'check', '--sync']);
    expect(withSync.code).toBe(3);
    expect(JSON.parse(withSync.stdout).sync).toEqual({ status: 'partial', failed: ['cost_daily'] });
    expect(withSync.stderr).toMatch(/Partial: cost_daily failed/);
  }, 60_000);

  it('without a terminal, one line per finished resource on stderr; with --json stdout is only the JSON', async () => {
    const run = await sync('lines');
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('sync: ')).map((l) => l.split(' ')[1])).toEqual([
      'organization',
      'users',
      'workspaces',
      'api_keys',
      'invites',
      'workspace_members',
      'rate_limits',
      'workspace_rate_limits',
      'spend_limits',
      'spend_limits_effective',
      'usage_hourly',
      'usage_daily',
      'cost_daily',
      'claude_code_daily',
      'compliance_activities',
    ]);
  }, 30_000);
});

const keyringTools = ['dbus-run-session', 'gnome-keyring-daemon'].every((tool) =>
  (process.env.PATH ?? '').split(':').some((dir) => existsSync(join(dir, tool))),
);

describe.skipIf(!keyringTools)('a revoked, then rotated admin key (real keychain)', () => {
  it('sync says exit 3 while the key is revoked, and recovers after `key set` with the rotated key', async () => {
    const dirs = createKeyringDirs();
    try {
      const base = `'${process.execPath}' '${CLI}' --profile rotated --base-url ${sandbox.url}`;
      const controlCall = (path: string) =>
        `'${process.execPath}' -e 'fetch(process.argv[1], {method: "POST", headers: {authorization: "Bearer " + process.argv[2]}}).then((r) => r.json()).then((b) => process.stdout.write(b.adminKey ?? ""))' '${sandbox.controlUrl}${path}' '${sandbox.controlToken}'`;
      const steps = await runInKeyringSession(
        'unlocked',
        dirs,
        [
          `printf '%s\\n' '${sandbox.adminKey}' | ${base} key set`,
          `${base} sync --history 1`,
          controlCall('/admin-key/revoke'),
          `${base} sync --history 1`,
          `${base} status`,
          `${controlCall('/admin-key/rotate')} > '${dirs.root}/rotated-key' && ${base} key set < '${dirs.root}/rotated-key'`,
          `${base} --json sync --history 1`,
        ],
        90_000,
      );
      const [setKey, firstSync, , revokedSync, status, setRotated, recovered] = steps as [
        (typeof steps)[0],
        ...typeof steps,
      ];
      expect(setKey.code, setKey.stderr).toBe(0);
      expect(firstSync?.code, firstSync?.stderr).toBe(0);
      expect(revokedSync?.code).toBe(3);
      expect(revokedSync?.stderr).toMatch(/rejected the key/);
      expect(status?.stdout).toMatch(/REJECTED by the Admin API/);
      expect(setRotated?.code, setRotated?.stderr).toBe(0);
      expect(recovered?.code, recovered?.stderr).toBe(0);
      expect(JSON.parse(recovered?.stdout ?? '{}')).toMatchObject({ status: 'ok' });
    } finally {
      removeKeyringDirs(dirs);
    }
  }, 120_000);
});
