/**
 * Where the window's data comes from at start: the profile's own mirror when an admin key is stored for
 * it, else the demo org (in-process sandbox synced into the demo profile's mirror, see demo-org.ts).
 * Plain Node, no Electron: tested directly.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { OrgTree, SyncProgress } from '../../preload/contract';
import { mirrorFile } from '../adapters/data-dir';
import { DEMO_PROFILE_ID } from '../core/vault/profiles';
import { openMirror, type MirrorDb } from '../db/open';
import { readOrgTree } from '../db/repos/org-tree-repo';
import { openDemoOrg } from './demo-org';

export interface WindowData {
  mode: 'demo' | 'live';
  profileId: string;
  db: MirrorDb;
  readOrgTree: () => OrgTree | null;
  close: () => Promise<void>;
}

export interface WindowDataOptions {
  dataDir: string;
  profileId: string;
  /** Whether the keychain holds a key for the profile. A keychain failure counts as "no key" (logged). */
  hasStoredKey: (profileId: string) => Promise<boolean>;
  onProgress?: (progress: SyncProgress) => void;
  log: (message: string, error?: unknown) => void;
}

export async function openWindowData(options: WindowDataOptions): Promise<WindowData> {
  if (options.profileId !== DEMO_PROFILE_ID && (await keyIsStored(options))) {
    const file = mirrorFile(options.dataDir, options.profileId);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const db = openMirror(file);
    // SEAM: the live profile's periodic sync belongs to the scheduler (main/app/scheduler.ts, not built yet);
    // until it lands the window shows what the mirror already holds (e.g. synced by `clade-admin sync`).
    return { mode: 'live', profileId: options.profileId, db, readOrgTree: () => readOrgTree(db), close: async () => void db.close() };
  }
  const demo = await openDemoOrg({ mirrorFile: mirrorFile(options.dataDir, DEMO_PROFILE_ID), onProgress: options.onProgress });
  return { mode: 'demo', profileId: DEMO_PROFILE_ID, db: demo.db, readOrgTree: () => readOrgTree(demo.db), close: demo.close };
}

async function keyIsStored(options: WindowDataOptions): Promise<boolean> {
  try {
    return await options.hasStoredKey(options.profileId);
  } catch (error) {
    options.log('The keychain could not be read; showing the demo org', error);
    return false;
  }
}
