/**
 * ingest: rows per second through the sync's write path (SqliteMirrorStore.applyReportPage: one transaction per
 * page, bucket replace + upsert + cursor) vs raw better-sqlite3 (one prepared INSERT per row, all in one
 * transaction), for the same report rows, read back from the mirror sync-full produced and paged like the API
 * pages them (168 hourly / 31 daily buckets a page). Runs alternate, each into a new mirror.
 */
import { join } from 'node:path';
import type { Row } from '../../../main/core/sync/entities';
import type { ReportResource } from '../../../main/core/sync/report-rows';
import { SqliteMirrorStore } from '../../../main/db/mirror-store';
import { openMirror, type MirrorDb } from '../../../main/db/open';
import type { BenchContext } from '../lib/context';
import { measured, notMeasured, type ScenarioResult } from '../lib/report';
import { summarize } from '../lib/stats';

export const TARGET = '≥ 0.5 × raw inserts';
const RESOURCES: Array<{ resource: ReportResource; bucketsPerPage: number }> = [
  { resource: 'usage_hourly', bucketsPerPage: 168 },
  { resource: 'usage_daily', bucketsPerPage: 31 },
  { resource: 'cost_daily', bucketsPerPage: 31 },
  { resource: 'claude_code_daily', bucketsPerPage: 1 },
];

interface Page {
  resource: ReportResource;
  buckets: number[];
  rows: Row[];
}

/** The mirror's report rows (without fetched_at_ms), up to `limit`, shared across tables by their sizes. */
function readPages(file: string, limit: number): { pages: Page[]; rows: number } {
  const db = openMirror(file, { readonly: true });
  try {
    const counts = RESOURCES.map((r) => db.prepare(`SELECT count(*) FROM ${r.resource}`).pluck().get() as number);
    const total = counts.reduce((a, b) => a + b, 0);
    const pages: Page[] = [];
    let rows = 0;
    RESOURCES.forEach(({ resource, bucketsPerPage }, i) => {
      const take = Math.min(counts[i]!, Math.ceil((limit * counts[i]!) / Math.max(1, total)));
      const all = db
        .prepare(`SELECT * FROM ${resource} ORDER BY bucket_start_ms, group_key LIMIT ?`)
        .all(take) as Array<Record<string, unknown>>;
      let page: Page | null = null;
      for (const raw of all) {
        const { fetched_at_ms: _fetched, ...row } = raw;
        const bucket = row['bucket_start_ms'] as number;
        if (!page || (!page.buckets.includes(bucket) && page.buckets.length >= bucketsPerPage)) {
          page = { resource, buckets: [], rows: [] };
          pages.push(page);
        }
        if (!page.buckets.includes(bucket)) page.buckets.push(bucket);
        page.rows.push(row as Row);
        rows += 1;
      }
    });
    return { pages, rows };
  } finally {
    db.close();
  }
}

function throughWritePath(db: MirrorDb, pages: Page[]): void {
  const store = new SqliteMirrorStore(db);
  const atMs = Date.now();
  const runId = store.beginRun(atMs, true);
  for (const { resource } of RESOURCES) {
    const own = pages.filter((p) => p.resource === resource);
    if (!own.length) continue;
    const pass = store.openPass(resource, '', runId, '{}');
    own.forEach((page, i) => {
      const last = i === own.length - 1;
      const coverage = last ? { fromMs: own[0]!.buckets[0]!, toMs: page.buckets[page.buckets.length - 1]! + 1 } : null;
      store.applyReportPage(
        resource,
        pass,
        { replaceBuckets: page.buckets, rows: page.rows },
        last ? null : `page-${i + 1}`,
        coverage,
        atMs,
      );
    });
  }
}

function rawInserts(db: MirrorDb, pages: Page[]): void {
  const statements = new Map<string, ReturnType<MirrorDb['prepare']>>();
  const atMs = Date.now();
  db.transaction(() => {
    for (const page of pages) {
      for (const row of page.rows) {
        const columns = Object.keys(row);
        const key = `${page.resource}:${columns.join(',')}`;
        let insert = statements.get(key);
        if (!insert) {
          insert = db.prepare(
            `INSERT INTO ${page.resource} (${columns.join(', ')}, fetched_at_ms) VALUES (${columns.map(() => '?').join(', ')}, ?)`,
          );
          statements.set(key, insert);
        }
        insert.run([...Object.values(row), atMs]);
      }
    }
  })();
}

function timedInto(file: string, write: (db: MirrorDb) => void): number {
  const db = openMirror(file);
  try {
    const started = performance.now();
    write(db);
    return performance.now() - started;
  } finally {
    db.close();
  }
}

export async function runIngest(ctx: BenchContext): Promise<ScenarioResult[]> {
  if (!ctx.mirrorFile) return [notMeasured('ingest', TARGET, 'no synced mirror (sync-full did not run)')];
  const { pages, rows } = readPages(ctx.mirrorFile, ctx.cfg.ingestRows);
  if (!rows) return [notMeasured('ingest', TARGET, 'the synced mirror holds no report rows')];
  const path: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < ctx.cfg.ingestRuns; i++) {
    path.push(rows / (timedInto(join(ctx.tmp, `ingest-path-${i}.sqlite`), (db) => throughWritePath(db, pages)) / 1000));
    raw.push(rows / (timedInto(join(ctx.tmp, `ingest-raw-${i}.sqlite`), (db) => rawInserts(db, pages)) / 1000));
    ctx.log(`ingest ${i + 1}: write path ${Math.round(path[i]!)} rows/s, raw ${Math.round(raw[i]!)} rows/s`);
  }
  const baseline = summarize(raw).median;
  const ratio = summarize(path).median / baseline;
  return [
    measured('ingest', path, 'rows/s', {
      baseline,
      ratio,
      target: TARGET,
      pass: ratio >= 0.5,
      extra: { rows, pages: pages.length },
    }),
  ];
}
