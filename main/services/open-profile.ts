/**
 * Where the window's data comes from: the profile's own mirror when an admin key is stored for it (synced
 * once in the background right away; periodic syncs belong to the scheduler), else the demo org
 * (in-process sandbox synced into the demo profile's mirror, see demo-org.ts).
 * Plain Node, no Electron: tested directly, with the sandbox standing in for the API.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SyncProgress } from '../../preload/contract';
import { createAdminActionsClient, type AdminActionsPort } from './actions/run-admin-action';
import { mirrorFile } from '../adapters/data-dir';
import { DEMO_PROFILE_ID } from '../core/vault/profiles';
import { openMirror, type MirrorDb } from '../db/open';
import { asStorageError } from '../db/storage-errors';
import type { StorageError } from '../core/storage-error';
import { syncProfile, unnamedRunRate, type SyncTarget } from './sync/sync-profile';
import { createRunProgressTracker, type RunProgress } from '../core/sync/run-progress';
import { SyncStateRepo } from '../db/repos/sync-state-repo';
import { readProfileSetting } from '../db/settings/profile-settings';
import { openDemoOrg } from './demo/demo-org';
import { profileApiBaseUrl } from './api-base-url';
import { openAuditSeal } from './audit-seal';
import { AUDIT_SEAL_FILE_SUFFIX } from '../core/audit/seal';
import type { SecretStorePort } from '../core/vault/ports';

/** How often the app syncs while no profile is open to say otherwise (the profile setting's own default). */
export const DEFAULT_SYNC_INTERVAL_MS = 15 * 60_000;

export interface WindowData {
  mode: 'demo' | 'live';
  profileId: string;
  db: MirrorDb;
  /** Settles when the first sync of this data source ends (at once for the demo, which syncs before opening). */
  ready: Promise<void>;
  /** One more sync of this data source (after the first one has ended); the scheduler calls it. */
  syncNow: () => Promise<void>;
  close: () => Promise<void>;
  /** A client for one admin action on this org (demo: the sandbox's in-memory key; live: the keychain's, read per call). */
  adminActions?: () => Promise<AdminActionsPort | null>;
}

export interface WindowDataOptions {
  dataDir: string;
  profileId: string;
  /**
   * The profile's stored key, or null. A keychain failure counts as "no key" (logged). Default: the key `secrets`
   * holds for the profile (the app); tests give their own.
   */
  readStoredKey?: (profileId: string) => Promise<string | null>;
  /** Where the live profile's key goes when a test says so; otherwise the profile's own (services/api-base-url.ts). */
  baseURL?: string;
  /** The sync's request budget; the engine's default for the API, null for a loopback sandbox in tests. */
  requestsPerMinute?: number | null;
  onProgress?: (progress: SyncProgress) => void;
  /** A file problem the live profile's first sync stopped on (it is logged too); later syncs throw theirs. */
  onStorageError?: (error: StorageError) => void;
  log: (message: string, error?: unknown) => void;
  /** The keychain, for the live profile's audit seal (services/audit-seal.ts); absent: the trail is not sealed. */
  secrets?: SecretStorePort;
}

/**
 * Which data a profile shows: its own mirror when a key is stored for it, else the demo's. Chosen before opening, so
 * a caller whose open fails on a file problem still knows which mirror file it was (and may move it aside).
 */
export interface DataSource {
  mode: 'demo' | 'live';
  mirrorFile: string;
  /** The stored admin key (live only): main-side, handed to the sync and never kept beyond it. */
  key: string | null;
}

/** Reads the keychain once (a failure counts as "no key", logged). */
export async function chooseDataSource(options: WindowDataOptions): Promise<DataSource> {
  const key = options.profileId === DEMO_PROFILE_ID ? null : await storedKey(options);
  return key !== null
    ? { mode: 'live', mirrorFile: mirrorFile(options.dataDir, options.profileId), key }
    : { mode: 'demo', mirrorFile: mirrorFile(options.dataDir, DEMO_PROFILE_ID), key: null };
}

export async function openWindowData(options: WindowDataOptions, source?: DataSource): Promise<WindowData> {
  const { key, mirrorFile: file } = source ?? (await chooseDataSource(options));
  if (key !== null) return await openLive(options, key, file);
  const demo = await openDemoOrg({ mirrorFile: file, onProgress: options.onProgress });
  const target: SyncTarget = { apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url };
  // The demo's trail is its generated history (demo-audit-history.ts), not a feed.
  const syncNow = () => syncAndReport(demo.db, target, null, options.onProgress ?? (() => undefined), false);
  const adminActions = async () =>
    createAdminActionsClient({ apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url });
  return {
    mode: 'demo',
    profileId: DEMO_PROFILE_ID,
    db: demo.db,
    ready: Promise.resolve(),
    syncNow,
    close: demo.close,
    adminActions,
  };
}

