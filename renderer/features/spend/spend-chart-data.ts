/**
 * What the chart draws, from the exact answer: the largest groups (the rest folded into "Other"), one line each,
 * and for cost a solid "billed" and a dashed "estimate" line per group. Numbers become floats only here, for
 * geometry; the table under the chart and the CSV carry the exact amounts.
 */
import type { UsageSeries } from '../../../preload/contract';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies, readable on light and dark. */
export const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#A6761D', '#8C8C8C'];

export interface ChartLine {
  label: string;
  color: string;
  /** Dashed for an estimate, so billed and estimate differ by more than colour. */
  dashed: boolean;
  values: number[];
}

export interface ChartModel {
  /** Bucket starts in seconds (uPlot's time unit). */
  xs: number[];
  lines: ChartLine[];
  /** "$" or "tokens", for the y axis. */
  unit: 'usd' | 'tokens';
}

const dollars = (cents: string): number => Number(cents) / 100;

export function chartModel(data: UsageSeries): ChartModel {
  const cost = data.metric === 'cost';
  const most = cost ? (data.billed === 'available' ? 4 : 7) : 7;
  // "Other" only when it folds two or more groups; one more group is drawn as itself.
  const shown = data.groups.length <= most + 1 ? data.groups.length : most;
  const top = data.groups.slice(0, shown);
  const rest = data.groups.slice(shown);
  const xs = data.bucketStartsMs.map((ms) => ms / 1000);
  const lines: ChartLine[] = [];
  const add = (label: string, color: string, estimate: number[], billed: number[] | null, tokens: number[]): void => {
    if (!cost) {
      lines.push({ label, color, dashed: false, values: tokens });
      return;
    }
    if (billed) lines.push({ label: `${label} — billed`, color, dashed: false, values: billed });
    lines.push({ label: `${label} — estimate`, color, dashed: true, values: estimate });
  };
  top.forEach((group, i) => {
    add(
      group.label,
      PALETTE[i % PALETTE.length]!,
      group.estimateCents.map(dollars),
      group.billedCents?.map(dollars) ?? null,
      group.tokens,
    );
  });
  if (rest.length > 0) {
    const sum = (pick: (g: UsageSeries['groups'][number], i: number) => number) =>
      xs.map((_, i) => rest.reduce((total, g) => total + pick(g, i), 0));
    add(
      `Other (${rest.length})`,
      PALETTE[PALETTE.length - 1]!,
      sum((g, i) => dollars(g.estimateCents[i] ?? '0')),
      data.billed === 'available' ? sum((g, i) => dollars(g.billedCents?.[i] ?? '0')) : null,
      sum((g, i) => g.tokens[i] ?? 0),
    );
  }
  return { xs, lines, unit: cost ? 'usd' : 'tokens' };
}
