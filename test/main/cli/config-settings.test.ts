/**
 * `clade-admin config get|set` through the built bin: the profile settings (sync interval and history, audit
 * retention, the read-only compliance probe) beside the alert rules, and every change recorded in the profile's
 * audit trail as a local `settings.changed` event with before and after.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../helpers/built-cli';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

function dataDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'clade-config-'));
  roots.push(root);
  return join(root, 'data');
}

describe('clade-admin config: profile settings and the audit trail', () => {
  it('lists every setting with its default without creating a mirror', async () => {
    const dir = dataDir();
    const json = await runBuiltCli(['--data-dir', dir, '--json', 'config', 'get']);
    expect(json.code, json.stderr).toBe(0);
    const all = JSON.parse(json.stdout);
    // What the app learnt is shown, read-only: which admin keys the feed shows for our own reads, the demo org's anchor.
    expect(all.audit).toEqual({ retentionDays: null, ownAdminKeyIds: [] });
    expect(all.demo).toEqual({ org: null });
    expect(all.sync).toMatchObject({ intervalMinutes: 15, historyDays: 90, staleAfterHours: expect.any(Number) });
    expect(all.compliance).toEqual({ probe: null });
    expect(all.budgets).toBeDefined();
    const text = await runBuiltCli(['--data-dir', dir, 'config', 'get']);
    expect(text.stdout).toMatch(/^audit\.retentionDays = forever$/m);
    expect(text.stdout).toMatch(/^sync\.intervalMinutes = 15$/m);
    expect(text.stdout).toMatch(/^compliance\.probe = none \(read-only\)$/m);
    expect(text.stdout).toMatch(/^audit\.ownAdminKeyIds = \[\] \(read-only\)$/m);
    expect(text.stdout).toMatch(/^budgets\.orgMonthlyUsd = none$/m);
    expect(existsSync(join(dir, 'profiles', 'default', 'mirror.sqlite'))).toBe(false);
  });

  it('sets retention, the sync interval and an alert key; refuses bad values in one line; records each change', async () => {
    const dir = dataDir();
    const cli = (...args: string[]) => runBuiltCli(['--data-dir', dir, ...args]);
    expect((await cli('config', 'set', 'audit.retentionDays', '365')).stdout).toBe('audit.retentionDays = 365\n');
    expect((await cli('config', 'get', 'audit.retentionDays')).stdout).toBe('365\n');
    expect((await cli('config', 'set', 'audit.retentionDays', 'forever')).stdout).toBe(
      'audit.retentionDays = forever\n',
    );
    expect((await cli('config', 'set', 'sync.intervalMinutes', '30')).stdout).toBe('sync.intervalMinutes = 30\n');
    expect((await cli('config', 'set', 'budgets.orgMonthlyUsd', '1500')).code).toBe(0);

    const tooShort = await cli('config', 'set', 'sync.intervalMinutes', '2');
    expect(tooShort.code).toBe(2);
    expect(tooShort.stderr.trim().split('\n')).toHaveLength(1);
    expect(tooShort.stderr).toMatch(/sync\.intervalMinutes/);
    const zeroDays = await cli('config', 'set', 'audit.retentionDays', '0');
    expect(zeroDays.code).toBe(2);
    const probe = await cli('config', 'set', 'compliance.probe', 'available');
    expect(probe.code).toBe(2);
    expect(probe.stderr).toMatch(/read-only/);
    // Setting a value to what it already is records nothing.
    expect((await cli('config', 'set', 'sync.intervalMinutes', '30')).code).toBe(0);

    const listed = (await cli('config', 'get')).stdout;
    expect(listed).toMatch(/^audit\.retentionDays = forever$/m);
    expect(listed).toMatch(/^sync\.intervalMinutes = 30$/m);
    expect(listed).toMatch(/^budgets\.orgMonthlyUsd = 1500$/m);

    const search = await cli('--json', 'audit', 'search', 'type:settings.changed');
    expect(search.code, search.stderr).toBe(0);
    const events = JSON.parse(search.stdout).events as Array<{
      source: string;
      before: unknown;
      after: unknown;
      targets: unknown;
    }>;
    expect(events.map((e) => [e.before, e.after])).toEqual([
      [{ 'budgets.orgMonthlyUsd': null }, { 'budgets.orgMonthlyUsd': '1500' }],
      [{ 'sync.intervalMinutes': 15 }, { 'sync.intervalMinutes': 30 }],
      [{ 'audit.retentionDays': 365 }, { 'audit.retentionDays': null }],
      [{ 'audit.retentionDays': null }, { 'audit.retentionDays': 365 }],
    ]);
    expect(events.every((e) => e.source === 'local')).toBe(true);
    expect((await cli('audit', 'verify')).code).toBe(0);
  });
});

describe('clade-admin: the sync rate', () => {
  it('sync.requestsPerMinute defaults to 60, takes 1-600, and sync --rate refuses a rate outside that range', async () => {
    const dir = dataDir();
    const got = await runBuiltCli(['--data-dir', dir, '--json', 'config', 'get']);
    expect(JSON.parse(got.stdout).sync).toMatchObject({ requestsPerMinute: 60 });
    const set = await runBuiltCli(['--data-dir', dir, 'config', 'set', 'sync.requestsPerMinute', '120']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout.trim()).toBe('sync.requestsPerMinute = 120');
    const tooFast = await runBuiltCli(['--data-dir', dir, 'config', 'set', 'sync.requestsPerMinute', '601']);
    expect(tooFast.code).toBe(2);
    for (const rate of ['0', '601', 'fast']) {
      const sync = await runBuiltCli(['--data-dir', dir, '--profile', 'demo', 'sync', '--rate', rate]);
      expect(sync.code, `--rate ${rate}`).toBe(2);
      expect(sync.stderr).toMatch(/--rate/);
    }
  });
});
