/**
 * sync-full, sync-idle and memory, from the same child processes: each round runs a full sync of the sandbox org
 * into a new mirror followed by an idle sync (child A), then the fetch-only baseline, the same recorded calls
 * through the SDK adapter with every page discarded (child B). Rounds alternate A and B so both see the same noise.
 */
import { join } from 'node:path';
import { runTsChild } from '../lib/child';
import type { BenchContext } from '../lib/context';
import { measured, notMeasured, type ScenarioResult } from '../lib/report';
import { summarize } from '../lib/stats';

interface SyncBrief {
  ms: number;
  status: string;
  requests: number;
  rows: number;
  detail: string | null;
}
interface SyncRun {
  full: SyncBrief;
  idle: SyncBrief;
  startRssKb: number;
  fullMaxRssKb: number;
}
interface FetchRun {
  ms: number;
  requests: number;
  pages: number;
  maxRssKb: number;
}

export const TARGETS = {
  'sync-full': '≤ 1.15 × fetch-only',
  'sync-idle': '≤ 15 requests, ≤ 5 % of sync-full',
  memory: '≤ 300 MB peak RSS',
};

export async function runSyncScenarios(ctx: BenchContext): Promise<ScenarioResult[]> {
  const sandbox = ctx.sandbox;
  if (!sandbox) return Object.entries(TARGETS).map(([id, t]) => notMeasured(id, t, 'no sandbox running'));
  const syncs: SyncRun[] = [];
  const fetches: FetchRun[] = [];
  const timeoutMs = Math.max(120_000, ctx.cfg.historyDays * 10_000);
  for (let round = 0; round < ctx.cfg.syncRounds; round++) {
    const mirror = join(ctx.tmp, `sync-${round}.sqlite`);
    const calls = join(ctx.tmp, `calls-${round}.json`);
    const sync = await runTsChild<SyncRun>(
      'sync-child.ts',
      ['sync', sandbox.url, sandbox.adminKey, mirror, String(ctx.cfg.historyDays), calls],
      timeoutMs,
    );
    if (sync.full.status !== 'ok') throw new Error(`sync-full ended ${sync.full.status}: ${sync.full.detail ?? ''}`);
    syncs.push(sync);
    ctx.mirrorFile = mirror;
    ctx.log(
      `sync-full ${round + 1}: ${Math.round(sync.full.ms)} ms, ${sync.full.requests} requests, ${sync.full.rows} rows; idle ${Math.round(sync.idle.ms)} ms, ${sync.idle.requests} requests`,
    );
    const fetch = await runTsChild<FetchRun>(
      'sync-child.ts',
      ['fetch', sandbox.url, sandbox.adminKey, calls],
      timeoutMs,
    );
    fetches.push(fetch);
    ctx.log(`fetch-only ${round + 1}: ${Math.round(fetch.ms)} ms, ${fetch.requests} requests`);
  }
  const full = summarize(syncs.map((s) => s.full.ms));
  const baseline = summarize(fetches.map((f) => f.ms)).median;
  const last = syncs[syncs.length - 1]!;
  const days = `${ctx.cfg.size} org, ${ctx.cfg.historyDays} days`;
  const idleRequests = Math.max(...syncs.map((s) => s.idle.requests));
  const idleShare = summarize(syncs.map((s) => s.idle.ms / s.full.ms)).median;
  const peakMb = syncs.map((s) => s.fullMaxRssKb / 1024);
  return [
    measured(
      'sync-full',
      syncs.map((s) => s.full.ms),
      'ms',
      {
        baseline,
        ratio: full.median / baseline,
        target: TARGETS['sync-full'],
        pass: full.median / baseline <= 1.15,
        note: `${days}${ctx.cfg.historyDays === 90 ? '' : " (the issue's figure is 90 days: the full run)"}`,
        extra: {
          requests: last.full.requests,
          baselineRequests: fetches[fetches.length - 1]!.requests,
          rows: last.full.rows,
        },
      },
    ),
    measured(
      'sync-idle',
      syncs.map((s) => s.idle.ms),
      'ms',
      {
        baseline: full.median,
        ratio: idleShare,
        target: TARGETS['sync-idle'],
        pass: idleRequests <= 15 && idleShare <= 0.05,
        extra: { requests: idleRequests, fullRequests: last.full.requests },
      },
    ),
    measured('memory', peakMb, 'MB', {
      target: TARGETS.memory,
      pass: Math.max(...peakMb) <= 300,
      note: `peak RSS of the child running sync-full (${days}); it starts at ${Math.round(last.startRssKb / 1024)} MB (Node + bundled modules)`,
      extra: {
        startRssMb: last.startRssKb / 1024,
        fetchOnlyPeakMb: Math.max(...fetches.map((f) => f.maxRssKb / 1024)),
      },
    }),
  ];
}
