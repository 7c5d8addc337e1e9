/** The scenarios in the order they run: later ones read what earlier ones left (the sandbox, the synced mirror). */
import type { BenchContext } from '../lib/context';
import type { ScenarioResult } from '../lib/report';
import { runAuditScenarios, TARGETS as AUDIT_TARGETS } from './audit';
import { runCliStart, TARGET as CLI_TARGET } from './cli-start';
import { runFirstSyncRequests, TARGET as FIRST_SYNC_TARGET } from './first-sync-requests';
import { runIngest, TARGET as INGEST_TARGET } from './ingest';
import { runQueryMtd, TARGET as QUERY_TARGET } from './query-mtd';
import { runSandboxStart, TARGET as SANDBOX_TARGET } from './sandbox-start';
import { runSyncScenarios, TARGETS as SYNC_TARGETS } from './sync-full';
import { runTree, TARGET as TREE_TARGET } from './tree';
import { runWindow, TARGET as WINDOW_TARGET } from './window';

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
  { ids: ['first-sync-requests'], targets: { 'first-sync-requests': FIRST_SYNC_TARGET }, run: runFirstSyncRequests },
  {
    // The sandbox is not needed past the sync: stop it so it does not compete for the two cores.
    ids: [],
    targets: {},
    provides: true,
    run: async (ctx) => {
      await ctx.sandbox?.close();
      ctx.sandbox = null;
      return [];
    },
  },
  { ids: ['ingest'], targets: { ingest: INGEST_TARGET }, run: runIngest },
  { ids: ['query-mtd'], targets: { 'query-mtd': QUERY_TARGET }, run: runQueryMtd },
  { ids: ['tree'], targets: { tree: TREE_TARGET }, run: runTree },
  { ids: ['cli-start'], targets: { 'cli-start': CLI_TARGET }, run: runCliStart },
  { ids: ['window'], targets: { window: WINDOW_TARGET }, run: runWindow },
  { ids: ['audit-search', 'audit-export'], targets: AUDIT_TARGETS, run: runAuditScenarios },
];
