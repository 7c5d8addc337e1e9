/**
 * The shape of `clade-admin report usage|cost|claude-code`: dates are UTC days, both ends inclusive; each row carries
 * its group under the API's own field name; money is a decimal string of cents. Pure: main/db fetches the rows.
 */
import { DAY_MS, parseUtcDay, utcDay } from './time';

export type ReportKind = 'usage' | 'cost' | 'claude-code';
export const REPORT_KINDS: readonly ReportKind[] = ['usage', 'cost', 'claude-code'];
export type ReportGroupBy = 'workspace' | 'api_key' | 'model' | 'description' | 'user';

export interface ReportQuery {
  kind: ReportKind;
  from: string;
  to: string;
  groupBy: ReportGroupBy;
}

/** The usage and cost reports' grouping columns (Claude Code groups by actor or model, claude-code-report.ts). */
export const GROUP_FIELD: Record<
  Exclude<ReportGroupBy, 'user'>,
  'workspace_id' | 'api_key_id' | 'model' | 'description'
> = {
  workspace: 'workspace_id',
  api_key: 'api_key_id',
  model: 'model',
  description: 'description',
};

/**
 * Which groupings each report answers, the first being the default. Cost per api_key is an ESTIMATE (the cost
 * report has no key dimension, admin-api.md §4.2): key-cost-estimate.ts, labelled as such wherever it is shown.
 */
export const SUPPORTED_GROUPS: Record<ReportKind, readonly ReportGroupBy[]> = {
  usage: ['workspace', 'api_key', 'model'],
  cost: ['workspace', 'description', 'model', 'api_key'],
  'claude-code': ['user', 'model'],
};

export class ReportQueryError extends Error {
  override readonly name = 'ReportQueryError';
}

export interface ReportResult<Row> {
  kind: ReportKind;
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  /** False when the range runs past what the mirror holds. */
  complete: boolean;
  /** The UTC days the mirror holds for this report (inclusive), or null before its first sync. */
  coverage: { from: string; to: string } | null;
  rows: Row[];
}

export interface ResolvedRange {
  fromMs: number;
  /** Exclusive: the start of the day after `to`. */
  toExclusiveMs: number;
}

export function resolveReportQuery(q: ReportQuery): ResolvedRange {
  if (!REPORT_KINDS.includes(q.kind)) throw new ReportQueryError(`unknown report kind ${JSON.stringify(q.kind)}`);
  if (!SUPPORTED_GROUPS[q.kind].includes(q.groupBy)) {
    throw new ReportQueryError(
      `a ${q.kind} report can be grouped by ${SUPPORTED_GROUPS[q.kind].join(', ')}, not ${JSON.stringify(q.groupBy)}`,
    );
  }
  let fromMs: number;
  let toMs: number;
  try {
    fromMs = parseUtcDay(q.from);
    toMs = parseUtcDay(q.to);
  } catch (e) {
    throw new ReportQueryError(e instanceof Error ? e.message : String(e));
  }
  if (toMs < fromMs) throw new ReportQueryError(`--to ${q.to} is before --from ${q.from}`);
  return { fromMs, toExclusiveMs: toMs + DAY_MS };
}

export function coverageDays(coverage: { fromMs: number; toMs: number } | null): { from: string; to: string } | null {
  if (!coverage || coverage.toMs <= coverage.fromMs) return null;
  return { from: utcDay(coverage.fromMs), to: utcDay(coverage.toMs - 1) };
}

export function isComplete(range: ResolvedRange, coverage: { fromMs: number; toMs: number } | null): boolean {
  return coverage != null && coverage.fromMs <= range.fromMs && coverage.toMs >= range.toExclusiveMs;
}

/** Nulls (the default workspace, ungrouped costs) first, then byte order: stable output for diffs and tests. */
export function compareGroups(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a == null) return -1;
  if (b == null) return 1;
  return a < b ? -1 : 1;
}
