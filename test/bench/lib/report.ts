/**
 * The bench's output: `bench-results/latest.json` (machine, mode, one row per scenario) and the same table as
 * Markdown on stdout and in `bench-results/latest.md`.
 */
import { cpus } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round, summarize } from './stats';

export type BenchMode = 'full' | 'quick' | 'smoke';

export interface ScenarioResult {
  id: string;
  runs: number;
  min: number | null;
  median: number | null;
  max: number | null;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  target: string;
  /** null: not measured (a dependency is missing) or, in smoke mode, not judged. */
  pass: boolean | null;
  note?: string;
  /** Secondary figures (p95, RSS, request counts, …). */
  extra?: Record<string, number | string | null>;
}

export interface BenchReport {
  machine: { cores: number; node: string; platform: string; cpuModel: string };
  startedAt: string;
  mode: BenchMode;
  durationS?: number;
  scenarios: ScenarioResult[];
}

export function machineInfo(): BenchReport['machine'] {
  const cpu = cpus();
  return {
    cores: cpu.length,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpuModel: cpu[0]?.model.trim() ?? 'unknown',
  };
}

/** A measured row: min/median/max of `values`; `pass` is decided by the caller against the target. */
export function measured(
  id: string,
  values: readonly number[],
  unit: string,
  fields: {
    baseline?: number | null;
    ratio?: number | null;
    target: string;
    pass: boolean | null;
    note?: string;
    extra?: ScenarioResult['extra'];
  },
): ScenarioResult {
  const s = summarize(values);
  return {
    id,
    runs: s.runs,
    min: round(s.min),
    median: round(s.median),
    max: round(s.max),
    unit,
    baseline: fields.baseline == null ? null : round(fields.baseline),
    ratio: fields.ratio == null ? null : round(fields.ratio),
    target: fields.target,
    pass: fields.pass,
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.extra ? { extra: fields.extra } : {}),
  };
}

/** A scenario that could not be measured: never a made-up number. */
export function notMeasured(id: string, target: string, note: string): ScenarioResult {
  return {
    id,
    runs: 0,
    min: null,
    median: null,
    max: null,
    unit: '',
    baseline: null,
    ratio: null,
    target,
    pass: null,
    note,
  };
}

function cell(value: number | null | boolean | undefined): string {
  if (value == null) return '—';
  if (typeof value === 'boolean') return value ? 'pass' : '**FAIL**';
  return Number.isInteger(value) ? String(value) : value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 3);
}

export function markdownTable(report: BenchReport): string {
  const { machine } = report;
  const lines = [
    `Bench (${report.mode}) ${report.startedAt} · ${machine.cores} × ${machine.cpuModel} · Node ${machine.node} · ${machine.platform}` +
      (report.durationS != null ? ` · ${report.durationS} s` : ''),
    '',
    '| id | runs | min | median | max | unit | baseline | ratio | target | result | extra / note |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of report.scenarios) {
    const extra = s.extra
      ? Object.entries(s.extra)
          .map(([k, v]) => `${k}=${typeof v === 'number' ? cell(round(v)) : String(v)}`)
          .join(', ')
      : '';
    const note = [extra, s.note ?? ''].filter(Boolean).join('; ').replace(/\|/g, '/');
    lines.push(
      `| ${s.id} | ${s.runs} | ${cell(s.min)} | ${cell(s.median)} | ${cell(s.max)} | ${s.unit} | ${cell(s.baseline)} | ${cell(s.ratio)} | ${s.target} | ${s.pass == null ? 'n/a' : cell(s.pass)} | ${note} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The README's Performance section body: the table of a whole (not `--only`) quick or full run, with how it was
 * made and the caveat that absolute figures on a shared machine are noisy (ratios are measured in the same run).
 */
export function readmeSection(report: BenchReport): string {
  const { machine } = report;
  const failed = report.scenarios.filter((s) => s.pass === false).map((s) => s.id);
  return [
    `Latest \`npm run bench${report.mode === 'full' ? '' : ` -- --${report.mode}`}\` (${report.mode} mode), ${report.startedAt.slice(0, 16).replace('T', ' ')} UTC, ` +
      `${machine.cores} cores (${machine.cpuModel}), Node ${machine.node}, ${machine.platform}, whole run ${report.durationS ?? '?'} s.`,
    '',
    markdownTable(report).split('\n').slice(2).join('\n').trimEnd(),
    '',
    `Missed targets: ${failed.length ? failed.join(', ') : 'none'}.`,
    '',
    'The machine is shared by several engineers (2 cores), so absolute times are noisy: every ratio is measured against',
    'its baseline in the same run and minute. Reproduce with `npm run bench` (full, < 20 min), `npm run bench -- --quick`',
    '(< 5 min) or `npm run bench -- --smoke` (CI: tiny sizes, never judged); results go to `bench-results/latest.json`.',
    '',
  ].join('\n');
}

export function writeReport(
  dir: string,
  report: BenchReport,
  options: { readmeTable?: boolean } = {},
): { json: string; md: string } {
  mkdirSync(dir, { recursive: true });
  const json = join(dir, 'latest.json');
  const md = join(dir, 'latest.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(md, markdownTable(report));
  if (options.readmeTable) writeFileSync(join(dir, 'README-table.md'), readmeSection(report));
  return { json, md };
}
