import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CommanderError } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMirrorFile } from '../../../main/adapters/data-dir';
import { registerAlertCommands } from '../../../main/cli/commands/alerts';
import { resolveContext, type GlobalOptions } from '../../../main/cli/context';
import { CliError } from '../../../main/cli/errors';
import type { CliIO } from '../../../main/cli/io';
import { buildProgram } from '../../../main/cli/program';
import { loadEpisodes } from '../../../main/db/alerts/index';
import { openMirror } from '../../../main/db/open';
import { SyncStateRepo } from '../../../main/db/repos/sync-state-repo';
import { syncSnapshot } from '../db/alerts/seed-mirror';
import { runBuiltCli } from '../../helpers/built-cli';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `clade-admin …` in-process the way runCli does, with the alert commands registered on the real program
 * (until program.ts registers them itself; then this uses that registration).
 */
async function cli(args: string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
    env: {},
  };
  const program = buildProgram(io);
  if (!program.commands.some((command) => command.name() === 'check')) {
    registerAlertCommands(program, () => resolveContext(program.optsWithGlobals<GlobalOptions>(), io));
  }
  try {
    await program.parseAsync(args, { from: 'user' });
    return { code: io.exitCode ?? 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError)
      return { code: error.code === 'commander.helpDisplayed' ? 0 : 2, stdout, stderr };
    if (error instanceof CliError)
      return { code: error.exitCode, stdout, stderr: `${stderr}clade-admin: ${error.message}\n` };
    throw error;
  }
}

const month = new Date().toISOString().slice(0, 7);
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'clade-alerts-cli-'));
  dirs.push(dir);
  return dir;
};

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('clade-admin check against the sandbox demo org', () => {
  let dataDir: string;
  const demo = (...args: string[]) => cli(['--data-dir', dataDir, '--profile', 'demo', ...args]);

  beforeAll(async () => {
    dataDir = tempDir();
    const synced = await demo('sync');
    expect(synced.code, synced.stderr).toBe(0);
  }, 120_000);

  it('with an org budget below month-to-date spend: exits 2 and lists the crossed threshold', async () => {
    const set = await demo('config', 'set', 'budgets.orgMonthlyUsd', '1');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toBe('budgets.orgMonthlyUsd = 1\n');
    const check = await demo('check');
    expect(check.code, check.stderr).toBe(2);
    expect(check.stdout).toMatch(/: critical \(\d+ critical/);
    expect(check.stdout).toMatch(
      /CRITICAL {2}.+ has reached its monthly budget\n {10}\$[\d,]+\.\d\d of \$1\.00 spent in /,
    );
    const json = JSON.parse((await demo('check', '--json')).stdout) as {
      exitCode: number;
      conditions: Array<{ id: string; severity: string }>;
    };
    expect(json.exitCode).toBe(2);
    expect(json.conditions).toContainEqual(
      expect.objectContaining({ id: `spend:org:${month}:100`, severity: 'critical' }),
    );
  });

  it('records the episodes it opened but never marks them notified; `alerts` lists them', async () => {
    await demo('config', 'set', 'budgets.orgMonthlyUsd', '1');
    await demo('check');
    const listed = await demo('alerts', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    const { episodes } = JSON.parse(listed.stdout) as {
      episodes: Array<{ conditionId: string; notifiedAtMs: number | null; view: unknown }>;
    };
    const budget = episodes.find((e) => e.conditionId === `spend:org:${month}:100`);
    expect(budget).toMatchObject({ notifiedAtMs: null, view: { view: 'spend' } });
    expect(episodes.every((e) => e.notifiedAtMs === null)).toBe(true);
    const text = await demo('alerts');
    expect(text.stdout).toMatch(/has reached its monthly budget[\s\S]*not notified yet/);
  });

  it('with --now past the stale-data limit: exits 3 (cannot evaluate) and records nothing in the future', async () => {
    const later = new Date(Date.now() + 7 * 3_600_000).toISOString();
    const check = await demo('check', '--now', later, '--json');
    expect(check.code).toBe(3);
    const json = JSON.parse(check.stdout) as { health: { problems: string[] }; recorded: boolean };
    expect(json.health.problems).toEqual(['data-too-old']);
    expect(json.recorded).toBe(false);
  });

  it('config get prints one setting or all of them; set refuses a bad key or value with one line and exit 2', async () => {
    expect((await demo('config', 'set', 'spend.thresholdsPct', '60,90')).stdout).toBe(
      'spend.thresholdsPct = [60,90]\n',
    );
    expect((await demo('config', 'get', 'spend.thresholdsPct')).stdout).toBe('[60,90]\n');
    const all = (await demo('config', 'get')).stdout;
    expect(all).toMatch(/^budgets\.orgMonthlyUsd = 1$/m);
    expect(all).toMatch(/^quietHours\.start = 22:00$/m);
    const bad = await demo('config', 'set', 'spend.thresholdsPct', '50,abc');
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/spend\.thresholdsPct: expected a number, got "abc"/);
    const unknown = await demo('config', 'set', 'budgets.nope', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown setting "budgets\.nope"/);
    const badTime = await demo('config', 'set', 'quietHours.start', '25:00');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/quietHours\.start: must be a time "HH:MM"/);
    // Nothing was half-applied.
    expect((await demo('config', 'get', 'quietHours.start')).stdout).toBe('22:00\n');
    expect((await demo('config', 'set', 'spend.thresholdsPct', '50,80,95,100')).code).toBe(0);
  });
});

