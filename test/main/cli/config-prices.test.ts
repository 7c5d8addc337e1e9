/**
 * `config price set` through the built CLI on a fresh profile: prices stored in the profile setting (read back by
 * `config get pricing.overrides`), cache prices derived by the documented multipliers, a bad price refused with
 * exit 2 naming the flag. (Removal, the trail record and validation are tested on the shared code paths in
 * test/main/ipc/prices-handlers.test.ts and test/main/db/queries/price-overrides.test.ts; few processes here.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBuiltCli } from '../../helpers/built-cli';

let dir: string;
const cli = (...args: string[]) => runBuiltCli(['--data-dir', dir, '--profile', 'acme', ...args]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clade-prices-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('config price', () => {
  it('sets a price override, stored in the profile setting, and refuses a bad price', async () => {
    const set = await cli('config', 'price', 'set', 'claude-mythos-preview', '--input', '12', '--output', '60');
    expect(set.stderr).toBe('');
    expect(set.code).toBe(0);
    expect(set.stdout).toMatch(/claude-mythos-preview\s+always\s+12\s+15\s+24\s+1\.2\s+60/);
    const got = await cli('--json', 'config', 'get', 'pricing.overrides');
    expect(JSON.parse(got.stdout).value).toEqual([
      {
        model: 'claude-mythos-preview',
        effectiveFrom: null,
        input: '12',
        cacheWrite5m: '15',
        cacheWrite1h: '24',
        cacheRead: '1.2',
        output: '60',
      },
    ]);
    const bad = await cli('config', 'price', 'set', 'x', '--input', '=1+1', '--output', '6');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--input: "=1+1" is not a price');
  });
});
