/** What every scenario gets: the mode's sizes, a temp dir, the sandbox child and what earlier scenarios left. */
import type { BenchMode } from './report';
import type { BenchSize, SandboxChild } from './sandbox';

export interface ModeConfig {
  size: BenchSize;
  /** Days of report history the sync-full scenario backfills (the figure is 90). */
  historyDays: number;
  syncRounds: number;
  sandboxStarts: number;
  cliRuns: number;
  treeRuns: number;
  queryRuns: number;
  queryHistoryDays: number;
  ingestRows: number;
  ingestRuns: number;
  auditEvents: number;
  searchRuns: number;
  exportRuns: number;
  windowRuns: number;
}

export const MODES: Record<BenchMode, ModeConfig> = {
  smoke: {
    size: 'demo',
    historyDays: 2,
    syncRounds: 1,
    sandboxStarts: 1,
    cliRuns: 1,
    treeRuns: 1,
    queryRuns: 3,
    queryHistoryDays: 40,
    ingestRows: 5_000,
    ingestRuns: 1,
    auditEvents: 5_000,
    searchRuns: 3,
    exportRuns: 1,
    windowRuns: 1,
  },
  quick: {
    size: 'large',
    historyDays: 7,
    syncRounds: 2,
    sandboxStarts: 3,
    cliRuns: 5,
    treeRuns: 20,
    queryRuns: 12,
    queryHistoryDays: 400,
    ingestRows: 100_000,
    ingestRuns: 2,
    auditEvents: 1_000_000,
    searchRuns: 30,
    exportRuns: 1,
    windowRuns: 2,
  },
  full: {
    size: 'large',
    historyDays: 90,
    // Three rounds: on a shared 2-core machine one sync can be 10 % off the next, and a median of two is a mean.
    syncRounds: 3,
    sandboxStarts: 5,
    cliRuns: 10,
    treeRuns: 40,
    queryRuns: 40,
    queryHistoryDays: 400,
    ingestRows: 300_000,
    ingestRuns: 3,
    auditEvents: 1_000_000,
    searchRuns: 60,
    exportRuns: 2,
    windowRuns: 3,
  },
};

export interface BenchContext {
  mode: BenchMode;
  cfg: ModeConfig;
  /** Removed when the run ends. */
  tmp: string;
  /** Survives runs (git-ignored): fixtures that take minutes to build, keyed by the code that builds them. */
  cacheDir: string;
  sandbox: SandboxChild | null;
  /** The mirror the last sync-full round produced (large org synced), for the read scenarios. */
  mirrorFile: string | null;
  log: (message: string) => void;
}
