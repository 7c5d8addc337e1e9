// Can electron's postinstall get its binary? Asked before the install so an offline machine does not
// spend minutes on an `npm ci` (compiling better-sqlite3 and keytar) that is bound to fail at the
// very end. Conservative: only a clear "cannot connect" (DNS failure, refused, timeout) counts as
// unreachable; behind a proxy, or with the zip already in electron's cache, we let npm try.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { homedir } from 'node:os';
import { join } from 'node:path';

const DEFAULT_MIRROR = 'https://github.com/electron/electron/releases/download/';
const UNREACHABLE = new Set([
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ECONNRESET',
]);

/** The electron version the lockfile pins, or undefined. */
export function lockedElectronVersion(root) {
  try {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    return lock.packages?.['node_modules/electron']?.version;
  } catch {
    return undefined;
  }
}

/** The URL electron's install script (via @electron/get) downloads for this machine. */
export function electronZipUrl(version, env = process.env, platform = process.platform, arch = process.arch) {
  const mirror = env.ELECTRON_MIRROR || env.npm_config_electron_mirror || DEFAULT_MIRROR;
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
  const customDir = env.ELECTRON_CUSTOM_DIR || `v${version}`;
  return `${base}${customDir}/electron-v${version}-${platform}-${arch}.zip`;
}

/** True when a zip for this version already sits in electron's download cache (install works offline). */
export function electronZipCached(version, env = process.env, platform = process.platform, arch = process.arch) {
  const cacheRoot =
    env.electron_config_cache ||
    env.ELECTRON_CACHE ||
    (platform === 'darwin'
      ? join(homedir(), 'Library', 'Caches', 'electron')
      : platform === 'win32'
        ? join(env.LOCALAPPDATA || homedir(), 'electron', 'Cache')
        : join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'electron'));
  const name = `electron-v${version}-${platform}-${arch}.zip`;
  if (!existsSync(cacheRoot)) return false;
  try {
    return readdirSync(cacheRoot, { withFileTypes: true }).some(
      (entry) => entry.name === name || (entry.isDirectory() && existsSync(join(cacheRoot, entry.name, name))),
    );
  } catch {
    return false;
  }
}

/** Resolves { reachable, detail }. Any HTTP answer (even 404) means the host is reachable. */
export function probeUrl(url, timeoutMs = 8000) {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result) => {
      if (!settled) {
        settled = true;
        resolve(result);
      }
    };
    try {
      const req = request(url, { method: 'HEAD', timeout: timeoutMs }, (res) => {
        res.resume();
        finish({ reachable: true, detail: `HTTP ${res.statusCode}` });
      });
      req.on('timeout', () => {
        req.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
      });
      req.on('error', (error) =>
        finish({ reachable: !UNREACHABLE.has(error.code), detail: error.code || error.message }),
      );
      req.end();
    } catch (error) {
      finish({ reachable: true, detail: String(error) });
    }
  });
}

/**
 * Decides whether to skip Electron's binary download up front. Resolves { skip, reason }.
 * `probe` is injectable for tests.
 */
export async function shouldSkipElectronDownload({ root, env = process.env, probe = probeUrl } = {}) {
  if (env.ELECTRON_SKIP_BINARY_DOWNLOAD === '1')
    return { skip: true, reason: 'ELECTRON_SKIP_BINARY_DOWNLOAD=1 is already set' };
  const version = lockedElectronVersion(root);
  if (!version) return { skip: false, reason: 'no electron version in the lockfile' };
  if (electronZipCached(version, env)) return { skip: false, reason: `Electron ${version} is in the download cache` };
  if (env.HTTPS_PROXY || env.https_proxy || env.ELECTRON_GET_USE_PROXY)
    return { skip: false, reason: 'a proxy is configured' };
  const url = electronZipUrl(version, env);
  const result = await probe(url);
  return result.reachable
    ? { skip: false, reason: `${new URL(url).host} answers (${result.detail})` }
    : { skip: true, reason: `${new URL(url).host} is unreachable (${result.detail})` };
}
