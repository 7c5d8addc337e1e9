/**
 * The spend table as CSV: one row per day, one column per group, amounts in dollars written exactly from
 * the cents strings (no float). Cells that a spreadsheet would run as a formula are defused.
 */
import type { DailySpend } from '../../../preload/contract';

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
  const defused = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}

export function spendToCsv(data: DailySpend): string {
  const header = ['day', ...data.series.map((s) => `${s.label} (${data.currency})`)];
  const lines = data.dayStartsMs.map((day, i) => [new Date(day).toISOString().slice(0, 10), ...data.series.map((s) => centsToDollars(s.cents[i] ?? '0'))]);
  return [header, ...lines].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
