// setup.mjs skips Electron's binary download up front only when its host clearly cannot be reached,
// and never when the zip is cached or a proxy is configured (then npm tries, and the fallback covers it).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  electronZipCached,
  electronZipUrl,
  probeUrl,
  shouldSkipElectronDownload,
} from '../../main/tools/lib/electron-probe.mjs';

let dir: string | undefined;
let server: Server | undefined;
afterEach(async () => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

function projectWithElectron(version = '41.7.1') {
  dir = mkdtempSync(join(tmpdir(), 'electron-probe-'));
  writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ packages: { 'node_modules/electron': { version } } }));
  return dir;
}

const unreachable = async () => ({ reachable: false, detail: 'ENOTFOUND' });
const reachable = async () => ({ reachable: true, detail: 'HTTP 302' });

describe('electronZipUrl', () => {
  it('is the GitHub release asset by default and follows ELECTRON_MIRROR', () => {
    expect(electronZipUrl('41.7.1', {}, 'linux', 'x64')).toBe(
      'https://github.com/electron/electron/releases/download/v41.7.1/electron-v41.7.1-linux-x64.zip',
    );
    expect(electronZipUrl('41.7.1', { ELECTRON_MIRROR: 'https://mirror.example/electron' }, 'darwin', 'arm64')).toBe(
      'https://mirror.example/electron/v41.7.1/electron-v41.7.1-darwin-arm64.zip',
    );
  });
});

describe('electronZipCached', () => {
  it('finds a zip in a hashed subfolder of the cache', () => {
    const cache = join(projectWithElectron(), 'cache');
    mkdirSync(join(cache, 'abc123'), { recursive: true });
    expect(electronZipCached('41.7.1', { electron_config_cache: cache }, 'linux', 'x64')).toBe(false);
    writeFileSync(join(cache, 'abc123', 'electron-v41.7.1-linux-x64.zip'), 'zip');
    expect(electronZipCached('41.7.1', { electron_config_cache: cache }, 'linux', 'x64')).toBe(true);
  });
});

describe('shouldSkipElectronDownload', () => {
  it('skips when the download host is unreachable, and says which host', async () => {
    const result = await shouldSkipElectronDownload({ root: projectWithElectron(), env: {}, probe: unreachable });
    expect(result).toEqual({ skip: true, reason: 'github.com is unreachable (ENOTFOUND)' });
  });
  it('tries the normal install when the host answers', async () => {
    expect((await shouldSkipElectronDownload({ root: projectWithElectron(), env: {}, probe: reachable })).skip).toBe(
      false,
    );
  });
  it('does not second-guess a proxy or a cached zip', async () => {
    const root = projectWithElectron();
    expect(
      (await shouldSkipElectronDownload({ root, env: { HTTPS_PROXY: 'http://proxy:3128' }, probe: unreachable })).skip,
    ).toBe(false);
    mkdirSync(join(root, 'cache'));
    writeFileSync(join(root, 'cache', `electron-v41.7.1-${process.platform}-${process.arch}.zip`), 'zip');
    expect(
      (
        await shouldSkipElectronDownload({
          root,
          env: { electron_config_cache: join(root, 'cache') },
          probe: unreachable,
        })
      ).skip,
    ).toBe(false);
  });
  it('honours an explicit ELECTRON_SKIP_BINARY_DOWNLOAD=1', async () => {
    const result = await shouldSkipElectronDownload({
      root: projectWithElectron(),
      env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      probe: reachable,
    });
    expect(result.skip).toBe(true);
  });
});

describe('probeUrl', () => {
  it('counts a refused connection as unreachable', async () => {
    server = createServer();
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => server!.close(() => resolve()));
    server = undefined;
    const result = await probeUrl(`https://127.0.0.1:${port}/x.zip`, 2000);
    expect(result).toEqual({ reachable: false, detail: 'ECONNREFUSED' });
  });
});
