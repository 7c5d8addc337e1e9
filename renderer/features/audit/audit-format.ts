/**
 * Pure helpers of the audit view: folding the filter controls into the trail's query language, showing times
 * in the admin's zone (with UTC alongside), naming actors and targets, and lining up before → after.
 */
import type { AuditEventView } from '../../../preload/contract';

export type SourceFilter = 'all' | AuditEventView['source'];

export interface AuditFilters {
  text: string;
  source: SourceFilter;
  /** YYYY-MM-DD from a date input, or '' (UTC days, as the query language defines them). */
  after: string;
  before: string;
}

export const EMPTY_FILTERS: AuditFilters = { text: '', source: 'all', after: '', before: '' };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The query the trail runs: the typed text (which may hold qualifiers itself) plus the filter controls. */
export function buildAuditQuery(filters: AuditFilters): string {
  const parts = [filters.text.trim()];
  if (filters.source !== 'all') parts.push(`source:${filters.source}`);
  if (DAY.test(filters.after)) parts.push(`after:${filters.after}`);
  if (DAY.test(filters.before)) parts.push(`before:${filters.before}`);
  return parts.filter(Boolean).join(' ');
}

/** "23 Nov 2026, 19:52:55" in the admin's own zone and locale. */
export function formatLocalTime(ms: number, timeZone?: string): string {
  return new Date(ms).toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
}

/** "2026-11-23 19:52:55 UTC": the tooltip under every local time. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export const SOURCE_LABEL: Record<AuditEventView['source'], string> = {
  compliance: 'Activity feed',
  journal: 'Change journal',
  local: 'This app',
};

export function actorLabel(actor: AuditEventView['actor']): string {
  if (!actor) return '—';
  return actor.name ?? actor.email ?? actor.id ?? actor.kind.replace(/_/g, ' ');
}

export function targetLabel(target: AuditEventView['targets'][number]): string {
  const kind = target.type.replace(/_/g, ' ');
  if (target.name && target.id) return `${kind} ${target.name} (${target.id})`;
  return `${kind} ${target.name ?? target.id ?? ''}`.trim();
}

export interface ChangeRow {
  field: string;
  before: string;
  after: string;
  changed: boolean;
}

/**
 * before → after, one row per field. Objects line up field by field (a created event has only `after`, a removed
 * one only `before`); anything else is one row named "value". Values are shown as compact JSON.
 */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const isRecord = (value: unknown): value is Record<string, unknown> =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (
    (before === null || isRecord(before)) &&
    (after === null || isRecord(after)) &&
    (before !== null || after !== null)
  ) {
    const b = (before ?? {}) as Record<string, unknown>;
    const a = (after ?? {}) as Record<string, unknown>;
    const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
    return fields.map((field) => {
      const from = field in b ? showValue(b[field]) : '—';
      const to = field in a ? showValue(a[field]) : '—';
      return { field, before: from, after: to, changed: from !== to };
    });
  }
  if (before === null && after === null) return [];
  const from = showValue(before);
  const to = showValue(after);
  return [{ field: 'value', before: from, after: to, changed: from !== to }];
}

function showValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
