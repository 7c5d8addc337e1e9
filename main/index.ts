/** Composition root of the Electron main process: wiring only (glue in app/, use cases in services/, channels in
 * ipc/). Everything is declared before it is used (lint-checked), so the order reads as the start-up. */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, ensureMirrorFile } from './adapters/data-dir';
import { createSdkVerifier } from './adapters/anthropic/verify-key';
import { createKeytarSecretStore } from './adapters/secret-store-keytar';
import { createProgressRelay, startBackground } from './app/background';
import { startDesktop } from './app/desktop';
import { log } from './app/log';
import { electronRuntime, openLogFile } from './app/electron-runtime';
import { utilityKeychainHost } from './app/keychain-utility-host';
import { claimSingleInstance } from './app/lifecycle';
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
  // keytar runs in a utility process (started on first use, killed when it hangs); it also keeps the audit seals.
  const secrets = createKeytarSecretStore({ launchHost: utilityKeychainHost(utilityProcess) });
  const sync = createProgressRelay((p) => push('clade:sync/progress-changed', p));
  const profileId = initialProfileId(dataDir);
  const active = createActiveProfileData({ dataDir, profileId, onProgress: sync.report, log, secrets });
  const mirror = () => active.current()?.db ?? null;
  const desktop = startDesktop({ electron: electronRuntime(), dataDir, window, active, openLogFile });
  // A notification or tray item opens the window on its view: pushed now, or held until a new window asks for it.
  const nav = createWindowNavigator({ showWindow: window.show, push: (to) => push('clade:app/navigate-changed', to) });
  const { scheduler, alerts, webhooks } = startBackground({
    sync: () => active.syncNow(),
    intervalMs: () => syncIntervalMs(active.current()?.db),
    progress: sync,
    assetsDir: join(__dirname, '../../assets'),
    mirror,
    openView: nav.navigate,
    quit: () => app.quit(),
    webhookKeychain: { secrets, profileId: active.profileId },
    storageProblem: active.storageProblem,
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
      takeNavigation: nav.takePending,
      mirror,
      now: () => Date.now(),
      vault,
      onKeyChanged: () => reopen(),
      profiles,
      onSyncSettingsChanged: () => scheduler.reschedule(),
      adminActions: async () => active.current()?.adminActions?.() ?? null,
      mirrorRepair: { problem: active.storageProblem, moveAside },
      desktop: desktop.port,
      webhooks,
      reviewPdf: createReviewPdfPrinter(BrowserWindow),
    },
  });
  if (!desktop.startHidden) window.show();
  powerMonitor.on('resume', () => void scheduler.trigger());
  await active.open();
  void (scheduler.start(), alerts.runCycle());
  app.on('will-quit', () => void (scheduler.stop(), alerts.stop(), active.close(), secrets.close()));
}

main().catch((error: unknown) => void (log('Clade Admin could not start', error), process.exit(1)));
