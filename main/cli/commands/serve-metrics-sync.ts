/**
 * The sync side of `serve-metrics --sync-every`: the profile's mirror opened for writing and sealed as `sync` opens
 * it, the same target `sync` uses (the stored key or ANTHROPIC_ADMIN_KEY to the profile's base URL, or for the demo
 * profile the built-in sandbox, kept running while the server runs), and the services' sync loop over it. One line
 * on stderr per cycle.
 */
import { ensureMirrorFile } from '../../adapters/data-dir';
import { systemTimeZone } from '../../core/time';
import type { MetricsCycleResult } from '../../services/metrics/metrics-sync-loop';
import type { ProcessCounters } from '../../services/metrics/metrics-snapshot';
import { apiBaseUrl } from '../api-base-url';
import { sealProfileMirror } from '../audit-seal';
import { DEMO_PROFILE, type CliContext } from '../context';
import { describeError } from '../describe-error';
import { note } from '../io';
import { storedKey } from './sync';
import { deliverForCheck } from './check-webhook';
import type { WebhookFileOptions } from './alerts-webhook';

export async function startMirrorSyncLoop(
  ctx: CliContext,
  minutes: number,
  counters: ProcessCounters,
  webhook: WebhookFileOptions = {},
): Promise<{ stop(): Promise<void> }> {
  const { openMirror } = await import('../../db/open');
  const { syncProfile, unnamedRunRate } = await import('../../services/sync/sync-profile');
  const { startMetricsSyncLoop } = await import('../../services/metrics/metrics-sync-loop');
  const { startDemoTarget } = await import('../../services/profile-key');
  const demo = ctx.profileId === DEMO_PROFILE && !ctx.envAdminKey;
  const apiKey = demo ? null : await storedKey(ctx);
  const db = openMirror(ensureMirrorFile(ctx.dataDir, ctx.profileId));
  let sandbox: Awaited<ReturnType<typeof startDemoTarget>> | null = null;
  try {
    sandbox = demo ? await startDemoTarget(db) : null;
    await sealProfileMirror(ctx, db, 'open');
    const target = sandbox ?? { apiKey: apiKey!, baseURL: await apiBaseUrl(ctx) };
    const rate = unnamedRunRate(target);
    // The loop evaluates the alerts itself after each sync (once), so the sync's own alert step is off.
    const once = () =>
      syncProfile(db, target, { alerts: false, ...(rate !== undefined ? { requestsPerMinute: rate } : {}) });
    let first = true;
    const demoSandbox = sandbox;
    const loop = startMetricsSyncLoop({
      db,
      everyMs: minutes * 60_000,
      // The demo's first sync is the demo's own (baseline, scripted changes, second sync); later ones are plain syncs.
      sync: () => (demoSandbox && first ? ((first = false), demoSandbox.sync(once)) : once()),
      timeZone: systemTimeZone(),
      counters,
      // The team webhook (keychain, or --webhook-file) gets what the recorded cycle made due, under the same
      // per-episode marks as the app and `check`, so none of them posts an episode twice. A server keeps the pause
      // the app keeps after repeated failures (it runs every N minutes, unlike a cron `check`).
      afterCycle: async (result) =>
        void (await deliverForCheck(ctx, db, result.nowMs, webhook, {}, { keepPause: true })),
      onCycle: (result) => note(ctx.io, describeCycle(result)),
      onError: (error) => note(ctx.io, `sync failed: ${describeError(error)}; next try in ${minutes} min`),
    });
    return {
      stop: async () => {
        await loop.stop();
        await demoSandbox?.close();
        db.close();
      },
    };
  } catch (error) {
    await sandbox?.close();
    db.close();
    throw error;
  }
}

function describeCycle({ summary, alerts }: MetricsCycleResult): string {
  const open = alerts.cycle.reconciliation.episodes.filter((episode) => episode.closedAtMs === null).length;
  return `sync ${summary.status}: ${summary.requests} requests, ${summary.rows} rows; ${open} open alerts`;
}
