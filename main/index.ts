/**
 * Composition root of the Electron main process: build the dependencies, register IPC,
 * open the window. Nothing else lives here; every piece is in main/app (Electron glue) or main/ipc.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultDataDir, ensureMirrorFile } from './adapters/data-dir';
import { createKeytarSecretStore } from './adapters/secret-store-keytar';
import { log } from './app/log';
import { electronRuntime } from './app/electron-runtime';
import { claimSingleInstance, wireLifecycle } from './app/lifecycle';
import { enableProcessSandbox, hardenSession, lockDownWebContents } from './app/security';
import { createMainWindow, revealWindow, type RendererPage } from './app/window';
import type { WindowPort } from './app/electron-ports';
import { syncIntervalMs, type WindowData } from './app/window-data';
import { createActiveProfileData } from './app/active-profile-data';
import { createWindowAccounts, initialProfileId } from './app/window-vault';
import { createSdkVerifier } from './adapters/anthropic/verify-key';
import { createHandlers } from './ipc/create-handlers';
import { trayRuntime } from './app/tray/tray-runtime';
import { startTrayAndAlerts } from './app/tray/tray-and-alerts';
import { createWindowNavigator } from './app/tray/tray-navigation';
import { createSyncScheduler } from './app/scheduler';
import { registerGateway } from './ipc/gateway';
import { createPush } from './ipc/push';
import { createSenderCheck } from './ipc/sender-check';

async function main(): Promise<void> {
  const { app, BrowserWindow, ipcMain, session, powerMonitor } = electronRuntime();
  let window: WindowPort | null = null;
  if (!claimSingleInstance(app, () => window && revealWindow(window))) return;
  enableProcessSandbox(app);
  lockDownWebContents(app);
  await app.whenReady();
  hardenSession(session.defaultSession);

  const rendererFile = join(__dirname, '../renderer/index.html');
  const devUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
  const page: RendererPage = devUrl ? { url: devUrl } : { file: rendererFile };
  const push = createPush(() => BrowserWindow.getAllWindows().map((w) => w.webContents));
  // The window opens at once; the data (demo sync or the profile's mirror) arrives while it paints,
  // announced by the sync progress push. Until then the handlers answer "nothing synced yet".
  const dataDir = defaultDataDir(process.env);
  const secrets = createKeytarSecretStore();
  const active = createActiveProfileData({ dataDir, profileId: initialProfileId(dataDir), readStoredKey: (id) => secrets.get(id), onProgress: (p) => push('clade:sync/progress-changed', p), log });
  const data = (): WindowData | null => active.current();
  // A new key or another profile: reopen the data, re-arm the scheduler with that mirror's interval, refresh the tray.
  const reopen = (profileId?: string): Promise<void> => active.open(profileId).then(() => void (scheduler.reschedule(), alerts.runCycle()));
  // A notification or tray item opens the window on its view: pushed now, or held until a new window asks for it.
  const navigator = createWindowNavigator({ showWindow: () => { const had = Boolean(window && !window.isDestroyed()); showWindow(); return had; }, push: (to) => push('clade:app/navigate-changed', to) });
  const { vault, profiles } = createWindowAccounts({ dataDir, secrets, verify: createSdkVerifier('https://api.anthropic.com'), active: active.profileId, activate: (id) => reopen(id) });
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
      keyTrail: () => ({ profileId: active.profileId(), mirrorFile: ensureMirrorFile(dataDir, active.profileId()) }),
      profiles,
      onSyncSettingsChanged: () => scheduler.reschedule(),
      adminActions: async () => (data()?.adminActions?.() ?? null),
    }),
  });

  const showWindow = (): void => {
    if (window && !window.isDestroyed()) return revealWindow(window);
    window = createMainWindow(BrowserWindow, { preloadPath: join(__dirname, '../preload/index.js'), page });
  };
  wireLifecycle(app, { showWindow, windowCount: () => BrowserWindow.getAllWindows().length, keepAliveWithoutWindows: () => true });
  showWindow();
  // Syncs every sync.intervalMinutes of the open profile (15 by default), on wake and on "Sync now", never two at once.
  const scheduler = createSyncScheduler({ sync: async () => data()?.syncNow(), intervalMs: () => syncIntervalMs(data()?.db), onSyncingChanged: (s) => alerts.setSyncing(s), log });
  const alerts = startTrayAndAlerts({ electron: trayRuntime(), assetsDir: join(__dirname, '../../assets'), mirror: () => data()?.db ?? null, now: () => Date.now(), openView: navigator.navigate, quit: () => app.quit(), syncNow: () => scheduler.trigger(), log });
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
