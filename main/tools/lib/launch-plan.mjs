// Pure decisions behind `npm start`: is the build stale, is there an Electron binary, is there a
// display, and therefore: open the window or run the headless demo (and say why).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
];
export const BUILD_INPUTS = ['main', 'preload', 'renderer', 'electron.vite.config.ts', 'package.json', 'tsconfig.json'];
const SKIPPED_INPUTS = new Set(['tools', 'node_modules']);

function newestMtime(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (SKIPPED_INPUTS.has(entry)) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** Why the build must run, or undefined when out/ is complete and newer than every source file. */
export function staleBuildReason(root) {
  let oldestOutput = Infinity;
  for (const output of BUILD_OUTPUTS) {
    const file = join(root, output);
    if (!existsSync(file)) return `${output} is missing`;
    oldestOutput = Math.min(oldestOutput, statSync(file).mtimeMs);
  }
  const newestInput = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(root, input))));
  return newestInput > oldestOutput ? 'sources changed since the last build' : undefined;
}

/**
 * Locates the Electron executable the way node_modules/electron/index.js does (path.txt, dist/,
 * ELECTRON_OVERRIDE_DIST_PATH) without requiring it (which throws when the binary is absent).
 * Returns { path } or { missing: sentence }.
 */
export function findElectronBinary(root, env = process.env) {
  const dir = join(root, 'node_modules', 'electron');
  if (!existsSync(join(dir, 'package.json'))) return { missing: 'the electron package is not installed' };
  let relative;
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    relative = undefined;
  }
  let path;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
  else if (relative) path = join(dir, 'dist', relative);
  else
    return {
      missing:
        "Electron's binary was never downloaded (installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or github.com was unreachable)",
    };
  return existsSync(path) ? { path } : { missing: `Electron's binary is not at ${path}` };
}

/** Linux and the BSDs need an X11 or Wayland session; macOS and Windows always have a desktop. */
export function findDisplay(platform = process.platform, env = process.env) {
  if (platform === 'darwin' || platform === 'win32') return { ok: true };
  if (env.DISPLAY || env.WAYLAND_DISPLAY) return { ok: true };
  return { ok: false, missing: 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)' };
}

/**
 * The launch decision. Returns { mode: 'electron', binary } or { mode: 'headless', reasons: string[] }
 * where reasons explain, in order, why the window cannot open and how to fix it.
 */
export function planLaunch({ electron, display, forceHeadless = false }) {
  const reasons = [];
  if (forceHeadless) reasons.push('--headless was given');
  if (!electron.path) {
    reasons.push(
      `${electron.missing}.\n    To get it, on a network that reaches github.com run \`node node_modules/electron/install.js\`` +
        ' (or set ELECTRON_MIRROR to a mirror), then `npm start` again.',
    );
  }
  if (!display.ok)
    reasons.push(
      `${display.missing}.\n    Run \`npm start\` inside a desktop session (X11 or Wayland) to open the window.`,
    );
  return reasons.length === 0 ? { mode: 'electron', binary: electron.path } : { mode: 'headless', reasons };
}
