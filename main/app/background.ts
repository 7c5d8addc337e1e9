/**
 * The app's background work: the sync scheduler (every sync.intervalMinutes of the open profile, on wake and on
 * "Sync now", never two at once) and the tray with its alert cycle, which also posts to the profile's team webhook
 * (the webhook service is returned too: the Settings view's channels use the same one and its cached URL). They reach each other: the tray's "Sync now"
 * drives the scheduler, and the scheduler's syncing state shows in the tray, so the scheduler is built first and
 * told where to report once the tray exists.
 */
import type { SecretStorePort } from '../core/vault/ports';
import { createWebhookService, type WebhookService } from '../services/webhooks/webhook-service';
import { log } from './log';
import { followSyncProgress, type ProgressRelay } from './progress-relay';
import { createSyncScheduler, type SyncScheduler } from './scheduler';
import { trayRuntime } from './tray/tray-runtime';
import { startTrayAndAlerts, type TrayAndAlerts, type TrayAndAlertsDeps } from './tray/tray-and-alerts';

export { createProgressRelay } from './progress-relay';

export interface BackgroundDeps extends Omit<TrayAndAlertsDeps, 'syncNow' | 'electron' | 'now' | 'log' | 'webhooks'> {
  /** The keychain, where the team webhook's URL is kept, and the active profile. */
  webhookKeychain: { secrets: SecretStorePort; profileId: () => string };
  /** One sync of the open profile's data. */
  sync: () => Promise<void>;
  /** The scheduler's interval now (the open profile's setting). */
  intervalMs: () => number;
  /** Every sync's progress, the first one too (it runs when a profile opens, outside the scheduler). */
  progress?: ProgressRelay;
}

export function startBackground(deps: BackgroundDeps): {
  scheduler: SyncScheduler;
  alerts: TrayAndAlerts;
  webhooks: WebhookService;
} {
  let reportSyncing: (syncing: boolean) => void = () => undefined;
  const scheduler = createSyncScheduler({
    sync: deps.sync,
    intervalMs: deps.intervalMs,
    onSyncingChanged: (syncing) => reportSyncing(syncing),
    log,
  });
  const { sync: _sync, intervalMs: _intervalMs, progress, webhookKeychain, ...trayDeps } = deps;
  const webhooks = createWebhookService({ ...webhookKeychain, mirror: deps.mirror, now: () => Date.now(), log });
  const alerts = startTrayAndAlerts({
    ...trayDeps,
    webhooks,
    electron: trayRuntime(),
    now: () => Date.now(),
    log,
    syncNow: () => scheduler.trigger(),
  });
  reportSyncing = (syncing) => alerts.setSyncing(syncing);
  if (progress) followSyncProgress(progress, alerts, scheduler);
  return { scheduler, alerts, webhooks };
}
