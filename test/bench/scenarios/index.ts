/** The scenarios in the order they run: later ones read what earlier ones left (the sandbox, the synced mirror). */
import type { BenchContext } from '../lib/context';
import type { ScenarioResult } from '../lib/report';
import { runSandboxStart, TARGET as SANDBOX_TARGET } from './sandbox-start';
import { runSyncScenarios, TARGETS as SYNC_TARGETS } from './sync-full';

export interface ScenarioStep {
  ids: string[];
  targets: Record<string, string>;
  /** Sets up state later steps need, so it runs even when `--only` leaves its ids out. */
  provides?: boolean;
  run: (ctx: BenchContext) => Promise<ScenarioResult[]>;
}

export const SCENARIOS: ScenarioStep[] = [
  {
    ids: ['sandbox-start'],
    targets: { 'sandbox-start': SANDBOX_TARGET },
    provides: true,
    run: async (ctx) => {
      const { result, sandbox } = await runSandboxStart(ctx);
      ctx.sandbox = sandbox;
      return [result];
    },
  },
  { ids: ['sync-full', 'sync-idle', 'memory'], targets: SYNC_TARGETS, provides: true, run: runSyncScenarios },
];
