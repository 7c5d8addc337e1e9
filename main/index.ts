/**
 * Composition root of the Electron main process: build the dependencies, register IPC, open the window, start the
 * scheduler and the tray. Nothing else lives here: Electron glue is in main/app, use cases in main/services, the
 * channels in main/ipc. Everything is declared before it is used (lint-checked), so the order reads as the start-up.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, ensureMirrorFile } from './adapters/data-dir';
import { createSdkVerifier } from './adapters/anthropic/verify-key';
import { createKeytarSecretStore } from './adapters/secret-store-keytar';
import { log } from './app/log';
import { electronRuntime } from './app/electron-runtime';
import type { WindowPort } from './app/electron-ports';
import { claimSingleInstance, wireLifecycle } from './app/lifecycle';
import { createSyncScheduler } from './app/scheduler';
import { enableProcessSandbox, hardenSession, lockDownWebContents } from './app/security';
import { startTrayAndAlerts } from './app/tray/tray-and-alerts';
import { createWindowNavigator } from './app/tray/tray-navigation';
import { trayRuntime } from './app/tray/tray-runtime';
import { createMainWindow, revealWindow, type RendererPage } from './app/window';
import { createHandlers } from './ipc/create-handlers';
import { registerGateway } from './ipc/gateway';
import { createPush } from './ipc/push';
import { createSenderCheck } from './ipc/sender-check';
import { createActiveProfileData } from './services/active-profile';
import { syncIntervalMs, type WindowData } from './services/open-profile';
import { createWindowAccounts, initialProfileId } from './services/profiles';

async function main(): Promise<void> {
  const { app, BrowserWindow, ipcMain, session, powerMonitor } = electronRuntime();
  const rendererFile = join(__dirname, '../renderer/index.html');
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const page: RendererPage = devUrl ? { url: devUrl } : { file: rendererFile };
  let window: WindowPort | null = null;
  const windowOpen = (): boolean => Boolean(window && !window.isDestroyed());
  const showWindow = (): void => {
    if (window && windowOpen()) return revealWindow(window);
    window = createMainWindow(BrowserWindow, { preloadPath: join(__dirname, '../preload/index.js'), page });
  };

  if (!claimSingleInstance(app, () => window && revealWindow(window))) return;
  enableProcessSandbox(app);
  lockDownWebContents(app);
  await app.whenReady();
  hardenSession(session.defaultSession);

  // The window opens at once; the data (demo sync or the profile's mirror) arrives while it paints,
  // announced by the sync progress push. Until then the handlers answer "nothing synced yet".
  const push = createPush(() => BrowserWindow.getAllWindows().map((w) => w.webContents));
  const dataDir = defaultDataDir(process.env);
  const secrets = createKeytarSecretStore();
  const active = createActiveProfileData({
    dataDir,
    profileId: initialProfileId(dataDir),
    readStoredKey: (id) => secrets.get(id),
    onProgress: (p) => push('clade:sync/progress-changed', p),
    log,
  });
  const data = (): WindowData | null => active.current();
  // A notification or tray item opens the window on its view: pushed now, or held until a new window asks for it.
  const navigator = createWindowNavigator({
    showWindow: () => {
      const had = windowOpen();
      showWindow();
      return had;
    },
    push: (to) => push('clade:app/navigate-changed', to),
  });

  // The tray's "Sync now" drives the scheduler, and the scheduler's syncing state shows in the tray: the scheduler
  // is built first and told where to report once the tray exists.
  let reportSyncing: (syncing: boolean) => void = () => undefined;
  // Syncs every sync.intervalMinutes of the open profile (15 by default), on wake and on "Sync now", never two at once.
  const scheduler = createSyncScheduler({
    sync: async () => data()?.syncNow(),
    intervalMs: () => syncIntervalMs(data()?.db),
    onSyncingChanged: (s) => reportSyncing(s),
    log,
  });
  const alerts = startTrayAndAlerts({
    electron: trayRuntime(),
    assetsDir: join(__dirname, '../../assets'),
    mirror: () => data()?.db ?? null,
    now: () => Date.now(),
    openView: navigator.navigate,
    quit: () => app.quit(),
    syncNow: () => scheduler.trigger(),
    log,
  });
  reportSyncing = (s) => alerts.setSyncing(s);

  // A new key or another profile: reopen the data, re-arm the scheduler with that mirror's interval, refresh the tray.
  const reopen = (profileId?: string): Promise<void> =>
    active.open(profileId).then(() => void (scheduler.reschedule(), alerts.runCycle()));
  const { vault, profiles } = createWindowAccounts({
    dataDir,
    secrets,
    verify: createSdkVerifier('https://api.anthropic.com'),
    active: active.profileId,
    activate: (id) => reopen(id),
    // A key change is recorded in that profile's own mirror: the open one when it is that file.
    trail: (profileId) => ({ mirrorFile: ensureMirrorFile(dataDir, profileId), open: data()?.db ?? null }),
    onTrailError: (message) => log(`A key change could not be recorded in the audit trail: ${message}`),
  });
  registerGateway({
    ipcMain,
    log,
    isTrustedSender: createSenderCheck({ appFileUrl: pathToFileURL(rendererFile).href, devOrigin: devUrl }),
    handlers: createHandlers({
      appInfo: () => ({ name: 'Clade Admin', version: app.getVersion(), mode: data()?.mode ?? 'demo' }),
      takeNavigation: navigator.takePending,
      mirror: () => data()?.db ?? null,
      now: () => Date.now(),
      vault,
      onKeyChanged: () => reopen(),
      profiles,
      onSyncSettingsChanged: () => scheduler.reschedule(),
      adminActions: async () => data()?.adminActions?.() ?? null,
    }),
  });

  wireLifecycle(app, {
    showWindow,
    windowCount: () => BrowserWindow.getAllWindows().length,
    keepAliveWithoutWindows: () => true,
  });
  showWindow();
  powerMonitor.on('resume', () => void scheduler.trigger());
  await active.open();
  scheduler.start();
  alerts.runCycle();
  app.on('will-quit', () => {
    scheduler.stop();
    alerts.stop();
    void active.close();
  });
}

main().catch((error: unknown) => {
  log('Clade Admin could not start', error);
  process.exit(1);
});
