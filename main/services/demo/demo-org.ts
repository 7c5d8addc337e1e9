/**
 * The demo org, end to end: when no admin key is stored, the app starts the in-process sandbox, syncs it
 * through the real SDK and sync engine into the demo profile's mirror, and serves the window from that
 * mirror like any other. The web harness uses the same function with a temporary mirror file.
 * No Electron here: plain Node, so it is tested directly.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { SyncProgress as ContractSyncProgress } from '../../../preload/contract';
import { createAdminApi } from '../../adapters/anthropic/admin-api';
import { openMirror, type MirrorDb } from '../../db/open';
import { syncMirror, systemClock, type SyncSummary } from '../sync/sync-mirror';
import { startSandbox, type RunningSandbox, type SandboxSize } from '../../sandbox/index';
import { startDemoSandbox, syncDemoOrg, type DemoSandbox } from './demo-sandbox';

export interface DemoOrgOptions {
  mirrorFile: string;
  size?: SandboxSize;
  seed?: number;
  /**
   * Tests only: start the sandbox's clock at this instant and hold it there, and sync on that same clock, so what
   * the demo org shows (how far into the month its spend is, which limits it has passed) does not depend on the day
   * the tests run, and the sandbox's reports stop filling after the sync. The app keeps real, running time.
   */
  frozenAt?: Date;
  /** Sync progress in the contract's shape, ready for the `clade:sync/progress-changed` push. */
  onProgress?: (progress: ContractSyncProgress) => void;
}

export interface DemoOrg {
  db: MirrorDb;
  summary: SyncSummary;
  /** The running sandbox: its loopback URL and its admin key (the harness connects with it in tests). */
  sandbox: { url: string; adminKey: string };
  /** Closes the mirror and stops the sandbox. */
  close: () => Promise<void>;
}

export async function openDemoOrg(options: DemoOrgOptions): Promise<DemoOrg> {
  mkdirSync(dirname(options.mirrorFile), { recursive: true, mode: 0o700 });
  const db = openMirror(options.mirrorFile);
  let sandbox: RunningSandbox | null = null;
  try {
    const size = options.size ?? 'demo';
    const seed = options.seed ?? 1;
    const demo = options.frozenAt
      ? await frozenDemoSandbox(size, seed, options.frozenAt)
      : await startDemoSandbox(db, { size, seed });
    sandbox = demo.sandbox;
    const running = sandbox;
    const clock = options.frozenAt ? { ...systemClock, now: () => running.clock.nowMs() } : systemClock;
    const api = createAdminApi({ apiKey: sandbox.adminKey, baseURL: sandbox.url });
    const report = options.onProgress ?? (() => undefined);
    report({ phase: 'running', resource: null, page: 0, rows: 0 });
    // The demo's audit trail: on a fresh mirror, scripted changes and a second sync journal them.
    const summary = await syncDemoOrg(demo, () =>
      syncMirror(db, api, {
        clock,
        // A loopback simulator needs no request budget; the real API keeps the engine's default.
        requestsPerMinute: null,
        onProgress: (progress) =>
          report({ phase: 'running', resource: progress.resource, page: progress.page, rows: progress.rows }),
      }),
    );
    report({ phase: summary.status === 'failed' ? 'failed' : 'done', resource: null, page: 0, rows: summary.rows });
    return {
      db,
      summary,
      sandbox: { url: running.url, adminKey: running.adminKey },
      close: async () => {
        db.close();
        await running.close();
      },
    };
  } catch (error) {
    db.close();
    await sandbox?.close();
    throw error;
  }
}

/** Tests: a sandbox held at `frozenAt`, generated afresh each time (each test opens its own mirror). */
async function frozenDemoSandbox(size: SandboxSize, seed: number, frozenAt: Date): Promise<DemoSandbox> {
  const sandbox = await startSandbox({ size, seed, now: frozenAt, freezeClock: true });
  return { sandbox, anchorMs: frozenAt.getTime(), reopened: false };
}
