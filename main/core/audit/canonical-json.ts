import type { JsonValue } from './event';

/**
 * JSON with object keys sorted at every level and `undefined` members dropped: one value, one text. Used for every
 * structured column of the audit trail, so the stored text (which is what gets hashed) is deterministic.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalise(value));
}

/** Turns arbitrary input into a plain JSON value with sorted keys; throws on values JSON cannot hold faithfully. */
export function canonicalise(value: unknown): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return value;
  }
  // Money may arrive as BigInt nanocents; JSON carries it as a decimal string.
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : canonicalise(item)));
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const key of Object.keys(value as object).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined && typeof member !== 'function') out[key] = canonicalise(member);
    }
    return out;
  }
  throw new Error(`cannot store a ${typeof value} in the audit trail`);
}
