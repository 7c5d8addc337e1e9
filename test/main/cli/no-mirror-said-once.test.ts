/**
 * One truth on every surface, for the CLI's "nothing synced yet": a known profile without a mirror gets the same
 * sentence from every command that reads one (read-mirror.ts `noMirrorYet`), with what it means for that command, and
 * never a second wording.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfilesFile } from '../../../main/adapters/profiles-file';
import { runCliInMemory } from '../../helpers/memory-cli';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cli-no-mirror-'));
  createProfilesFile(dataDir).add({ id: 'acme' }, Date.parse('2026-12-01T00:00:00Z'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SAID = 'Profile "acme" has no local mirror yet';
const ADVICE = 'Run `clade-admin sync`';

describe('a profile with nothing synced yet', () => {
  it.each([
    [['status'], 0],
    [['users'], 0],
    [['invites'], 0],
    [['keys'], 3],
    [['workspaces'], 3],
    [['access', 'Production'], 3],
    [['tree'], 3],
    [['limits'], 3],
    [['alerts'], 0],
    [['check'], 3],
    [['posture'], 3],
    [['posture', 'mark-reviewed'], 3],
    [['report', 'cost', '--from', '2026-11-01', '--to', '2026-11-30'], 3],
    [['audit', 'search', 'rotated'], 0],
    [['audit', 'verify'], 0],
    [['offboard', 'ada@acme.example', '--dry-run'], 3],
    [['review', '--format', 'csv', '--out', join(tmpdir(), 'never-written.csv')], 3],
  ])('`%s` says it in the one sentence (exit %i)', async (command, code) => {
    const result = await runCliInMemory(['--data-dir', dataDir, '--profile', 'acme', ...command], {});
    const said = result.stdout + result.stderr;
    expect(said).toContain(SAID);
    expect(said).toContain(ADVICE);
    expect(said).not.toMatch(/no synced mirror|has no local mirror:/);
    expect(result.code).toBe(code);
  });

  it('names `demo` as the other way only for the demo profile, and the command’s own way where it has one', async () => {
    const acme = await runCliInMemory(['--data-dir', dataDir, '--profile', 'acme', 'status'], {});
    expect(acme.stdout).not.toContain('clade-admin demo');
    const demo = await runCliInMemory(['--data-dir', dataDir, '--profile', 'demo', 'status'], {});
    expect(demo.stdout).toContain(
      'Profile "demo" has no local mirror yet. Run `clade-admin sync` (or `clade-admin demo`) first.',
    );
    const check = await runCliInMemory(['--data-dir', dataDir, '--profile', 'acme', 'check'], {});
    expect(check.stdout + check.stderr).toContain(
      'so nothing to evaluate. Run `clade-admin sync` (or `check --sync`) first.',
    );
  });
});
