/**
 * The web harness: the built renderer in a real browser, with `window.api` answered over
 * loopback HTTP by the same handlers Electron IPC uses, on the demo org (sandbox → SDK → sync → temp
 * mirror). Dev/test only; never shipped.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../main/ipc/create-handlers';
import { createWindowProfiles } from '../../main/services/profiles';
import { createProfilesFile } from '../../main/adapters/profiles-file';
import type { SyncProgress } from '../../preload/contract';
import { ensureRendererBuilt } from './build-renderer';
import { createHttpApi, type HttpApi } from './http-api';
import { createMemoryVault } from './memory-vault';
import { createWebhookService } from '../../main/services/webhooks/webhook-service';
import { bundleShim } from './shim-bundle';
import { openHarnessData, type HarnessDataOptions } from './harness-data';
import { serveStatic } from './static-files';

export interface HarnessOptions extends HarnessDataOptions {
  port?: number;
  log?: (message: string, error?: unknown) => void;
}

export interface RunningHarness {
  url: string;
  api: HttpApi;
  /** The demo sandbox's admin key (null with `empty`), for tests that connect a real-shaped key. */
  sandboxAdminKey: string | null;
  /** The demo sandbox's loopback URL (null with `empty`), for tests that read what it serves. */
  sandboxUrl: string | null;
  /** What the in-memory keychain holds (tests check nothing else kept the key). */
  storedKeys: Map<string, string>;
  close: () => Promise<void>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<RunningHarness> {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(`[harness] ${message}`, error ?? ''));
  const [root, shim] = await Promise.all([ensureRendererBuilt(), bundleShim()]);
  const dir = mkdtempSync(join(tmpdir(), 'clade-harness-'));
  // Sync progress reaches the page once the HTTP face exists (the data opens first, as in the app).
  let pushProgress = (progress: SyncProgress): void => void progress;
  const data = await openHarnessData(dir, options, (p) => pushProgress(p), log);
  // Profiles live in the temp dir's profiles.json; every profile shows the demo org here (no live mode), so a
  // switch only changes which profile is active. Without a demo there is no sandbox to verify against; a closed
  // port makes every verification fail cleanly.
  let activeProfile = 'default';
  const profilesFile = createProfilesFile(dir);
  const vault = createMemoryVault(data.sandboxUrl ?? 'http://127.0.0.1:9', {
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
    mirror: data.mirror,
    now: () => Date.now(),
    adminActions: data.adminActions,
    mirrorRepair: data.mirrorRepair,
    // The team webhook's URL goes to the same in-memory keychain (Settings → Team webhook).
    webhooks: createWebhookService({
      secrets: vault.secrets,
      profileId: () => activeProfile,
      mirror: data.mirror,
      now: () => Date.now(),
      log,
    }),
  });
  const api = createHttpApi(handlers, log);
  pushProgress = (progress) => api.push('clade:sync/progress-changed', progress);
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
    sandboxAdminKey: data.sandboxAdminKey,
    sandboxUrl: data.sandboxUrl,
    storedKeys: vault.storedKeys,
    close: async () => {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await data.close();
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
