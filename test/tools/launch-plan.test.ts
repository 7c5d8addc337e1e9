// The decisions behind `npm start`: window or headless demo, and when to rebuild.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  BUILD_OUTPUTS,
  findDisplay,
  findElectronBinary,
  planLaunch,
  staleBuildReason,
} from '../../main/tools/lib/launch-plan.mjs';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});
function tempProject(): string {
  dir = mkdtempSync(join(tmpdir(), 'launch-plan-'));
  return dir;
}
function write(root: string, file: string, content = 'x', mtimeSeconds?: number) {
  const path = join(root, file);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, content);
  if (mtimeSeconds !== undefined) utimesSync(path, mtimeSeconds, mtimeSeconds);
}

describe('findDisplay', () => {
  it('needs DISPLAY or WAYLAND_DISPLAY on Linux', () => {
    expect(findDisplay('linux', {}).ok).toBe(false);
    expect(findDisplay('linux', { DISPLAY: ':0' }).ok).toBe(true);
    expect(findDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' }).ok).toBe(true);
  });
  it('assumes a desktop on macOS and Windows', () => {
    expect(findDisplay('darwin', {}).ok).toBe(true);
    expect(findDisplay('win32', {}).ok).toBe(true);
  });
});

describe('findElectronBinary', () => {
  it('reports a package installed without its binary (no path.txt)', () => {
    const root = tempProject();
    write(root, 'node_modules/electron/package.json', '{"version":"41.7.1"}');
    expect(findElectronBinary(root, {}).missing).toMatch(/never downloaded/);
  });
  it('finds dist/<path.txt> like electron/index.js does', () => {
    const root = tempProject();
    write(root, 'node_modules/electron/package.json', '{"version":"41.7.1"}');
    write(root, 'node_modules/electron/path.txt', 'electron');
    write(root, 'node_modules/electron/dist/electron', '#!/bin/sh');
    expect(findElectronBinary(root, {}).path).toBe(join(root, 'node_modules/electron/dist/electron'));
  });
  it('honours ELECTRON_OVERRIDE_DIST_PATH and checks the file exists', () => {
    const root = tempProject();
    write(root, 'node_modules/electron/package.json', '{"version":"41.7.1"}');
    write(root, 'custom/electron', '#!/bin/sh');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'custom') }).path).toBe(
      join(root, 'custom/electron'),
    );
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: join(root, 'nowhere') }).missing).toMatch(/not at/);
  });
  it('reports a missing electron package', () => {
    expect(findElectronBinary(tempProject(), {}).missing).toMatch(/not installed/);
  });
});

describe('planLaunch', () => {
  const binary = { path: '/x/electron' };
  const noBinary = { missing: "Electron's binary was never downloaded" };
  it('opens the window only with both a binary and a display', () => {
    expect(planLaunch({ electron: binary, display: { ok: true } })).toEqual({
      mode: 'electron',
      binary: '/x/electron',
    });
  });
  it('runs the headless demo and explains every missing piece with how to fix it', () => {
    const plan = planLaunch({ electron: noBinary, display: { ok: false, missing: 'there is no display' } });
    expect(plan.mode).toBe('headless');
    if (plan.mode !== 'headless') return;
    expect(plan.reasons).toHaveLength(2);
    expect(plan.reasons[0]).toMatch(/install\.js/);
    expect(plan.reasons[1]).toMatch(/no display/);
  });
  it('honours --headless even when the window could open', () => {
    expect(planLaunch({ electron: binary, display: { ok: true }, forceHeadless: true }).mode).toBe('headless');
  });
});

describe('staleBuildReason', () => {
  function builtProject(outputSeconds: number, sourceSeconds: number) {
    const root = tempProject();
    for (const output of BUILD_OUTPUTS) write(root, output, 'built', outputSeconds);
    write(root, 'main/index.ts', 'src', sourceSeconds);
    write(root, 'package.json', '{}', 1_000);
    return root;
  }
  it('builds when an output is missing', () => {
    const root = builtProject(2_000, 1_500);
    rmSync(join(root, 'out/preload/index.js'));
    expect(staleBuildReason(root)).toMatch(/out\/preload\/index\.js is missing/);
  });
  it('builds when a source is newer than the oldest output', () => {
    expect(staleBuildReason(builtProject(2_000, 3_000))).toMatch(/sources changed/);
  });
  it('skips the build when out/ is newer than every source', () => {
    expect(staleBuildReason(builtProject(2_000, 1_500))).toBeUndefined();
  });
  it('ignores main/tools, which the build does not bundle', () => {
    const root = builtProject(2_000, 1_500);
    write(root, 'main/tools/start.mjs', 'tool', 3_000);
    expect(staleBuildReason(root)).toBeUndefined();
  });
});
