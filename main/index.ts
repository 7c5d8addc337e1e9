/** Composition root of the Electron main process: wiring only (glue in app/, use cases in services/, channels in
 * ipc/). Everything is declared before it is used (lint-checked), so the order reads as the start-up. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, ensureMirrorFile } from './adapters/data-dir';
import { createSdkVerifier } from './adapters/anthropic/verify-key';
import { createKeytarSecretStore } from './adapters/secret-store-keytar';
import type { Navigate, SyncProgress } from '../preload/contract';
import { startBackground } from './app/background';
import { log } from './app/log';
import { electronRuntime } from './app/electron-runtime';
import { utilityKeychainHost } from './app/keychain-utility-host';
import { claimSingleInstance, wireLifecycle } from './app/lifecycle';
import { enableProcessSandbox, hardenSession, lockDownWebContents } from './app/security';
import { createWindowNavigator } from './app/tray/tray-navigation';
import { createReviewPdfPrinter, createWindowSlot, type RendererPage } from './app/window';
import { createPush } from './ipc/push';
import { registerWindowIpc } from './ipc/register-window-ipc';
import { createActiveProfileData } from './services/active-profile';
import { syncIntervalMs } from './services/open-profile';
import { createWindowAccounts, initialProfileId } from './services/profiles';

async function main(): Promise<void> {
  const { app, BrowserWindow, ipcMain, session, powerMonitor, utilityProcess } = electronRuntime();
  const rendererFile = join(__dirname, '../renderer/index.html');
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const page: RendererPage = devUrl ? { url: devUrl } : { file: rendererFile };
  const window = createWindowSlot(BrowserWindow, { preloadPath: join(__dirname, '../preload/index.js'), page });
  if (!claimSingleInstance(app, () => window.reveal())) return;
  enableProcessSandbox(app);
  lockDownWebContents(app);
  await app.whenReady();
  hardenSession(session.defaultSession);

  // The window opens at once; the data arrives while it paints (sync progress push); until then: "nothing synced yet".
  const push = createPush(() => BrowserWindow.getAllWindows().map((w) => w.webContents));
  const dataDir = defaultDataDir(process.env);
  // keytar runs in a utility process, killed when the keychain stops answering (started on first use, after ready).
  const secrets = createKeytarSecretStore({ launchHost: utilityKeychainHost(utilityProcess) });
  const onProgress = (p: SyncProgress) => push('clade:sync/progress-changed', p);
  const readStoredKey = (id: string) => secrets.get(id);
  const profileId = initialProfileId(dataDir);
  // The keychain also holds each profile's audit seal, bound to its mirror when it opens (services/audit-seal.ts).
  const active = createActiveProfileData({ dataDir, profileId, readStoredKey, onProgress, log, secrets });
  const mirror = () => active.current()?.db ?? null;
  // A notification or tray item opens the window on its view: pushed now, or held until a new window asks for it.
  const toWindow = (to: Navigate) => push('clade:app/navigate-changed', to);
  const navigator = createWindowNavigator({ showWindow: window.show, push: toWindow });
  const { scheduler, alerts } = startBackground({
    sync: () => active.syncNow(),
    intervalMs: () => syncIntervalMs(active.current()?.db),
    assetsDir: join(__dirname, '../../assets'),
    mirror,
    openView: navigator.navigate,
    quit: () => app.quit(),
  });
  // A new key, another profile or a mirror moved aside: reopen the data, re-arm scheduler and tray for that mirror.
  const rearm = () => void (scheduler.reschedule(), alerts.runCycle());
  const reopen = (profileId?: string): Promise<void> => active.open(profileId).then(rearm);
  const moveAside = () => active.moveMirrorAside(Date.now()).finally(rearm);
  const { vault, profiles } = createWindowAccounts({
    dataDir,
    secrets,
    verify: createSdkVerifier('https://api.anthropic.com'),
    active: active.profileId,
    activate: reopen,
    // A key change is recorded in that profile's own mirror: the open one when it is that file.
    trail: (profileId) => ({ mirrorFile: ensureMirrorFile(dataDir, profileId), open: mirror() }),
    onTrailError: (message) => log(`A key change could not be recorded in the audit trail: ${message}`),
  });
  registerWindowIpc({
    ipcMain,
    log,
    pages: { appFileUrl: pathToFileURL(rendererFile).href, devOrigin: devUrl },
    handlers: {
      appInfo: () => ({ name: 'Clade Admin', version: app.getVersion(), mode: active.current()?.mode ?? 'demo' }),
      takeNavigation: navigator.takePending,
      mirror,
      now: () => Date.now(),
      vault,
      onKeyChanged: () => reopen(),
      profiles,
      onSyncSettingsChanged: () => scheduler.reschedule(),
      adminActions: async () => active.current()?.adminActions?.() ?? null,
      mirrorRepair: { problem: active.storageProblem, moveAside },
      reviewPdf: createReviewPdfPrinter(BrowserWindow),
    },
  });
  const windowCount = () => BrowserWindow.getAllWindows().length;
  wireLifecycle(app, { showWindow: () => void window.show(), windowCount, keepAliveWithoutWindows: () => true });
  window.show();
  powerMonitor.on('resume', () => void scheduler.trigger());
  await active.open();
  scheduler.start();
  alerts.runCycle();
  app.on('will-quit', () => void (scheduler.stop(), alerts.stop(), active.close(), secrets.close()));
}

main().catch((error: unknown) => void (log('Clade Admin could not start', error), process.exit(1)));
