// setup.mjs decides when to retry an install without Electron's binary, and install-state.mjs
// decides when `--check` (pretest) may skip the install. Both are pure over text/JSON, tested here
// with the shapes npm really writes (package-lock v3 and node_modules/.package-lock.json).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstLockDifference, inspectInstall, manifestMatchesLock } from '../../main/tools/lib/install-state.mjs';
import { electronDownloadFailed, installArgs, sqliteBuiltForOtherRuntime } from '../../main/tools/setup.mjs';

// What npm 11 prints when electron's postinstall cannot reach GitHub (stack.md §6).
const ELECTRON_FAILURE = `npm error code 1
npm error path /work/app/node_modules/electron
npm error command failed
npm error command sh -c node install.js
npm error RequestError: getaddrinfo ENOTFOUND github.com
`;
const KEYTAR_FAILURE = `npm error code 1
npm error path /work/app/node_modules/keytar
npm error command failed
npm error command sh -c prebuild-install || node-gyp rebuild
npm error Package libsecret-1 was not found in the pkg-config search path.
`;
const REGISTRY_FAILURE =
  'npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/electron-nope\n';

describe('electronDownloadFailed', () => {
  it('recognises a failed electron postinstall', () => {
    expect(electronDownloadFailed(ELECTRON_FAILURE)).toBe(true);
  });
  it('does not blame electron for another native module or the registry', () => {
    expect(electronDownloadFailed(KEYTAR_FAILURE)).toBe(false);
    expect(electronDownloadFailed(REGISTRY_FAILURE)).toBe(false);
  });
  it('does not confuse electron-vite or electron-builder with electron', () => {
    expect(electronDownloadFailed('npm error path /x/node_modules/electron-builder\nnpm error command failed')).toBe(
      false,
    );
  });
});

describe('installArgs', () => {
  it('uses npm ci when the lockfile is usable, npm install otherwise', () => {
    expect(installArgs(true)[0]).toBe('ci');
    expect(installArgs(false)[0]).toBe('install');
  });
});

const lock = {
  lockfileVersion: 3,
  packages: {
    '': { name: 'app', dependencies: { zod: '^4.6.7' }, devDependencies: { vitest: '^4.1.12' } },
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/vitest': { version: '4.1.12', dev: true },
    'node_modules/@esbuild/darwin-arm64': { version: '0.25.0', optional: true, os: ['darwin'] },
  },
};
const hidden = {
  lockfileVersion: 3,
  packages: {
    'node_modules/zod': { version: '4.6.7' },
    'node_modules/vitest': { version: '4.1.12', dev: true },
  },
};

describe('firstLockDifference', () => {
  it('accepts an install that matches, ignoring absent optional packages of other platforms', () => {
    expect(firstLockDifference(lock, hidden)).toBeUndefined();
  });
  it('names a missing package', () => {
    const partial = { packages: { 'node_modules/zod': { version: '4.6.7' } } };
    expect(firstLockDifference(lock, partial)).toBe('node_modules/vitest is missing');
  });
  it('names a version mismatch', () => {
    const old = { packages: { ...hidden.packages, 'node_modules/zod': { version: '4.0.0' } } };
    expect(firstLockDifference(lock, old)).toMatch(/node_modules\/zod is 4\.0\.0, the lockfile wants 4\.6\.7/);
  });
});

describe('manifestMatchesLock', () => {
  it('is true when package.json declares exactly the locked ranges', () => {
    expect(manifestMatchesLock({ dependencies: { zod: '^4.6.7' }, devDependencies: { vitest: '^4.1.12' } }, lock)).toBe(
      true,
    );
  });
  it('is false when a dependency was added or changed in package.json only', () => {
    expect(
      manifestMatchesLock(
        { dependencies: { zod: '^4.6.7', uplot: '^1' }, devDependencies: { vitest: '^4.1.12' } },
        lock,
      ),
    ).toBe(false);
    expect(manifestMatchesLock({ dependencies: { zod: '^5' }, devDependencies: { vitest: '^4.1.12' } }, lock)).toBe(
      false,
    );
  });
});

describe('inspectInstall', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  function project(withNodeModules: boolean, hiddenLock?: object) {
    dir = mkdtempSync(join(tmpdir(), 'setup-test-'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ dependencies: { zod: '^4.6.7' }, devDependencies: { vitest: '^4.1.12' } }),
    );
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(lock));
    if (withNodeModules) mkdirSync(join(dir, 'node_modules'));
    if (hiddenLock) writeFileSync(join(dir, 'node_modules', '.package-lock.json'), JSON.stringify(hiddenLock));
    return dir;
  }
  it('reports installed when node_modules matches the lockfile', () => {
    expect(inspectInstall(project(true, hidden))).toEqual({
      installed: true,
      reason: 'node_modules matches package-lock.json',
      lockUsable: true,
    });
  });
  it('asks for an install when node_modules or its hidden lockfile is missing', () => {
    expect(inspectInstall(project(false)).installed).toBe(false);
    expect(inspectInstall(project(true)).reason).toMatch(/\.package-lock\.json is missing/);
  });
});

describe('sqliteBuiltForOtherRuntime', () => {
  it('is false for the installed Node build and true for an addon of another ABI', () => {
    const root = join(__dirname, '..', '..');
    expect(sqliteBuiltForOtherRuntime(root)).toBe(false);
    expect(sqliteBuiltForOtherRuntime(root, '145')).toBe(true);
  });
});
