/**
 * `--sort` and `--top` for `clade-admin report`: which orders each report offers, and applying one. Amounts (cost,
 * tokens, sessions) sort largest first, because "which key drove yesterday's spike" wants the biggest on top; names
 * sort A to Z. Ties fall back to the name, then the id, so the output is stable for diffs and tests. Pure.
 */
import type { ReportGroupBy, ReportKind } from './report-query';
import { ReportQueryError } from './report-query';

export type ReportSort = 'name' | 'cost' | 'tokens' | 'sessions';

/** What each report can be sorted by; `name` (the default) first. */
export function reportSorts(kind: ReportKind, groupBy: ReportGroupBy): readonly ReportSort[] {
  if (kind === 'usage') return ['name', 'tokens'];
  if (kind === 'cost') return groupBy === 'api_key' ? ['name', 'cost', 'tokens'] : ['name', 'cost'];
  return groupBy === 'user' ? ['name', 'cost', 'tokens', 'sessions'] : ['name', 'cost', 'tokens'];
}

/** The sort asked for, or the default; a sort this report has not got is a usage error that lists the valid ones. */
export function resolveReportSort(kind: ReportKind, groupBy: ReportGroupBy, sort: string | undefined): ReportSort {
  const valid = reportSorts(kind, groupBy);
  if (sort === undefined) return valid[0]!;
  if (!(valid as readonly string[]).includes(sort)) {
    throw new ReportQueryError(
      `a ${kind} report by ${groupBy} can be sorted by ${valid.join(', ')}, not ${JSON.stringify(sort)}`,
    );
  }
  return sort as ReportSort;
}

/** How a row is read for sorting: its shown name, its id, and its amounts (bigint for money, never a float). */
export interface SortKeys<Row> {
  name: (row: Row) => string;
  id: (row: Row) => string | null;
  amount: (row: Row, sort: Exclude<ReportSort, 'name'>) => bigint;
}

export interface SortedRows<Row> {
  rows: Row[];
  /** Rows `--top` left out (0 without it). */
  omitted: number;
}

export function sortReportRows<Row>(
  rows: readonly Row[],
  sort: ReportSort,
  top: number | undefined,
  keys: SortKeys<Row>,
): SortedRows<Row> {
  const byName = (a: Row, b: Row): number => {
    const na = keys.name(a);
    const nb = keys.name(b);
    if (na !== nb) return na < nb ? -1 : 1;
    const ia = keys.id(a) ?? '';
    const ib = keys.id(b) ?? '';
    return ia === ib ? 0 : ia < ib ? -1 : 1;
  };
  const sorted = [...rows].sort((a, b) => {
    if (sort !== 'name') {
      const x = keys.amount(a, sort);
      const y = keys.amount(b, sort);
      if (x !== y) return x > y ? -1 : 1;
    }
    return byName(a, b);
  });
  const kept = top === undefined ? sorted : sorted.slice(0, top);
  return { rows: kept, omitted: sorted.length - kept.length };
}
