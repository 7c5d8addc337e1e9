// Which better-sqlite3 binary each runtime loads (stack.md §11): the staged Electron-ABI build
// inside Electron when it exists, better-sqlite3's own (Node-ABI) build everywhere else.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { betterSqliteNativeBinding, stagedElectronBindingPath } from '../../main/db/native-binding';
import {
  electronBuildEnv,
  exportsAbi,
  isStagedCurrent,
  recentFailure,
  stageElectronBinding,
  stagedDir,
  summarizeFailure,
} from '../../main/tools/native-electron.mjs';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('betterSqliteNativeBinding', () => {
  const root = '/app';
  const staged = '/app/.native/electron/41.7.1/better_sqlite3.node';
  it('returns the staged file inside Electron when it exists', () => {
    expect(betterSqliteNativeBinding({ electronVersion: '41.7.1', root, exists: (f) => f === staged })).toBe(staged);
  });
  it('returns undefined inside Electron when nothing is staged (packaged app or offline machine)', () => {
    expect(betterSqliteNativeBinding({ electronVersion: '41.7.1', root, exists: () => false })).toBeUndefined();
  });
  it('returns undefined under plain Node, even when a staged file exists', () => {
    expect(betterSqliteNativeBinding({ electronVersion: undefined, root, exists: () => true })).toBeUndefined();
  });
  it('picks the file for the running Electron version, not another one', () => {
    expect(betterSqliteNativeBinding({ electronVersion: '42.0.0', root, exists: (f) => f === staged })).toBeUndefined();
  });
  it('defaults to process.versions.electron, which vitest does not have', () => {
    expect(process.versions.electron).toBeUndefined();
    expect(betterSqliteNativeBinding({ root, exists: () => true })).toBeUndefined();
  });
  it('agrees with the staging script on the path', () => {
    expect(stagedElectronBindingPath(root, '41.7.1')).toBe(join(stagedDir(root, '41.7.1'), 'better_sqlite3.node'));
  });
});

describe('native-electron staging checks', () => {
  it('recognises the module ABI a compiled addon registers for', () => {
    const nodeBuild = readFileSync(
      join(__dirname, '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    );
    expect(exportsAbi(nodeBuild, process.versions.modules)).toBe(true);
    expect(exportsAbi(nodeBuild, '145')).toBe(false);
    expect(exportsAbi(Buffer.from('xx node_register_module_v1450\0'), '145')).toBe(false);
  });

  it('removes npm nodedir from the build environment so Electron headers are used', () => {
    const env = electronBuildEnv(
      { npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' },
      { version: '41.7.1', abi: '145' },
    );
    expect(env.npm_config_nodedir).toBeUndefined();
    expect(env.NPM_CONFIG_NODEDIR).toBeUndefined();
    expect(env).toMatchObject({ PATH: '/bin', npm_config_runtime: 'electron', npm_config_target: '41.7.1' });
  });

  it('treats a staged build as current only for the same electron, ABI and better-sqlite3', () => {
    dir = mkdtempSync(join(tmpdir(), 'native-electron-'));
    const info = { version: '41.7.1', abi: '145' };
    expect(isStagedCurrent(dir, info, '12.11.1')).toBe(false);
    mkdirSync(stagedDir(dir, '41.7.1'), { recursive: true });
    writeFileSync(join(stagedDir(dir, '41.7.1'), 'better_sqlite3.node'), 'binary');
    writeFileSync(
      join(stagedDir(dir, '41.7.1'), 'better_sqlite3.json'),
      JSON.stringify({ electron: '41.7.1', abi: '145', betterSqlite3: '12.11.1' }),
    );
    expect(isStagedCurrent(dir, info, '12.11.1')).toBe(true);
    expect(isStagedCurrent(dir, info, '12.12.0')).toBe(false);
  });

  it('summarises an offline header download in one line', () => {
    const log =
      'gyp http GET https://electronjs.org/headers/v41.7.1/node-v41.7.1-headers.tar.gz\ngyp ERR! stack Error: ... is related to network connectivity.\n';
    expect(summarizeFailure(log)).toBe(
      'the Electron headers could not be downloaded from https://electronjs.org/headers/v41.7.1/node-v41.7.1-headers.tar.gz',
    );
    expect(summarizeFailure('gyp ERR! stack Error: `make` failed with exit code: 2\ngyp ERR! not ok')).toBe(
      'Error: `make` failed with exit code: 2',
    );
  });
});

describe('stageElectronBinding (no compile)', () => {
  function fakeProject() {
    dir = mkdtempSync(join(tmpdir(), 'native-stage-'));
    mkdirSync(join(dir, 'node_modules', 'electron'), { recursive: true });
    mkdirSync(join(dir, 'node_modules', 'better-sqlite3'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'electron', 'package.json'), '{"version":"41.7.1"}');
    writeFileSync(join(dir, 'node_modules', 'electron', 'abi_version'), '145');
    writeFileSync(join(dir, 'node_modules', 'better-sqlite3', 'package.json'), '{"version":"12.11.1"}');
    mkdirSync(stagedDir(dir, '41.7.1'), { recursive: true });
    return dir;
  }
  const info = { version: '41.7.1', abi: '145' };

  it('is a no-op when the staged build is current', async () => {
    const root = fakeProject();
    writeFileSync(join(stagedDir(root, '41.7.1'), 'better_sqlite3.node'), 'binary');
    writeFileSync(
      join(stagedDir(root, '41.7.1'), 'better_sqlite3.json'),
      JSON.stringify({ electron: '41.7.1', abi: '145', betterSqlite3: '12.11.1' }),
    );
    expect((await stageElectronBinding({ root })).status).toBe('current');
  });

  it('does not retry a compile that failed within the last day, unless forced', async () => {
    const root = fakeProject();
    const failure = {
      electron: '41.7.1',
      abi: '145',
      betterSqlite3: '12.11.1',
      reason: 'make failed',
      at: new Date().toISOString(),
    };
    writeFileSync(join(stagedDir(root, '41.7.1'), 'last-failure.json'), JSON.stringify(failure));
    const result = await stageElectronBinding({ root });
    expect(result).toMatchObject({ status: 'unavailable' });
    expect(result.message).toMatch(/last build .* failed \(make failed\).*--force/);
    expect(recentFailure(root, info, '12.11.1', Date.now() + 25 * 60 * 60 * 1000)).toBeUndefined();
    expect(recentFailure(root, info, '12.12.0')).toBeUndefined();
    // Forced, it goes on to the build; this fake project has no node-gyp, so it stops there.
    expect((await stageElectronBinding({ root, force: true })).message).toMatch(/node-gyp is not installed/);
  });
});
