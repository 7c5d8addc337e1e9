/**
 * `clade-admin posture` and `posture mark-reviewed` on the demo org (in process): exit 1 while items fail, the JSON is
 * the report the window reads, the human text names the offending keys and the commands that fix them, the day's
 * score is recorded, the review mark passes its item; and the key items name exactly the keys `keys --verdict`
 * names (one key judgement on both surfaces). No mirror: exit 3, like `check`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mirrorFile } from '../../../main/adapters/data-dir';
import { runCliInMemory } from '../../helpers/memory-cli';
import { openDemoOrg, type DemoOrg } from '../../../main/services/demo/demo-org';
import { readPostureTrend } from '../../../main/db/queries/posture';
import type { PostureReport } from '../../../main/core/posture/index';
import { postureHandlers } from '../../../main/ipc/domains/posture';

let root: string;
let org: DemoOrg;
const PROFILE = 'demo-posture';

function cli(...args: string[]) {
  return runCliInMemory(['--data-dir', join(root, 'data'), ...args], { HOME: root });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'clade-posture-cli-'));
  org = await openDemoOrg({ mirrorFile: mirrorFile(join(root, 'data'), PROFILE), frozenAt: new Date() });
}, 60_000);
afterAll(async () => {
  await org.close();
  rmSync(root, { recursive: true, force: true });
});

describe('clade-admin posture', () => {
  it('exits 1 with the failing items, records the day score, and names keys as `keys --verdict` does', async () => {
    const result = await cli('--profile', PROFILE, '--json', 'posture');
    expect(result.code, result.stderr).toBe(1);
    const json = JSON.parse(result.stdout) as PostureReport & { exitCode: number; trend: Array<{ score: number }> };
    expect(json.exitCode).toBe(1);
    expect(json.items).toHaveLength(13);
    expect(json.score).toBeGreaterThan(0);
    expect(json.score).toBeLessThan(100);
    expect(json.trend.at(-1)!.score).toBe(json.score);
    expect(readPostureTrend(org.db, Date.now()).at(-1)!.score).toBe(json.score);

    for (const [itemId, verdict] of [
      ['no-dormant-keys', 'dormant'],
      ['key-rotation', 'rotate-soon'],
      ['no-orphaned-keys', 'orphaned'],
      ['no-default-workspace-keys', 'default-workspace'],
    ] as const) {
      const keys = await cli('--profile', PROFILE, '--json', 'keys', '--verdict', verdict);
      const listed = (JSON.parse(keys.stdout) as { keys: Array<{ id: string; status: string }> }).keys
        .filter((k) => k.status === 'active')
        .map((k) => k.id)
        .sort();
      const named = json.items
        .find((i) => i.id === itemId)!
        .evidence.map((e) => e.id)
        .sort();
      expect(named, itemId).toEqual(listed);
      expect(named.length, itemId).toBeGreaterThan(0);
    }
  });

  it('prints the failing items first with evidence and fix commands', async () => {
    const result = await cli('--profile', PROFILE, 'posture');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^Access checklist of .+: score \d+\/100 \(\d+ pass, \d+ fail, \d+ not applicable\)/);
    expect(result.stdout).toMatch(
      /FAIL {2}No keys left behind by people who left\n {6}old-reporting-job \(apikey_\w+\): /,
    );
    expect(result.stdout).toMatch(/fix: clade-admin apikey rename apikey_\w+ \S+-dev-\S+/);
    expect(result.stdout).toContain(
      '→ Review the audit trail, then mark it reviewed: clade-admin posture mark-reviewed',
    );
    expect(result.stdout.indexOf('FAIL')).toBeLessThan(result.stdout.indexOf('PASS'));
  });

  it('mark-reviewed records the review in the trail and the audit item passes', async () => {
    const marked = await cli('--profile', PROFILE, 'posture', 'mark-reviewed', '--note', 'Q4 review');
    expect(marked.code, marked.stderr).toBe(0);
    expect(marked.stdout).toMatch(/^Marked the audit trail reviewed at .+ \(the first review\)\.\n$/);
    const trail = await cli('--profile', PROFILE, '--json', 'audit', 'search', 'type:audit.reviewed');
    expect(trail.stdout).toContain('Marked the audit trail reviewed');
    expect(trail.stdout).toContain('Q4 review');
    const after = JSON.parse((await cli('--profile', PROFILE, '--json', 'posture')).stdout) as PostureReport;
    expect(after.items.find((i) => i.id === 'audit-reviewed')!.status).toBe('pass');
  });

  it('says what the window says: the CLI JSON and the Posture channel give one report at one instant', async () => {
    const at = '2026-12-01T09:00:00Z';
    const cliJson = JSON.parse(
      (await cli('--profile', PROFILE, '--json', 'posture', '--now', at)).stdout,
    ) as PostureReport;
    const handlers = postureHandlers({ mirror: () => org.db, now: () => Date.parse(at) });
    const window = (await handlers['clade:posture/report'](undefined, {
      channel: 'clade:posture/report',
      via: 'ipc',
    }))!;
    expect(cliJson.score).toBe(window.report.score);
    expect(cliJson.items).toEqual(window.report.items);
  });

  it('exits 3 when the profile has no mirror, and 2 for a profile that does not exist', async () => {
    const result = await cli('posture');
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('has no local mirror');
    expect((await cli('--profile', 'nothing-here', 'posture')).code).toBe(2);
  });
});
