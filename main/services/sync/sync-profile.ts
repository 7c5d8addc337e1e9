/**
 * Sync a profile: the one orchestration the app's scheduler, the window's demo and the CLI's `sync`, `demo` and
 * `check --sync` all run. It builds the Admin API and Compliance API clients for the org the target names (the
 * real API or a loopback sandbox, with the key the caller resolved), reads the profile's history setting unless
 * the caller overrides it, and runs syncMirror (engine → audit trail → alert episodes) under the profile lock.
 * Progress arrives through the callbacks; the caller decides how to show it (a live terminal display, the
 * window's progress push).
 */
import { createAdminApi } from '../../adapters/anthropic/admin-api';
import { createComplianceFeed } from '../../adapters/anthropic/compliance-feed';
import type { MirrorDb } from '../../db/open';
import { readProfileSetting } from '../../db/settings/profile-settings';
import { syncMirror, type SyncMirrorOptions, type SyncSummary } from './sync-mirror';

/** The org to sync from: where the requests go and the key they carry (never stored by this module). */
export interface SyncTarget {
  apiKey: string;
  baseURL: string;
}

export interface SyncProfileOptions extends Omit<SyncMirrorOptions, 'compliance'> {
  /** Read the Compliance API activity feed into the audit trail where the key can (default true). */
  compliance?: boolean;
}

export async function syncProfile(
  db: MirrorDb,
  target: SyncTarget,
  options: SyncProfileOptions = {},
): Promise<SyncSummary> {
  const { compliance = true, ...rest } = options;
  const api = createAdminApi({ apiKey: target.apiKey, baseURL: target.baseURL });
  return syncMirror(db, api, {
    ...rest,
    // The profile's own setting, re-read at each sync, so a longer history asked for in Settings is backfilled next.
    historyDays: rest.historyDays ?? readProfileSetting(db, 'sync.historyDays'),
    compliance: compliance ? createComplianceFeed({ apiKey: target.apiKey, baseURL: target.baseURL }) : null,
  });
}
