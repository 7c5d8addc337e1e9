/**
 * Differences between a stored row and a freshly fetched one, as journal events:
 * created (with the new row), changed (before → after per field), removed (with the last stored row).
 */
import type { Row, Scalar } from './entities';

export type JournalKind = 'created' | 'changed' | 'removed';
export type FieldChange = { before: JsonScalar; after: JsonScalar };
/**
 * JSON cannot hold BigInt: integers that came back from SQLite as BigInt are written as numbers when exact, and as
 * decimal strings beyond 2^53 (only very large nanocent amounts).
 */
export type JsonScalar = string | number | null;

export interface JournalEvent {
  resource: string;
  entityKey: string;
  kind: JournalKind;
  /** created/removed: the whole row; changed: only the fields that differ. */
  detail: Record<string, JsonScalar> | Record<string, FieldChange>;
}

export function toJsonScalar(v: Scalar): JsonScalar {
  if (typeof v !== 'bigint') return v;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

/** SQLite hands integers back as BigInt (safeIntegers) while fresh rows hold numbers: compare by value. */
export function sameScalar(a: Scalar | undefined, b: Scalar | undefined): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  if (typeof a === 'string' || typeof b === 'string') return typeof a === typeof b && a === b;
  if (!isIntegral(a) || !isIntegral(b)) return Number(a) === Number(b);
  return BigInt(a) === BigInt(b);
}

export function changedFields(before: Row, after: Row, keyColumns: readonly string[]): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of Object.keys(after)) {
    if (keyColumns.includes(field)) continue;
    if (!sameScalar(before[field], after[field])) {
      changes[field] = { before: toJsonScalar(before[field] ?? null), after: toJsonScalar(after[field] ?? null) };
    }
  }
  return changes;
}

export function rowAsJson(row: Row): Record<string, JsonScalar> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, toJsonScalar(v)]));
}

function isIntegral(v: number | bigint): boolean {
  return typeof v === 'bigint' || Number.isInteger(v);
}
