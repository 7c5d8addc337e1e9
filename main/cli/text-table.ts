/**
 * An aligned plain-text table for human CLI output: a header row, then rows, columns padded to their widest cell
 * (the last column is not padded, so lines carry no trailing blanks). Cells are org text (names, e-mails): each is
 * made one line with `escapeControls` before it is measured, so a control character cannot break the alignment.
 */
import { escapeControls } from '../core/text/escape-controls';

export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => escapeControls(cell)));
  const widths = header.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!)))
        .join('  ')
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** A UTC calendar day, `2026-11-24`. */
export function utcDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
