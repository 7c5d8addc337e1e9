/**
 * `npm run bench [-- --quick | --smoke] [--only id,id]`: runs the benchmark scenarios against a
 * sandbox child process and writes bench-results/latest.json + latest.md (and README-table.md, the README's
 * Performance table, for a whole quick or full run). Each figure's baseline is measured in
 * the same run. Exit code: 0 when every scenario ran (missed targets are reported, not fatal), 1 when a scenario
 * broke. `--smoke` (CI) uses tiny sizes and one run each and judges nothing.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bundleChildren } from './lib/bundle';
import { killAll, REPO_ROOT, runChild, useBundledChildren } from './lib/child';
import { MODES, type BenchContext } from './lib/context';
import {
  machineInfo,
  markdownTable,
  notMeasured,
  writeReport,
  type BenchMode,
  type BenchReport,
  type ScenarioResult,
} from './lib/report';
import { BUILT_CLI } from './lib/sandbox';
import { SCENARIOS, type ScenarioStep } from './scenarios/index';

const RESULTS_DIR = resolve(REPO_ROOT, 'bench-results');

/** Newest modification time of any file under `dir`. */
function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The CLI and the renderer are measured as built: rebuild them when a source is newer than the bundle. */
async function ensureBuilt(log: (m: string) => void): Promise<void> {
  const sources = Math.max(...['main', 'preload', 'renderer'].map((d) => newestMtimeMs(resolve(REPO_ROOT, d))));
  if (existsSync(BUILT_CLI) && statSync(BUILT_CLI).mtimeMs >= sources) return;
  log('out/ is missing or older than the sources: npm run build');
  const built = await runChild('npm', ['run', 'build'], { timeoutMs: 300_000 });
  if (built.code !== 0) throw new Error(`npm run build failed: ${built.stderr.slice(-800)}`);
}

async function runStep(
  ctx: BenchContext,
  step: ScenarioStep,
  results: ScenarioResult[],
  broken: string[],
): Promise<void> {
  const started = performance.now();
  try {
    results.push(...(await step.run(ctx)));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    broken.push(`${step.ids.join(', ')}: ${message}`);
    for (const id of step.ids) results.push(notMeasured(id, step.targets[id] ?? '', `error: ${message.slice(0, 400)}`));
  }
  if (step.ids.length) ctx.log(`${step.ids.join(', ')} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, smoke: { type: 'boolean' }, only: { type: 'string' } },
  });
  const mode: BenchMode = values.smoke ? 'smoke' : values.quick ? 'quick' : 'full';
  const only = values.only ? new Set(values.only.split(',')) : null;
  const runStarted = performance.now();
  const log = (m: string): void =>
    void process.stderr.write(`[bench ${((performance.now() - runStarted) / 1000).toFixed(1)}s] ${m}\n`);
  const report: BenchReport = { machine: machineInfo(), startedAt: new Date().toISOString(), mode, scenarios: [] };
  const cacheDir = join(RESULTS_DIR, 'cache');
  mkdirSync(cacheDir, { recursive: true }); // also creates RESULTS_DIR for the run's temp dir
  const ctx: BenchContext = {
    mode,
    cfg: MODES[mode],
    tmp: mkdtempSync(join(RESULTS_DIR, 'tmp-')),
    cacheDir,
    sandbox: null,
    mirrorFile: null,
    log,
  };
  const broken: string[] = [];
  const cleanUp = (): void => {
    killAll();
    rmSync(ctx.tmp, { recursive: true, force: true });
  };
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    await ensureBuilt(log);
    await bundleChildren(join(ctx.tmp, 'children')).then(
      () => useBundledChildren(join(ctx.tmp, 'children')),
      (error: unknown) =>
        log(`children run under tsx (bundling failed: ${error instanceof Error ? error.message : String(error)})`),
    );
    for (const step of SCENARIOS) {
      // Steps that set up what later ones need (the sandbox, the synced mirror) run even when filtered out.
      if (only && !step.ids.some((id) => only.has(id)) && !step.provides) continue;
      await runStep(ctx, step, report.scenarios, broken);
    }
  } finally {
    await ctx.sandbox?.close();
    cleanUp();
  }
  if (only) report.scenarios = report.scenarios.filter((s) => only.has(s.id));
  if (mode === 'smoke') {
    for (const s of report.scenarios) {
      if (s.pass == null) continue;
      s.note = `smoke sizes: not judged${s.note ? `; ${s.note}` : ''}`;
      s.pass = null;
    }
  }
  report.durationS = Math.round((performance.now() - runStarted) / 1000);
  // The README's table comes from whole quick or full runs only.
  const files = writeReport(RESULTS_DIR, report, { readmeTable: !only && mode !== 'smoke' });
  process.stdout.write(`\n${markdownTable(report)}\nWrote ${files.json} and ${files.md}\n`);
  if (broken.length) process.stderr.write(`\nBroken scenarios:\n${broken.map((b) => `  ${b}`).join('\n')}\n`);
  return broken.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    killAll();
    process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
