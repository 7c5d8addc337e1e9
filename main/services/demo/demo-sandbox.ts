/**
 * The demo org is generated from a seed and an instant: every time in it (keys created, users added, invites
 * expiring) is counted back from that instant. Generated afresh at each `demo` or app start, it would be a
 * different org each time, and the second sync would journal every timestamp as changed ("created_at_ms:
 * 1784577647773 → 1784577651604", 39 of them). So the demo profile remembers the instant its org was first generated
 * (the profile setting `demo.org`) and later runs regenerate that same org, then let the sandbox's clock jump to now:
 * the seeded everyday events of the hours between (deterministic per hour) are the only changes a later sync finds.
 *
 * The scripted changes that give a fresh demo its audit trail (demo-audit-history.ts) are part of that org too: a
 * reopened demo applies them before its first sync, at the same instant, so they are not journaled as reverted.
 */
import type { MirrorDb } from '../../db/open';
import { readProfileSetting, writeProfileSetting } from '../../db/settings/profile-settings';
import { startSandbox, type RunningSandbox, type SandboxSize } from '../../sandbox/index';
import { applyDemoChanges } from './demo-audit-history';

/**
 * The sandbox catches up seeded events for at most 30 days back; an org remembered longer would lose its oldest
 * events from one run to the next. Past this age the demo org is generated afresh (one sync that journals the move).
 */
export const DEMO_ORG_MAX_AGE_MS = 28 * 24 * 3_600_000;

export interface DemoSandbox {
  sandbox: RunningSandbox;
  /** The instant the org was generated at (the scripted changes happen at it too). */
  anchorMs: number;
  /** True when this mirror has synced this very org before: the scripted changes are already applied. */
  reopened: boolean;
}

export async function startDemoSandbox(
  db: MirrorDb,
  options: { size: SandboxSize; seed: number; nowMs?: number },
): Promise<DemoSandbox> {
  const nowMs = options.nowMs ?? Date.now();
  const known = readProfileSetting(db, 'demo.org');
  const reopened =
    known !== null &&
    known.seed === options.seed &&
    known.size === options.size &&
    known.anchorMs <= nowMs &&
    nowMs - known.anchorMs < DEMO_ORG_MAX_AGE_MS;
  const anchorMs = reopened ? known.anchorMs : nowMs;
  const sandbox = await startSandbox({ size: options.size, seed: options.seed, now: new Date(anchorMs) });
  if (reopened) {
    applyDemoChanges(sandbox, anchorMs);
    sandbox.clock.set(nowMs);
  }
  writeProfileSetting(db, 'demo.org', { anchorMs, seed: options.seed, size: options.size }, nowMs);
  return { sandbox, anchorMs, reopened };
}

/**
 * Syncs the demo org; on a fresh one, the first sync is the baseline and the scripted changes follow with a second
 * sync that journals them (a reopened demo already holds them). Returns the first sync's summary.
 */
export async function syncDemoOrg<S extends { status: string }>(demo: DemoSandbox, sync: () => Promise<S>): Promise<S> {
  const summary = await sync();
  if (!demo.reopened && summary.status !== 'failed') {
    applyDemoChanges(demo.sandbox, demo.anchorMs);
    await sync();
  }
  return summary;
}
