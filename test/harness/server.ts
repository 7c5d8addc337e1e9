/**
 * The web harness: the built renderer in a real browser, with `window.api` answered over
 * loopback HTTP by the same handlers Electron IPC uses, on the demo org (sandbox → SDK → sync → temp
 * mirror). Dev/test only; never shipped.
 */
import { createAdminActionsClient } from '../../main/services/actions/run-admin-action';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../main/ipc/create-handlers';
import { openDemoOrg } from '../../main/services/demo/demo-org';
import { recordAlertCycle } from '../../main/services/alerts/evaluate-alerts';
import { createWindowProfiles } from '../../main/services/profiles';
import { createProfilesFile } from '../../main/adapters/profiles-file';
import type { SandboxSize } from '../../main/sandbox/index';
import { ensureRendererBuilt } from './build-renderer';
import { createHttpApi, type HttpApi } from './http-api';
import { createMemoryVault } from './memory-vault';
import { bundleShim } from './shim-bundle';
import { serveStatic } from './static-files';

export interface HarnessOptions {
  port?: number;
  size?: SandboxSize;
  seed?: number;
  /** Serve an empty mirror (first run: the window shows onboarding). */
  empty?: boolean;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningHarness {
  url: string;
  api: HttpApi;
  /** The demo sandbox's admin key (null with `empty`), for tests that connect a real-shaped key. */
  sandboxAdminKey: string | null;
  /** What the in-memory keychain holds (tests check nothing else kept the key). */
  storedKeys: Map<string, string>;
  close: () => Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<RunningHarness> {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[harness] ${message}`, error ?? ''));
  const [root, shim] = await Promise.all([ensureRendererBuilt(), bundleShim()]);
  const dir = mkdtempSync(join(tmpdir(), 'clade-harness-'));
  const demo = options.empty
    ? null
    : await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), size: options.size, seed: options.seed });
  // Like the app after a sync: one alert cycle records the open episodes (the window reads them; nothing notifies here).
  if (demo) recordAlertCycle(demo.db, Date.now(), { defaultTz: 'UTC' });
  // Profiles live in the temp dir's profiles.json; every profile shows the demo org here (no live mode), so a
  // switch only changes which profile is active. Without a demo there is no sandbox to verify against; a closed
  // port makes every verification fail cleanly.
  let activeProfile = 'default';
  const profilesFile = createProfilesFile(dir);
  const vault = createMemoryVault(demo?.sandbox.url ?? 'http://127.0.0.1:9', {
    profiles: profilesFile,
    profileId: () => activeProfile,
  });
  const profiles = createWindowProfiles({
    dataDir: dir,
    secrets: vault.secrets,
    profiles: profilesFile,
    clock: Date,
    active: () => activeProfile,
    activate: async (id) => void (activeProfile = id),
  });
  const handlers = createHandlers({
    vault,
    profiles,
    onKeyChanged: async () => undefined,
    appInfo: () => ({ name: 'Clade Admin', version: '0.0.0-harness', mode: 'demo' }),
    mirror: () => demo?.db ?? null,
    now: () => Date.now(),
    adminActions: async () =>
      demo ? createAdminActionsClient({ apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url }) : null,
  });
  const api = createHttpApi(handlers, log);
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://harness.invalid').pathname;
    const done = path.startsWith('/api/') ? api.handle(req, res) : serveStatic(root, path, shim, res);
    done.catch((error: unknown) => {
      log('request failed', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await listen(server, options.port ?? 0);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    api,
    sandboxAdminKey: demo?.sandbox.adminKey ?? null,
    storedKeys: vault.storedKeys,
    close: async () => {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await demo?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
}
