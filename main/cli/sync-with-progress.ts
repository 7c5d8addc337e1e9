import type { CliContext } from './context';
import type { MirrorDb } from '../db/open';
import type { SyncSummary } from '../services/sync/sync-mirror';
import type { SyncTarget } from '../services/sync/sync-profile';
import { redactSecrets } from '../core/redact';
import { utcDay } from '../core/time';
import { createSyncDisplay } from './sync-display';

export type { SyncTarget } from '../services/sync/sync-profile';

export interface SyncRunOptions {
  full?: boolean;
  /** Days of history to backfill; default the profile's `sync.historyDays`. */
  historyDays?: number;
  /** null turns the local request budget off (the sandbox needs no politeness). */
  requestsPerMinute?: number | null;
}

/**
 * Runs one sync of `db` against `target` (services/sync/sync-profile.ts), showing progress on stderr: a live
 * display on a terminal, one line per finished resource otherwise (sync-display.ts). The sync also records the
 * alert episodes, so `alerts` lists what `check` finds without one running.
 */
export async function syncWithProgress(
  ctx: CliContext,
  db: MirrorDb,
  target: SyncTarget,
  options: SyncRunOptions = {},
): Promise<SyncSummary> {
  const { syncProfile, unnamedRunRate } = await import('../services/sync/sync-profile');
  const display = await createSyncDisplay(ctx.io.stderr);
  try {
    const rate = options.requestsPerMinute !== undefined ? options.requestsPerMinute : unnamedRunRate(target);
    return await syncProfile(db, target, {
      ...options,
      ...(rate !== undefined ? { requestsPerMinute: rate } : {}),
      onProgress: (p) => display.progress(p),
      onResourceDone: (r) => display.resourceDone(r),
    });
  } finally {
    display.close();
  }
}

/**
 * Exit code of a finished sync: 0 complete ("not available for this org" counts as complete), 1 partial or failed
 * (the resources that failed are listed), 3 the key was rejected. 2 (bad input) and 3 for a missing key are the
 * commands' own.
 */
export function syncExitCode(summary: SyncSummary): number {
  if (summary.status === 'credential_invalid') return 3;
  if (summary.status === 'partial' || summary.status === 'failed') return 1;
  return 0;
}

/** The resources that failed in this sync. */
export function failedResources(summary: SyncSummary): string[] {
  return summary.resources.filter((r) => r.status === 'error').map((r) => r.resource);
}

/** A short human summary for stderr/stdout when not in --json mode. */
export function describeSummary(summary: SyncSummary, profileId: string): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const lines = [
    `Sync ${summary.status}: ${summary.requests} requests, ${summary.rows} rows, ${summary.events} changes in ${seconds} s`,
  ];
  if (summary.status === 'credential_invalid') {
    lines.push(
      `The Admin API rejected the key of profile "${profileId}" (401). Local data is kept; replace the key with \`clade-admin key set\`.`,
    );
  }
  const failed = failedResources(summary);
  if (summary.status === 'partial' && failed.length > 0) {
    lines.push(
      `Partial: ${failed.join(', ')} failed; the mirror keeps what it had for them. The next sync tries again.`,
    );
  } else if (summary.status === 'failed' && summary.detail) {
    // The resource that stopped the sync has its own line above (sync-display.ts): say what it stopped, not again why.
    const stopper = summary.resources.find(
      (r) => r.status === 'error' && summary.detail!.startsWith(`${r.resource} failed: `),
    );
    lines.push(
      stopper
        ? `Stopped: nothing after ${stopper.resource} was synced (its failure is above); the mirror keeps what it had.`
        : `Stopped: ${summary.detail}`,
    );
  }
  for (const resource of summary.resources) {
    for (const day of resource.incompleteDays ?? []) {
      lines.push(
        `  ${resource.resource}: ${utcDay(day.dayMs)} left out, the API would not return it whole: ${day.message}`,
      );
    }
  }
  // Each problem once: retries of the same failure collapse into one line with their count, and the failure that
  // stopped the sync is not repeated under the line that already says it.
  const stopped = summary.status === 'failed' ? (summary.detail ?? '') : '';
  const seen = new Map<string, { line: string; times: number }>();
  for (const problem of summary.problems) {
    if (stopped.includes(problem.message)) continue;
    const request = problem.requestId ? ` (request ${problem.requestId})` : '';
    const key = `${problem.resource}\u0000${problem.message}`;
    const known = seen.get(key);
    if (known) known.times += 1;
    else seen.set(key, { line: `  ${problem.resource}: ${problem.message}${request}`, times: 1 });
  }
  for (const { line, times } of seen.values()) lines.push(times > 1 ? `${line} (${times} attempts)` : line);
  return redactSecrets(`${lines.join('\n')}\n`);
}
