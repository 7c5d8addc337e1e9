/**
 * What the harness serves: the demo org synced into a temp mirror (the default), nothing (first run), or the app's
 * own active profile over a damaged demo mirror, so the window's file-problem banner and its move aside run on the
 * same services as the app (services/active-profile.ts).
 */
import { join } from 'node:path';
import { mirrorFile } from '../../main/adapters/data-dir';
import type { MirrorDb } from '../../main/db/open';
import type { HandlerDeps } from '../../main/ipc/create-handlers';
import { createAdminActionsClient } from '../../main/services/actions/run-admin-action';
import { createActiveProfileData } from '../../main/services/active-profile';
import { openDemoOrg } from '../../main/services/demo/demo-org';
import { recordAlertCycle } from '../../main/services/alerts/evaluate-alerts';
import type { SandboxSize } from '../../main/sandbox/index';
import type { SyncProgress } from '../../preload/contract';
import { writeDamagedMirror } from '../helpers/damaged-mirror';

export interface HarnessDataOptions {
  size?: SandboxSize;
  seed?: number;
  /** Serve an empty mirror (first run: the window shows onboarding). */
  empty?: boolean;
  /** Start on a demo mirror SQLite cannot read (the window says so and offers to move it aside). */
  damagedMirror?: boolean;
}

export interface HarnessData {
  mirror: () => MirrorDb | null;
  adminActions: NonNullable<HandlerDeps['adminActions']>;
  mirrorRepair?: HandlerDeps['mirrorRepair'];
  /** The demo sandbox's admin key when one was started at once (tests check no page holds it). */
  sandboxAdminKey: string | null;
  sandboxUrl: string | null;
  close: () => Promise<void>;
}

export async function openHarnessData(
  dir: string,
  options: HarnessDataOptions,
  onProgress: (progress: SyncProgress) => void,
  log: (message: string, error?: unknown) => void,
): Promise<HarnessData> {
  if (options.damagedMirror) {
    writeDamagedMirror(mirrorFile(dir, 'demo'));
    const active = createActiveProfileData({
      dataDir: dir,
      profileId: 'demo',
      readStoredKey: async () => null,
      onProgress,
      log,
    });
    await active.open();
    return {
      mirror: () => active.current()?.db ?? null,
      adminActions: async () => (await active.current()?.adminActions?.()) ?? null,
      mirrorRepair: { problem: active.storageProblem, moveAside: () => active.moveMirrorAside(Date.now()) },
      sandboxAdminKey: null,
      sandboxUrl: null,
      close: () => active.close(),
    };
  }
  const demo = options.empty
    ? null
    : await openDemoOrg({ mirrorFile: join(dir, 'mirror.sqlite'), size: options.size, seed: options.seed });
  // Like the app after a sync: one alert cycle records the open episodes (the window reads them; nothing notifies here).
  if (demo) recordAlertCycle(demo.db, Date.now(), { defaultTz: 'UTC' });
  return {
    mirror: () => demo?.db ?? null,
    adminActions: async () =>
      demo ? createAdminActionsClient({ apiKey: demo.sandbox.adminKey, baseURL: demo.sandbox.url }) : null,
    sandboxAdminKey: demo?.sandbox.adminKey ?? null,
    sandboxUrl: demo?.sandbox.url ?? null,
    close: async () => demo?.close(),
  };
}
