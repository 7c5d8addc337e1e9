/**
 * audit-search (one full-text term plus one qualifier, first page, p50/p95) and audit-export (CSV of every event,
 * peak RSS growth of the exporting child) over a trail of `auditEvents` events. The fixture is built in bulk (about a
 * minute for a million events, see lib/audit-fixture.ts) and verified; it is also cached under bench-results/cache,
 * keyed by the code that shapes it (audit migration, append path, chain, fixture generator): any change there builds
 * a new one.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { searchAuditEvents } from '../../../main/db/audit/search';
import { openMirror } from '../../../main/db/open';
import { REPO_ROOT, runTsChild } from '../lib/child';
import type { BenchContext } from '../lib/context';
import { measured, type ScenarioResult } from '../lib/report';
import { percentile } from '../lib/stats';

export const TARGETS = { 'audit-search': 'p95 ≤ 50 ms', 'audit-export': '≤ 100 MB peak RSS growth' };
/** What shapes the stored events. Other migrations only add tables: the cached file is migrated in place. */
const FIXTURE_SOURCES = [
  'main/db/migrations/0100-create-audit-trail.ts',
  'main/db/audit/append.ts',
  'main/db/audit/audit-rows.ts',
  'main/core/audit/chain.ts',
  'main/core/audit/canonical-json.ts',
  'main/core/audit/event.ts',
  'main/core/redact.ts',
  'main/db/audit/sha256.ts',
  'test/bench/lib/audit-fixture.ts',
];
/** Text + one qualifier each; the terms come from the fixture generator's vocabulary. */
const QUERIES = [
  'billing type:api_key_created',
  'prod actor:person42@example.com',
  'member workspace:wrkspc_bench_7',
  'research source:compliance',
  'login type:login_failed',
  'staging after:2026-06-01',
];

function fingerprint(count: number): string {
  const hash = createHash('sha256').update(String(count));
  const add = (path: string): void => {
    if (statSync(path).isDirectory()) for (const f of readdirSync(path).sort()) add(join(path, f));
    else hash.update(path).update(readFileSync(path));
  };
  for (const source of FIXTURE_SOURCES) add(resolve(REPO_ROOT, source));
  return hash.digest('hex').slice(0, 16);
}

async function auditFixture(ctx: BenchContext): Promise<{ file: string; note: string }> {
  const count = ctx.cfg.auditEvents;
  const file = join(ctx.cacheDir, `audit-${count}-${fingerprint(count)}.sqlite`);
  if (existsSync(file)) {
    try {
      openMirror(file).close(); // brings it to this build's schema
      return { file, note: 'fixture reused from bench-results/cache' };
    } catch (error) {
      ctx.log(`cached audit fixture unusable (${error instanceof Error ? error.message : String(error)}): rebuilding`);
    }
  }
  for (const old of readdirSync(ctx.cacheDir).filter((f) => f.startsWith(`audit-${count}-`)))
    rmSync(join(ctx.cacheDir, old), { force: true });
  const partial = join(ctx.tmp, 'audit-fixture.sqlite');
  ctx.log(`building the ${count}-event audit fixture (cached for later runs)…`);
  // The smoke run (CI) checks the builder's chain with verifyAuditChain every time; the builder is deterministic, so
  // the 1M-event runs skip the 15–45 s re-check (set BENCH_VERIFY_FIXTURE=1 to have it anyway).
  const verify = ctx.mode === 'smoke' || process.env.BENCH_VERIFY_FIXTURE === '1';
  const built = await runTsChild<{ ms: number; verifyMs: number | null; phases: Record<string, number> }>(
    'audit-child.ts',
    ['build', partial, String(count), String(Date.now()), ...(verify ? ['verify'] : [])],
    20 * 60_000,
  );
  renameSync(partial, file);
  const phases = Object.entries(built.phases)
    .map(([k, v]) => `${k} ${Math.round(v / 1000)} s`)
    .join(', ');
  const verified =
    built.verifyMs == null
      ? 'chain not re-verified (smoke runs verify the builder)'
      : `chain verified in ${Math.round(built.verifyMs / 1000)} s`;
  ctx.log(`audit fixture built in ${Math.round(built.ms / 1000)} s (${phases}), ${verified}`);
  return { file, note: `fixture built in ${Math.round(built.ms / 1000)} s (${phases}), ${verified}, cached` };
}

function runSearch(ctx: BenchContext, file: string, note: string): ScenarioResult {
  const db = openMirror(file, { readonly: true });
  try {
    for (const q of QUERIES) searchAuditEvents(db, q); // warm-up
    const times: number[] = [];
    // CPU time next to wall time: on a shared machine the gap between them is time spent waiting for a core.
    const cpuTimes: number[] = [];
    const hits: number[] = [];
    const byQuery = new Map<string, number[]>();
    for (let i = 0; i < ctx.cfg.searchRuns; i++) {
      const q = QUERIES[i % QUERIES.length]!;
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const page = searchAuditEvents(db, q);
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuStarted);
      times.push(ms);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      hits.push(page.events.length);
      byQuery.set(q, [...(byQuery.get(q) ?? []), ms]);
    }
    const p95 = percentile(times, 95);
    const slowest = [...byQuery].map(([q, ms]) => `"${q}" ${Math.round(Math.max(...ms))} ms`).join(', ');
    return measured('audit-search', times, 'ms', {
      target: TARGETS['audit-search'],
      pass: p95 <= 50,
      note: `${ctx.cfg.auditEvents} events, first page of ${QUERIES.length} queries in turn (max per query: ${slowest}); ${note}`,
      extra: {
        p50: percentile(times, 50),
        p95,
        cpuP50: percentile(cpuTimes, 50),
        cpuP95: percentile(cpuTimes, 95),
        emptyPages: hits.filter((h) => h === 0).length,
      },
    });
  } finally {
    db.close();
  }
}

interface ExportRun {
  count: number;
  ms: number;
  beforeKb: number;
  peakKb: number;
  maxRssKb: number;
  bytes: number;
}

async function runExport(ctx: BenchContext, file: string): Promise<ScenarioResult> {
  const growth: number[] = [];
  let last: ExportRun | null = null;
  for (let i = 0; i < ctx.cfg.exportRuns; i++) {
    const out = join(ctx.tmp, `export-${i}.csv`);
    last = await runTsChild<ExportRun>('audit-child.ts', ['export', file, out], 30 * 60_000);
    rmSync(out, { force: true });
    growth.push((Math.max(last.peakKb, last.maxRssKb) - last.beforeKb) / 1024);
    ctx.log(
      `audit-export ${i + 1}: ${last.count} events in ${Math.round(last.ms)} ms, RSS +${Math.round(growth[i]!)} MB`,
    );
  }
  return measured('audit-export', growth, 'MB', {
    target: TARGETS['audit-export'],
    pass: Math.max(...growth) <= 100,
    note: 'peak RSS of the exporting child minus its RSS just before the export',
    extra: {
      events: last!.count,
      exportMs: last!.ms,
      csvMb: last!.bytes / 1024 / 1024,
      rssBeforeMb: last!.beforeKb / 1024,
    },
  });
}

export async function runAuditScenarios(ctx: BenchContext): Promise<ScenarioResult[]> {
  const fixture = await auditFixture(ctx);
  return [runSearch(ctx, fixture.file, fixture.note), await runExport(ctx, fixture.file)];
}