describe('clade-admin check without a usable mirror', () => {
  it('exits 3 when the profile has no mirror, without creating one', async () => {
    const dataDir = tempDir();
    const check = await cli(['--data-dir', dataDir, 'check']);
    expect(check.code).toBe(3);
    expect(check.stderr).toMatch(/no local mirror/);
    expect((await cli(['--data-dir', dataDir, 'alerts'])).stdout).toMatch(/no local mirror yet/);
  });

  it('config get shows the defaults without creating a mirror; a mirror that config set created but nothing synced cannot be evaluated', async () => {
    const dataDir = tempDir();
    const got = await cli(['--data-dir', dataDir, 'config', 'get', 'keys.expiryDays', '--json']);
    expect(JSON.parse(got.stdout)).toEqual({ key: 'keys.expiryDays', value: [14, 7, 1] });
    expect(existsSync(join(dataDir, 'profiles', 'default', 'mirror.sqlite'))).toBe(false);
    const set = await cli(['--data-dir', dataDir, 'config', 'set', 'budgets.workspaceMonthlyUsd.wrkspc_later', '250']);
    expect(set.code, set.stderr).toBe(0);
    expect(set.stderr).toMatch(/the mirror holds no workspace "wrkspc_later" \(yet\)/);
    const check = await cli(['--data-dir', dataDir, 'check']);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/cannot evaluate: nothing has been synced yet/);
    const cleared = await cli([
      '--data-dir',
      dataDir,
      'config',
      'set',
      'budgets.workspaceMonthlyUsd.wrkspc_later',
      'none',
    ]);
    expect(cleared.stdout).toBe('budgets.workspaceMonthlyUsd.wrkspc_later = none\n');
    expect(
      JSON.parse((await cli(['--data-dir', dataDir, 'config', 'get', '--json'])).stdout).budgets.workspaceMonthlyUsd,
    ).toEqual({});
  });

  it('exits 3 when the stored credential was rejected', async () => {
    const dataDir = tempDir();
    const db = openMirror(ensureMirrorFile(dataDir, 'work'));
    syncSnapshot(db, Date.now() - 60_000, { org: { id: 'org_w', name: 'Work Org' } });
    new SyncStateRepo(db).setCredential('invalid', Date.now(), '401 on /v1/organizations/me');
    db.close();
    const check = await cli(['--data-dir', dataDir, '--profile', 'work', 'check']);
    expect(check.code).toBe(3);
    expect(check.stdout).toMatch(/cannot evaluate: the Admin API rejected the stored key/);
    expect(check.stdout).toMatch(/CRITICAL {2}The admin key was rejected/);
  });

  it('refuses an --now that is not an ISO date-time with a zone', async () => {
    const check = await cli(['--data-dir', tempDir(), 'check', '--now', '2026-11-23']);
    expect(check.code).toBe(2);
    expect(check.stderr).toMatch(/--now: expected an ISO date-time with a zone/);
  });

  it('does not record an --now evaluation earlier than what is already recorded', async () => {
    const dataDir = tempDir();
    const db = openMirror(ensureMirrorFile(dataDir, 'work'));
    syncSnapshot(db, Date.parse('2026-11-20T09:00:00Z'), { org: { id: 'org_w', name: 'Work Org' } });
    db.close();
    const args = ['--data-dir', dataDir, '--profile', 'work', 'check', '--json', '--now'];
    // The sync is 30 h old at this (past) instant: a data-too-old episode opens and is recorded.
    const episodeId = `sync:data-too-old@${Date.parse('2026-11-21T15:00:00Z')}`;
    const first = JSON.parse((await cli([...args, '2026-11-21T15:00:00Z'])).stdout) as {
      recorded: boolean;
      opened: string[];
    };
    expect(first).toMatchObject({ recorded: true, opened: [episodeId] });
    // Earlier than that, the data is fresh: evaluated, but recording it would close the episode backwards.
    const earlier = JSON.parse((await cli([...args, '2026-11-20T10:00:00Z'])).stdout) as {
      recorded: boolean;
      closed: string[];
    };
    expect(earlier).toMatchObject({ recorded: false, closed: [episodeId] });
    const reopened = openMirror(ensureMirrorFile(dataDir, 'work'));
    expect(loadEpisodes(reopened).map((e) => [e.id, e.closedAtMs])).toEqual([[episodeId, null]]);
    reopened.close();
  });
});

