/**
 * Sync a profile: the one orchestration the app's scheduler, the window's demo and the CLI's `sync`, `demo` and
 * `check --sync` all run. It builds the Admin API and Compliance API clients for the org the target names (the
 * real API or a loopback sandbox, with the key the caller resolved), reads the profile's history and rate settings
 * unless the caller overrides them, gives the request budget the API's 429s, and runs syncMirror (engine → audit
 * trail → alert episodes) under the profile lock.
 * Progress arrives through the callbacks; the caller decides how to show it (a live terminal display, the
 * window's progress push).
 */
import { createAdminApi } from '../../adapters/anthropic/admin-api';
import { createComplianceFeed } from '../../adapters/anthropic/compliance-feed';
import { PRODUCTION_BASE_URL } from '../../core/base-url';
import type { MirrorDb } from '../../db/open';
import { readProfileSetting } from '../../db/settings/profile-settings';
import { RequestBudget } from '../../core/sync/pace';
import { syncMirror, systemClock, type SyncMirrorOptions, type SyncSummary } from './sync-mirror';

/** The org to sync from: where the requests go and the key they carry (never stored by this module). */
export interface SyncTarget {
  apiKey: string;
  baseURL: string;
}

export interface SyncProfileOptions extends Omit<SyncMirrorOptions, 'compliance'> {
  /** Read the Compliance API activity feed into the audit trail where the key can (default true). */
  compliance?: boolean;
}

/**
 * The run's rate when its caller names none: a loopback sandbox (the only other place a key may go) is not
 * throttled, since it needs no politeness and tests sync against one all day; the real API gets the profile's
 * `sync.requestsPerMinute` (undefined: let syncProfile read it).
 */
export function unnamedRunRate(target: SyncTarget): null | undefined {
  return target.baseURL === PRODUCTION_BASE_URL ? undefined : null;
}

export async function syncProfile(
  db: MirrorDb,
  target: SyncTarget,
  options: SyncProfileOptions = {},
): Promise<SyncSummary> {
  const { compliance = true, ...rest } = options;
  // The admin's rate (`sync --rate`, else the profile's sync.requestsPerMinute); null turns it off (a sandbox).
  const perMinute =
    rest.requestsPerMinute !== undefined ? rest.requestsPerMinute : readProfileSetting(db, 'sync.requestsPerMinute');
  const budget = new RequestBudget(rest.clock ?? systemClock, perMinute);
  const api = createAdminApi({
    apiKey: target.apiKey,
    baseURL: target.baseURL,
    onRateLimited: () => budget.rateLimited(),
  });
  return syncMirror(db, api, {
    ...rest,
    budget,
    // The profile's own setting, re-read at each sync, so a longer history asked for in Settings is backfilled next.
    historyDays: rest.historyDays ?? readProfileSetting(db, 'sync.historyDays'),
    compliance: compliance ? createComplianceFeed({ apiKey: target.apiKey, baseURL: target.baseURL }) : null,
  });
}
