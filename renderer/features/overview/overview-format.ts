/** Words and numbers for the overview: target names, crossing days, the offline state. Pure. */
import type { Overview, SpendTarget } from '../../../preload/contract';
import { formatAge, formatFreshness } from '../../lib/format';

/** "2026-11-24" (a UTC day) → "24 Nov". */
export function formatDay(day: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function targetName(target: SpendTarget): string {
  return target.source === 'budget' ? 'budget' : 'spend limit';
}

/** "reaches its budget around 24 Nov", "passed its spend limit on 5 Nov", "stays within its budget". */
export function crossingPhrase(target: SpendTarget, todayUtc: string): string {
  const what = targetName(target);
  if (target.percent >= 100)
    return target.crossingDay ? `passed its ${what} on ${formatDay(target.crossingDay)}` : `is over its ${what}`;
  if (target.crossingDay === null) return `stays within its ${what} this month`;
  if (target.crossingDay <= todayUtc) return `reaches its ${what} today`;
  return `reaches its ${what} around ${formatDay(target.crossingDay)}`;
}

/** The target that binds first: the highest percentage; on a tie the limit (it stops traffic, a budget does not). */
export function mostPressing(targets: readonly SpendTarget[]): SpendTarget | null {
  let best: SpendTarget | null = null;
  for (const target of targets) {
    if (
      best === null ||
      target.percent > best.percent ||
      (target.percent === best.percent && target.source === 'limit')
    )
      best = target;
  }
  return best;
}

export type Tone = 'ok' | 'warn' | 'over';
/** Over 100 % is over, from 80 % it needs attention (the alerts' warning threshold). */
export function toneOf(percent: number): Tone {
  return percent >= 100 ? 'over' : percent >= 80 ? 'warn' : 'ok';
}

export interface OfflineState {
  title: string;
  body: string;
}

/**
 * Why the overview cannot be trusted right now, or null when it can. Order: key rejected, never synced, last sync
 * failed, stale, spend reports failed, last sync partial.
 */
export function offlineState(sync: Overview['sync'], nowMs: number): OfflineState | null {
  const asOf =
    sync.syncedAtMs === null
      ? 'Nothing has been synced yet.'
      : `Showing the mirror ${formatFreshness(sync.syncedAtMs, nowMs)}.`;
  if (sync.problems.includes('credential-invalid')) {
    return {
      title: 'Offline: the admin key was rejected',
      body: `The Admin API refused the stored key, so syncing has stopped. ${asOf} Connect a new key in Settings.`,
    };
  }
  const failed =
    sync.lastRun !== null &&
    !['ok', 'partial'].includes(sync.lastRun.status) &&
    (sync.syncedAtMs === null || sync.lastRun.finishedAtMs > sync.syncedAtMs);
  if (sync.syncedAtMs === null) {
    return failed
      ? {
          title: 'Offline: the first sync failed',
          body: `${sentence(sync.lastRun!.detail ?? 'The sync did not finish')} Nothing has been synced yet; the overview fills in after the first successful sync.`,
        }
      : { title: 'Never synced', body: 'Nothing has been synced yet. The overview fills in after the first sync.' };
  }
  if (failed) {
    const detail = sync.lastRun!.detail ?? 'the sync did not finish';
    return {
      title: 'Offline: the last sync failed',
      body: `Failed ${formatAge(sync.lastRun!.finishedAtMs, nowMs)}: ${sentence(detail)} ${asOf}`,
    };
  }
  if (sync.problems.includes('data-too-old')) return { title: 'Data is out of date', body: asOf };
  if (sync.problems.includes('spend-unavailable')) {
    const reports = sync.spend.map((problem) => `${problem.resource} ${problem.reason}`).join('; ');
    return {
      title: 'Spend cannot be evaluated',
      body: `${sentence(`Spend alerts cannot be trusted until these reports sync: ${reports}`)} ${asOf}`,
    };
  }
  const incomplete = sync.incompleteDays ?? [];
  if (incomplete.length > 0) {
    const days = incomplete.map((d) => `${d.resource} ${d.day} (${sentence(d.message).slice(0, -1)})`).join('; ');
    return {
      title: 'Some days could not be read',
      body: `The Admin API would not return ${incomplete.length === 1 ? 'this day' : 'these days'} whole, so ${incomplete.length === 1 ? 'it is' : 'they are'} left out of usage and cost: ${days}. Every other day is complete. ${asOf}`,
    };
  }
  if (sync.lastRun?.status === 'partial') {
    return {
      title: 'The last sync was incomplete',
      body: `Some data sets failed to sync ${formatAge(sync.lastRun.finishedAtMs, nowMs)}; the mirror keeps what it had for them (see "Sync freshness by data set"). The next sync tries again.`,
    };
  }
  return null;
}

/** An error message as a sentence: ends with a full stop unless it already ends a sentence. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
