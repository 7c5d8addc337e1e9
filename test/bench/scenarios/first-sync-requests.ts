/**
 * first-sync-requests: the requests a first sync of 90 days makes, against the fewest its pages allow. The fewest:
 * every organization, list and Claude Code request the sync made (those already ask for the API's maximum page),
 * plus, per report, the pages of a greedy packing of its buckets where each page holds at most the API's maximum
 * `limit` and at most the row ceiling that keeps the sync's memory in bounds (core/sync/page-size.ts), with the rows
 * per bucket read from the mirror the sync filled. Measured on the bench org (after sync-full, from its recorded
 * calls and mirror) and on the mid org (a sync of its own). Also prints the minutes the sync takes at the default
 * rate (a burst of 30, then 60 a minute).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DEFAULT_BURST, DEFAULT_REQUESTS_PER_MINUTE } from '../../../main/core/sync/pace';
import { MAX_BUCKETS_PER_PAGE, PAGE_ROW_CEILING, type BucketReport } from '../../../main/core/sync/page-size';
import { runTsChild } from '../lib/child';
import type { BenchContext } from '../lib/context';
import type { RecordedCall } from '../lib/recording-api';
import { measured, notMeasured, type ScenarioResult } from '../lib/report';
import { startSandboxChild } from '../lib/sandbox';

export const TARGET = '≤ 1.25 × the fewest requests the page limits allow';

const REPORT_METHODS = new Set(['usageReport', 'costReport']);
const WIDTH_MS: Record<BucketReport, number> = {
  usage_hourly: 3_600_000,
  usage_daily: 86_400_000,
  cost_daily: 86_400_000,
};

interface Measure {
  org: string;
  requests: number;
  fewest: number;
}

/** Requests of a sync from its recorded calls: one per organization call, one per page taken otherwise. */
function countRequests(calls: readonly RecordedCall[]): { all: number; nonReport: number } {
  let all = 0;
  let nonReport = 0;
  for (const call of calls) {
    const n = call.method === 'organization' ? 1 : (call.pages ?? 0);
    all += n;
    if (!REPORT_METHODS.has(call.method)) nonReport += n;
  }
  return { all, nonReport };
}

/** The fewest pages a report needs: consecutive buckets packed under the API maximum and the row ceiling. */
function fewestReportPages(db: Database.Database, resource: BucketReport): number {
  const coverage = db.prepare('SELECT from_ms, to_ms FROM report_coverage WHERE resource = ?').get(resource) as
    { from_ms: number; to_ms: number } | undefined;
  if (!coverage) return 0;
  const rowsAt = new Map(
    (
      db
        .prepare(`SELECT bucket_start_ms AS b, count(*) AS n FROM ${resource} GROUP BY bucket_start_ms`)
        .all() as Array<{ b: number; n: number }>
    ).map((r) => [r.b, r.n]),
  );
  const width = WIDTH_MS[resource];
  let pages = 0;
  let buckets = 0;
  let rows = 0;
  for (let at = coverage.from_ms; at < coverage.to_ms; at += width) {
    const n = rowsAt.get(at) ?? 0;
    if (buckets > 0 && (buckets === MAX_BUCKETS_PER_PAGE[resource] || rows + n > PAGE_ROW_CEILING)) {
      pages += 1;
      buckets = 0;
      rows = 0;
    }
    buckets += 1;
    rows += n;
  }
  return pages + (buckets > 0 ? 1 : 0);
}

function measure(org: string, callsFile: string, mirrorFile: string): Measure {
  const calls = JSON.parse(readFileSync(callsFile, 'utf8')) as RecordedCall[];
  const { all, nonReport } = countRequests(calls);
  const db = new Database(mirrorFile, { readonly: true });
  try {
    const reports = (['usage_hourly', 'usage_daily', 'cost_daily'] as const).reduce(
      (n, r) => n + fewestReportPages(db, r),
      0,
    );
    return { org, requests: all, fewest: nonReport + reports };
  } finally {
    db.close();
  }
}

const minutesAtDefaultRate = (requests: number) => Math.max(0, requests - DEFAULT_BURST) / DEFAULT_REQUESTS_PER_MINUTE;

export async function runFirstSyncRequests(ctx: BenchContext): Promise<ScenarioResult[]> {
  const benchCalls = join(ctx.tmp, 'calls-0.json');
  if (!ctx.mirrorFile) return [notMeasured('first-sync-requests', TARGET, 'sync-full did not run')];
  const measures: Measure[] = [measure(`${ctx.cfg.size} org`, benchCalls, ctx.mirrorFile)];
  if (ctx.cfg.size !== 'mid') {
    const mid = await startSandboxChild('mid');
    try {
      const mirror = join(ctx.tmp, 'first-sync-mid.sqlite');
      const calls = join(ctx.tmp, 'first-sync-mid-calls.json');
      await runTsChild(
        'sync-child.ts',
        ['sync', mid.url, mid.adminKey, mirror, String(ctx.cfg.historyDays), calls],
        300_000,
      );
      measures.push(measure('mid org', calls, mirror));
    } finally {
      await mid.close();
    }
  }
  for (const m of measures) {
    ctx.log(
      `first-sync-requests, ${m.org}: ${m.requests} requests, fewest ${m.fewest}; ${minutesAtDefaultRate(m.requests).toFixed(1)} min at the default rate`,
    );
  }
  const ratios = measures.map((m) => m.requests / m.fewest);
  return [
    measured('first-sync-requests', ratios, '×', {
      ratio: Math.max(...ratios),
      target: TARGET,
      pass: Math.max(...ratios) <= 1.25,
      note: `${ctx.cfg.historyDays} days; ${measures.map((m) => `${m.org}: ${m.requests} requests vs ${m.fewest}, ${minutesAtDefaultRate(m.requests).toFixed(1)} min at 60/min`).join('; ')}`,
      extra: Object.fromEntries(
        measures.flatMap((m) => [
          [`${m.org} requests`, m.requests],
          [`${m.org} fewest`, m.fewest],
        ]),
      ),
    }),
  ];
}
