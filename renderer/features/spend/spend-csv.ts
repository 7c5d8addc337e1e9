/**
 * The shown usage as CSV, one row per bucket and group (buckets and groups with nothing in them are left out):
 * the charted tokens, the estimate and — where it exists — the billed amount, in dollars written exactly from
 * the cents strings (no float). Summing a group's rows gives the table's total for it. Every cell goes through the
 * one CSV cell rule the audit export uses too (main/core/text/spreadsheet-cell.ts: dependency-free, the one
 * main/ folder the renderer may import): a key or workspace name a spreadsheet would run as a formula is defused,
 * a plain number stays a number.
 */
import type { UsageSeries } from '../../../preload/contract';
import { spreadsheetCell } from '../../../main/core/text/spreadsheet-cell';
import { metricLabel } from './spend-labels';

/** "123456.789" cents → "1234.56789" dollars, exactly. */
export function centsToDollars(cents: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cents);
  if (!match) return cents;
  const [, sign, whole, fraction = ''] = match;
  const padded = whole!.padStart(3, '0');
  const dollars = padded.slice(0, -2).replace(/^0+(?=\d)/, '');
  const rest = `${padded.slice(-2)}${fraction}`.replace(/0+$/, '');
  return `${sign}${dollars}${rest ? `.${rest}` : ''}`;
}

export function csvCell(value: string): string {
  return spreadsheetCell(value);
}

/** A bucket start as the CSV writes it: `2026-11-21` for days, `2026-11-21T14:00Z` for hours (UTC). */
export function bucketText(ms: number, bucket: UsageSeries['bucket']): string {
  const iso = new Date(ms).toISOString();
  return bucket === 'day' ? iso.slice(0, 10) : `${iso.slice(0, 16)}Z`;
}

const isZero = (cents: string): boolean => /^-?0(\.0*)?$/.test(cents);

export function usageToCsv(data: UsageSeries): string {
  const billed = data.billed === 'available';
  const header = [
    data.bucket,
    data.groupBy,
    `${data.groupBy} id`,
    metricLabel(data.metric === 'cost' ? 'tokens' : data.metric),
    `estimate (${data.currency})`,
    ...(billed ? [`billed (${data.currency})`] : []),
  ];
  const rows: string[][] = [];
  data.bucketStartsMs.forEach((ms, i) => {
    for (const group of data.groups) {
      const tokens = group.tokens[i] ?? 0;
      const estimate = group.estimateCents[i] ?? '0';
      const billedCents = group.billedCents?.[i] ?? '0';
      if (tokens === 0 && isZero(estimate) && isZero(billedCents)) continue;
      rows.push([
        bucketText(ms, data.bucket),
        group.label,
        group.key,
        String(tokens),
        centsToDollars(estimate),
        ...(billed ? [centsToDollars(billedCents)] : []),
      ]);
    }
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvFileName(data: UsageSeries, rangeName: string): string {
  return `clade-admin-spend-${data.groupBy}-${rangeName}${data.bucket === 'hour' ? '-hourly' : ''}.csv`;
}
