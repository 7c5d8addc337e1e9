import Anthropic from '@anthropic-ai/sdk';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { applyDemoChanges } from '../../../main/services/demo/demo-audit-history';
import { runBuiltCli, type CliResult } from '../../helpers/built-cli';

interface DemoJson {
  org: { id: string; name: string };
  workspaces: { id: string | null; name: string; members: number; keys: number }[];
}

/** What the sandbox itself serves for the demo org, read through the SDK (the ground truth the mirror must match). */
async function servedCounts(sandbox: RunningSandbox) {
  const client = new Anthropic({ apiKey: sandbox.adminKey, baseURL: sandbox.url, maxRetries: 0 });
  const org = await client.beta.organization.retrieve();
  const keysByWorkspace = new Map<string, number>();
  for await (const key of client.beta.organization.apiKeys.list({ limit: 1000 })) {
    const scope = (key as { scope?: { type: string; workspace_id?: string } | null }).scope;
    const workspaceId = scope?.type === 'workspace' ? scope.workspace_id! : 'organization';
    keysByWorkspace.set(workspaceId, (keysByWorkspace.get(workspaceId) ?? 0) + 1);
  }
  const workspaces = new Map<string, { name: string; members: number; keys: number }>();
  for await (const ws of client.beta.organization.workspaces.list({
    limit: 1000,
    include_archived: true,
    include_default: true,
  } as never)) {
    let members = 0;
    for await (const _m of client.beta.organization.workspaces.members.list(ws.id, { limit: 1000 })) members += 1;
    workspaces.set(ws.id, { name: ws.name, members, keys: keysByWorkspace.get(ws.id) ?? 0 });
  }
  return { org, workspaces };
}

describe('clade-admin demo', () => {
  let dataDir: string;
  let result: CliResult;
  let sandbox: RunningSandbox;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'clade-demo-'));
    result = await runBuiltCli(['--data-dir', dataDir, 'demo', '--json']);
    sandbox = await startSandbox({ size: 'demo', seed: 1 });
    // The demo org is the generated org plus the scripted changes that give it an audit trail (as in the window).
    applyDemoChanges(sandbox, sandbox.clock.nowMs());
  }, 120_000);

  afterAll(async () => {
    await sandbox?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exits 0 and prints only JSON on stdout', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('records the alerts right after the sync: `alerts` lists as many open episodes as `check` finds conditions', async () => {
    const alerts = await runBuiltCli(['--data-dir', dataDir, '--profile', 'demo', '--json', 'alerts']);
    const episodes = (JSON.parse(alerts.stdout) as { episodes: Array<{ conditionId: string }> }).episodes;
    expect(episodes.length).toBeGreaterThan(0);
    const check = await runBuiltCli(['--data-dir', dataDir, '--profile', 'demo', '--json', 'check']);
    const conditions = (JSON.parse(check.stdout) as { conditions: Array<{ id: string }> }).conditions;
    expect(episodes.map((e) => e.conditionId).sort()).toEqual(conditions.map((c) => c.id).sort());
  });

  it('shows at least 3 workspaces with the member and key counts the sandbox serves', async () => {
    const demo = JSON.parse(result.stdout) as DemoJson;
    const served = await servedCounts(sandbox);
    expect(demo.org).toEqual({ id: served.org.id, name: served.org.name });
    expect(demo.workspaces.length).toBeGreaterThanOrEqual(3);
    for (const ws of demo.workspaces) {
      const truth = served.workspaces.get(ws.id!);
      expect(truth, `workspace ${ws.name}`).toBeDefined();
      expect({ name: ws.name, members: ws.members, keys: ws.keys }).toEqual(truth);
    }
    // Every served workspace that has members or keys appears in the tree.
    for (const [id, truth] of served.workspaces) {
      if (truth.members + truth.keys > 0) expect(demo.workspaces.map((w) => w.id)).toContain(id);
    }
  });

  it('keeps the mirror in the demo profile, readable by the user only', () => {
    const mode = statSync(join(dataDir, 'profiles', 'demo', 'mirror.sqlite')).mode & 0o777;
    expect(mode).toBe(0o600);
  });

  it('lets `status --json` report what the demo mirror holds', async () => {
    const status = await runBuiltCli(['--data-dir', dataDir, '--profile', 'demo', 'status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed.org.id).toBe(JSON.parse(result.stdout).org.id);
    expect(parsed.syncedAtMs).toEqual(expect.any(Number));
    expect(parsed.counts.api_keys).toBeGreaterThan(0);
  });
});

describe('clade-admin global options', () => {
  it('refuses a --base-url that is neither the API nor loopback, before touching anything', async () => {
    const r = await runBuiltCli(['--base-url', 'https://api.anthropic.com.evil.example', 'status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--base-url refused');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects an invalid profile id with a usage error', async () => {
    const r = await runBuiltCli(['--profile', '../etc', 'status']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('invalid profile id');
  });

  it('says how to provide a key when a profile has none (no network call, exit 3)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clade-nokey-'));
    const r = await runBuiltCli(['--data-dir', dir, '--profile', 'work', 'sync', '--json']);
    expect(r.code).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/clade-admin key set|Secret Service/);
    rmSync(dir, { recursive: true, force: true });
  });
});
