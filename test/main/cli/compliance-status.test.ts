/**
 * Through the built bin: `clade-admin sync` reads the Compliance API feed into the trail when the org has it, and
 * `status --json` shows what the probe learnt; without it the refusal is remembered and not asked again that day.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../main/sandbox/index';
import { runBuiltCli } from '../../helpers/built-cli';

const roots: string[] = [];
const sandboxes: RunningSandbox[] = [];
afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  roots.forEach((root) => rmSync(root, { recursive: true, force: true }));
});

async function setUp(compliance: boolean) {
  const sandbox = await startSandbox({ size: 'demo', seed: 12, compliance, seededEvents: false });
  sandboxes.push(sandbox);
  const root = mkdtempSync(join(tmpdir(), 'clade-compliance-cli-'));
  roots.push(root);
  const cli = (...args: string[]) =>
    runBuiltCli(['--data-dir', join(root, 'data'), '--base-url', sandbox.url, ...args], {
      ANTHROPIC_ADMIN_KEY: sandbox.adminKey,
    });
  return { sandbox, cli };
}

async function complianceRequests(sandbox: RunningSandbox): Promise<number> {
  const res = await fetch(`${sandbox.controlUrl}/requests`, {
    headers: { authorization: `Bearer ${sandbox.controlToken}` },
  });
  const body = (await res.json()) as { requests: Array<{ path: string }> };
  return body.requests.filter((r) => r.path.startsWith('/v1/compliance/activities')).length;
}

describe('clade-admin sync and status with the Compliance API feed', () => {
  it('with the feed enabled: the activities land in the trail and status says the feed is readable', async () => {
    const { sandbox, cli } = await setUp(true);
    const sync = await cli('--json', 'sync', '--history', '3');
    expect(sync.code, sync.stderr).toBe(0);
    expect(JSON.parse(sync.stdout).resources).toContainEqual(
      expect.objectContaining({ resource: 'compliance_activities', status: 'ok' }),
    );
    const status = JSON.parse((await cli('--json', 'status')).stdout);
    expect(status.compliance).toMatchObject({
      status: 'available',
      checkedAtMs: expect.any(Number),
      nextProbeAtMs: null,
    });
    const search = JSON.parse((await cli('--json', 'audit', 'search', 'source:compliance', '--limit', '1000')).stdout);
    expect(search.events.length).toBeGreaterThan(0);
    expect(search.events.length).toBeLessThanOrEqual(sandbox.state.activity.records.length);
    expect((await cli('status')).stdout).toMatch(/^Audit\s+compliance feed readable/m);
  });

  it('with the feed off: status says refused and when it is asked again; a second sync does not ask', async () => {
    const { sandbox, cli } = await setUp(false);
    expect((await cli('sync', '--history', '3')).code).toBe(0);
    expect(await complianceRequests(sandbox)).toBe(1);
    const status = JSON.parse((await cli('--json', 'status')).stdout);
    expect(status.compliance).toMatchObject({ status: 'refused', detail: expect.stringMatching(/^403/) });
    expect(status.compliance.nextProbeAtMs).toBe(status.compliance.checkedAtMs + 6 * 3_600_000);
    expect((await cli('sync', '--history', '3')).code).toBe(0);
    expect(await complianceRequests(sandbox)).toBe(1);
    expect((await cli('status')).stdout).toMatch(/^Audit\s+compliance feed not enabled for this organization/m);
  });

  it('retention set with config applies at the next sync, is recorded, and audit verify still passes', async () => {
    const { cli } = await setUp(true);
    expect((await cli('sync', '--history', '3')).code).toBe(0);
    const before = JSON.parse((await cli('--json', 'audit', 'search', 'source:compliance', '--limit', '1000')).stdout)
      .events.length as number;
    expect((await cli('config', 'set', 'audit.retentionDays', '30')).code).toBe(0);
    expect((await cli('sync', '--history', '3')).code).toBe(0);
    const purges = JSON.parse((await cli('--json', 'audit', 'search', 'type:retention.purged')).stdout)
      .events as Array<{ after: { removedCount: number } }>;
    expect(purges).toHaveLength(1);
    expect(purges[0]!.after.removedCount).toBeGreaterThan(0);
    const after = JSON.parse((await cli('--json', 'audit', 'search', 'source:compliance', '--limit', '1000')).stdout)
      .events as Array<{ atMs: number }>;
    expect(after.length).toBeLessThan(before);
    expect(after.every((e) => e.atMs >= Date.now() - 30 * 86_400_000 - 60_000)).toBe(true);
    const verify = await cli('audit', 'verify');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^Audit trail OK/);
  });
});
