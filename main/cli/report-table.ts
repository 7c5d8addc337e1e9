/**
 * An aligned text table for the CLI's reports: a header, rows, and an optional total line under a rule. Text
 * columns align left, amounts right. Every cell passes escapeControls, since names come from org members and
 * one name must stay one cell on one line.
 */
import { escapeControls } from '../core/text/escape-controls';

export interface Column {
  title: string;
  align?: 'left' | 'right';
}

export function renderTable(columns: readonly Column[], rows: readonly string[][], total?: string[]): string {
  const cells = (row: readonly string[]) => row.map((cell) => escapeControls(cell));
  const body = rows.map(cells);
  const foot = total ? cells(total) : null;
  const widths = columns.map((column, i) =>
    Math.max(column.title.length, ...body.map((row) => row[i]!.length), foot ? foot[i]!.length : 0),
  );
  const line = (row: readonly string[]) =>
    row
      .map((cell, i) => (columns[i]!.align === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const out = [
    line(columns.map((c) => c.title)),
    ...body.map(line),
    ...(foot ? [widths.map((w) => '-'.repeat(w)).join('  '), line(foot)] : []),
  ];
  return `${out.map((l) => `  ${l}`).join('\n')}\n`;
}

/** An id cut to what tells ids apart at a glance ("apikey_01Rj2N…"); the JSON keeps the whole id. */
export function shortId(id: string | null): string {
  if (id === null) return '';
  return id.length > 14 ? `${id.slice(0, 13)}…` : id;
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
