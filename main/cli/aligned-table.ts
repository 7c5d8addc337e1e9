/**
 * Aligned text tables for the read commands (`keys`, `access`, `workspaces`, `limits`): a header, rows, and
 * optional total lines. Every cell is org text or derived from it, so each is escaped as one line
 * (core/text/escape-controls.ts): a line feed or an escape sequence in a key's name cannot break the table.
 * Columns named in `right` are right-aligned (numbers, money).
 */
import { escapeControls } from '../core/text/escape-controls';

export interface TableSpec {
  headers: string[];
  rows: string[][];
  /** Indexes of the right-aligned columns. */
  right?: number[];
}

export function alignedTable({ headers, rows, right = [] }: TableSpec): string {
  const cells = [headers, ...rows].map((row) => row.map((cell) => escapeControls(cell)));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => [...(row[column] ?? '')].length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - [...cell].length);
        return right.includes(column) ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  return `${cells.map(line).join('\n')}\n`;
}

/** "wrkspc_01u6FR0n…": an id shortened for a table (the full id is in `--json`). */
export function shortId(id: string | null): string {
  if (id === null) return '—';
  return id.length > 16 ? `${id.slice(0, 15)}…` : id;
}

/** "2026-11-23" for an epoch-ms instant (UTC), or "—". */
export function utcDay(ms: number | null): string {
  return ms === null ? '—' : new Date(ms).toISOString().slice(0, 10);
}
