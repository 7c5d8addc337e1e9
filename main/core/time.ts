/** Pure helpers for the API's RFC 3339 timestamps and UTC days. */

/** Epoch ms of an RFC 3339 timestamp; throws on a string that is not one (validated input should never be). */
export function parseApiTime(value: string): number {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`not an RFC 3339 time: ${JSON.stringify(value)}`);
  return ms;
}

export function parseApiTimeOrNull(value: string | null | undefined): number | null {
  return value == null ? null : parseApiTime(value);
}

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the UTC day holding `ms`. */
export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch ms of 00:00 UTC of a `YYYY-MM-DD` day; throws on anything else. */
export function parseUtcDay(day: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms) || utcDay(ms) !== day) throw new Error(`not a calendar day: ${day}`);
  return ms;
}

export function floorTo(ms: number, unitMs: number): number {
  return Math.floor(ms / unitMs) * unitMs;
}

/** RFC 3339 in UTC with second precision, the form the report endpoints accept. */
export function toApiTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The system's IANA zone: quiet hours, the digest and dates in texts use it unless the admin pinned another. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
