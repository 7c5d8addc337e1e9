/**
 * A profile named on the command line that the data folder does not know (a typo in a cron line) is refused with
 * exit 2 and the profiles there are, instead of reading as an organization with nothing synced.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProfilesFile } from '../../../main/adapters/profiles-file';
import { runBuiltCli } from '../../helpers/built-cli';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'cli-profiles-'));
  createProfilesFile(dataDir).add({ id: 'acme' }, Date.parse('2026-12-01T00:00:00Z'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('an unknown profile', () => {
  it.each([
    ['status'],
    ['alerts'],
    ['audit', 'search', 'rotated'],
    ['report', 'cost', '--from', '2026-11-01', '--to', '2026-11-30'],
  ])(
    '`--profile acmee %s` exits 2 naming the profiles there are',
    async (...command) => {
      const result = await runBuiltCli(['--data-dir', dataDir, '--profile', 'acmee', ...command]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('no profile "acmee"');
      expect(result.stderr).toContain('the profiles there are: demo, acme');
    },
    30_000,
  );

  it('is refused when named by CLADE_PROFILE too', async () => {
    const result = await runBuiltCli(['--data-dir', dataDir, 'status'], { CLADE_PROFILE: 'acmee' });
    expect(result.code).toBe(2);
  }, 30_000);

  it('leaves a known profile without a mirror, and the implicit default, saying nothing is synced yet', async () => {
    const known = await runBuiltCli(['--data-dir', dataDir, '--profile', 'acme', 'status']);
    expect(known).toMatchObject({ code: 0, stdout: expect.stringContaining('no local mirror yet') });
    const implicit = await runBuiltCli(['--data-dir', dataDir, 'status']);
    expect(implicit).toMatchObject({ code: 0, stdout: expect.stringContaining('"default" has no local mirror yet') });
  }, 30_000);
});