describe('clade-admin check --sync', () => {
  it('syncs the demo profile first, then evaluates with the budget set before the first sync', async () => {
    const dataDir = tempDir();
    const demo = (...args: string[]) => cli(['--data-dir', dataDir, '--profile', 'demo', ...args]);
    expect((await demo('config', 'set', 'budgets.orgMonthlyUsd', '1')).code).toBe(0);
    const check = await demo('check', '--sync', '--json');
    expect(check.code, check.stderr).toBe(2);
    const json = JSON.parse(check.stdout) as { conditions: Array<{ id: string }>; health: { problems: string[] } };
    expect(json.health.problems).toEqual([]);
    expect(json.conditions.map((c) => c.id)).toContain(`spend:org:${month}:100`);
  }, 120_000);
});

describe('the built clade-admin bin', () => {
  it('against the demo org with a budget below month-to-date spend: `check` exits 2 and lists the crossed threshold', async (ctx) => {
    const help = await runBuiltCli(['--help']);
    // Until program.ts registers the alert commands (and `npm test` rebuilds the bin), there is nothing to drive.
    if (!/^\s+check\b/m.test(help.stdout)) ctx.skip();
    const dataDir = tempDir();
    const demo = (...args: string[]) => runBuiltCli(['--data-dir', dataDir, '--profile', 'demo', ...args]);
    const synced = await demo('sync');
    expect(synced.code, synced.stderr).toBe(0);
    expect((await demo('config', 'set', 'budgets.orgMonthlyUsd', '1')).code).toBe(0);
    const check = await demo('check');
    expect(check.code, check.stderr).toBe(2);
    expect(check.stdout).toMatch(/CRITICAL {2}.+ has reached its monthly budget/);
    const alerts = JSON.parse((await demo('alerts', '--json')).stdout) as {
      episodes: Array<{ conditionId: string; notifiedAtMs: number | null }>;
    };
    expect(alerts.episodes).toContainEqual(
      expect.objectContaining({ conditionId: `spend:org:${month}:100`, notifiedAtMs: null }),
    );
  }, 120_000);
});
