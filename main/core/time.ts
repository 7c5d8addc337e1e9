/**
 * The one time module of the core: the API's RFC 3339 timestamps, UTC days and months (cost days and budget periods
 * are UTC: the API resets limits 00:00 UTC on the 1st), and the admin's IANA zone for quiet hours, the digest and
 * dates written in texts, read through Intl.DateTimeFormat so daylight-saving changes come from the platform.
 */

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

/** `YYYY-MM` of the UTC month holding `ms` (the budget period). */
export function utcMonthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** Epoch ms of 00:00 UTC of a `YYYY-MM-DD` day, or NaN when it is not one. */
export function utcDayStartMs(day: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? Date.parse(`${day}T00:00:00Z`) : Number.NaN;
}

/** The UTC day `offset` days after `day`. */
export function addUtcDays(day: string, offset: number): string {
  return utcDay(utcDayStartMs(day) + offset * DAY_MS);
}

/** Every UTC day of the month holding `ms`, first to last. */
export function daysOfUtcMonth(ms: number): string[] {
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const count = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Array.from({ length: count }, (_, index) => utcDay(Date.UTC(year, month, index + 1)));
}

/** Saturday or Sunday, by the UTC day (cost days are UTC days). */
export function isWeekendDay(day: string): boolean {
  const weekday = new Date(utcDayStartMs(day)).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** "1st", "2nd", "3rd", "11th", "24th". */
export function ordinal(n: number): string {
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${n}th`;
  const suffix = ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export interface ZonedParts {
  /** `YYYY-MM-DD` of the local day. */
  day: string;
  /** Minutes since local midnight, 0..1439. */
  minuteOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local day and minute of `ms` in an IANA time zone. */
export function zonedParts(ms: number, timeZone: string): ZonedParts {
  const parts = formatterFor(timeZone).formatToParts(new Date(ms));
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((part) => part.type === type)?.value ?? '00';
  const hour = Number(get('hour')) % 24;
  return { day: `${get('year')}-${get('month')}-${get('day')}`, minuteOfDay: hour * 60 + Number(get('minute')) };
}

/** True when `timeZone` is an IANA zone this platform knows. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** "HH:MM" → minutes since midnight, or null when malformed. */
export function parseClockTime(text: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** "Sun, 29 Nov 2026, 16:00" in the admin's zone: how expiry instants are written in notifications. */
export function formatLocalDateTime(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(ms));
}
