import type { AuditEvent } from './event';
import { spreadsheetCell } from '../text/spreadsheet-cell';

/**
 * Export rows. CSV: one header row, then one row per event (RFC 4180 quoting, CRLF line ends, structured fields as
 * JSON text). JSON Lines: one event object per line. Both carry every stored field, hashes included, so an
 * exported file can be checked against the trail.
 */
export type AuditExportFormat = 'csv' | 'jsonl';

export const AUDIT_CSV_COLUMNS = [
  'id',
  'at',
  'at_ms',
  'recorded_at_ms',
  'source',
  'type',
  'external_id',
  'actor_kind',
  'actor_id',
  'actor_email',
  'actor_name',
  'workspace_id',
  'key_id',
  'targets',
  'summary',
  'before',
  'after',
  'raw',
  'prev_hash',
  'hash',
] as const;

export function csvHeader(): string {
  return `${AUDIT_CSV_COLUMNS.join(',')}\r\n`;
}

export interface CsvOptions {
  /**
   * Write text cells exactly. By default a cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR
   * first, and not a plain number) gets a leading `'` (core/text/spreadsheet-cell.ts): names and emails in the
   * trail come from org members, so an actor `-2+3+cmd@evil.example` or a workspace `=HYPERLINK(…)` is possible.
   * Raw output round-trips exactly, for programs; `audit export --raw`.
   */
  raw?: boolean;
}

export function csvRow(event: AuditEvent, options: CsvOptions = {}): string {
  const json = (value: unknown): string => (value === null || value === undefined ? '' : JSON.stringify(value));
  const cells: Array<string | number | null> = [
    event.id,
    new Date(event.atMs).toISOString(),
    event.atMs,
    event.recordedAtMs,
    event.source,
    event.type,
    event.externalId,
    event.actor?.kind ?? null,
    event.actor?.id ?? null,
    event.actor?.email ?? null,
    event.actor?.name ?? null,
    event.workspaceId,
    event.keyId,
    json(event.targets),
    event.summary,
    json(event.before),
    json(event.after),
    json(event.raw),
    event.prevHash,
    event.hash,
  ];
  return `${cells.map((cell) => csvCell(cell, options)).join(',')}\r\n`;
}

/** A number as its digits (never a formula); a text through the shared spreadsheet cell rule; null as empty. */
export function csvCell(value: string | number | null, options: CsvOptions = {}): string {
  if (value === null) return '';
  if (typeof value === 'number') return numberText(value); // digits, '.', '-', 'e', '+': never needs quoting
  return spreadsheetCell(value, options);
}

/**
 * The same text as `String(value)`, without V8's number-to-string cache. `String(n)`, `n.toString()` and `${n}`
 * store every result in that cache, which the garbage collector treats as live: two fresh numbers per exported row
 * (id, at_ms) kept each young collection promoting cache entries, which made V8 grow its young generation to the
 * maximum (32 MB) and fill the old one with dead strings between full collections: most of the export's RSS growth
 * and its run-to-run spread. JSON.stringify formats a finite number exactly as String does (ECMA-262
 * SerializeJSONProperty: "If value is finite, return ToString(value)") but writes the digits without the cache.
 */
function numberText(value: number): string {
  return Number.isFinite(value) ? JSON.stringify(value) : String(value);
}

export function jsonlRow(event: AuditEvent): string {
  return `${JSON.stringify(event)}\n`;
}

export function formatExportRow(format: AuditExportFormat, event: AuditEvent, options: CsvOptions = {}): string {
  return format === 'csv' ? csvRow(event, options) : jsonlRow(event);
}

export function exportPreamble(format: AuditExportFormat): string {
  return format === 'csv' ? csvHeader() : '';
}