/** The scheduler's interval: the open profile's `sync.intervalMinutes` (its default while nothing is open). */
export function syncIntervalMs(db: MirrorDb | null | undefined): number {
  return db ? readProfileSetting(db, 'sync.intervalMinutes') * 60_000 : DEFAULT_SYNC_INTERVAL_MS;
}

/**
 * One sync of `db`, announced on the progress push from start to end. Throws only if the sync itself throws.
 * The profile's `sync.historyDays` is read at each sync, so a longer history asked for in Settings is
 * backfilled by the next one.
 */
async function syncAndReport(
  db: MirrorDb,
  target: SyncTarget,
  requestsPerMinute: number | null | undefined,
  report: (p: SyncProgress) => void,
  compliance: boolean,
): Promise<void> {
  report({ phase: 'running', resource: null, page: 0, rows: 0 });
  // The whole run's progress (resources done of planned, usable ones, time left) for the window and the tray.
  const run = createRunProgressTracker(() => Date.now());
  const first = new SyncStateRepo(db).lastSuccessfulSyncAtMs() === null;
  const running = (p: RunProgress) => report({ phase: 'running', first, ...p });
  try {
    const rate = requestsPerMinute !== undefined ? requestsPerMinute : unnamedRunRate(target);
    const summary = await syncProfile(db, target, {
      compliance,
      ...(rate !== undefined ? { requestsPerMinute: rate } : {}),
      // The compliance feed is one more step after the engine's plan.
      onPlan: (plan) => running(run.plan(plan, compliance ? 1 : 0)),
      onProgress: (p) => running(run.page(p)),
      onResourceDone: (r) => running(run.resourceDone(r)),
    });
    report({
      phase: summary.status === 'ok' || summary.status === 'partial' ? 'done' : 'failed',
      resource: null,
      page: 0,
      rows: summary.rows,
    });
  } catch (error) {
    report({ phase: 'failed', resource: null, page: 0, rows: 0 });
    throw error;
  }
}

async function openLive(options: WindowDataOptions, key: string, file: string): Promise<WindowData> {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const db = openMirror(file);
  await sealLiveTrail(db, file, options);
  const report = options.onProgress ?? (() => undefined);
  // Read per use, so a `key set --base-url` from the command line applies to the open window's next sync.
  const baseURL = () => options.baseURL ?? profileApiBaseUrl(db);
  // The Compliance API activity feed joins the audit trail where the org's key can read it.
  const syncOnce = () =>
    syncAndReport(db, { apiKey: key, baseURL: baseURL() }, options.requestsPerMinute, report, true);
  const ready = syncOnce().catch((error: unknown) => {
    const storage = asStorageError(error, file);
    if (storage) options.onStorageError?.(storage);
    options.log('The first sync of the live profile failed; the window shows what the mirror holds', error);
  });
  return {
    mode: 'live',
    profileId: options.profileId,
    db,
    ready,
    syncNow: () => ready.then(syncOnce),
    adminActions: async () => {
      const current = await readStoredKey(options);
      return current ? createAdminActionsClient({ apiKey: current, baseURL: baseURL() }) : null;
    },
    // Closing never waits for a long first sync (quit must stay quick): the mirror closes when the sync ends.
    close: async () => {
      void ready.then(() => db.close());
    },
  };
}

/**
 * Binds the profile's audit seal to its mirror before anything writes to the trail. A seal that cannot be found or
 * made is logged, not fatal: the window still shows the mirror, and an append to a keyed trail then says why it
 * cannot be written.
 */
async function sealLiveTrail(db: MirrorDb, file: string, options: WindowDataOptions): Promise<void> {
  if (!options.secrets) return;
  try {
    const seal = await openAuditSeal(db, {
      profileId: options.profileId,
      secrets: options.secrets,
      preferKeychain: true,
      sealFile: `${file}${AUDIT_SEAL_FILE_SUFFIX}`,
    });
    if (seal.status === 'unavailable') options.log(`The audit seal could not be read: ${seal.reason}`);
  } catch (error) {
    options.log('The audit seal could not be opened; a keyed audit trail will not take new events', error);
  }
}

async function storedKey(options: WindowDataOptions): Promise<string | null> {
  try {
    return await readStoredKey(options);
  } catch (error) {
    options.log('The keychain could not be read; showing the demo org', error);
    return null;
  }
}

/** The key stored for the profile: the options' reader, else the keychain's entry; none without either. */
function readStoredKey(options: WindowDataOptions): Promise<string | null> {
  if (options.readStoredKey) return options.readStoredKey(options.profileId);
  return options.secrets ? options.secrets.get(options.profileId) : Promise.resolve(null);
}
