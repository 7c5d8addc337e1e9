/**
 * The custom from–to range, checked in the window before it is asked for (main checks again): calendar days in
 * UTC, from ≤ to, not after today, at most 366 days, and at most 31 days when charting hours.
 */
const DAY = 86_400_000;
export const MAX_RANGE_DAYS = 366;
export const MAX_HOUR_RANGE_DAYS = 31;

function parseDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== text ? null : ms;
}

export function utcToday(nowMs: number): string {
  return new Date(nowMs).toISOString().slice(0, 10);
}

/** A message for the user, or null when the range can be shown. */
export function customRangeProblem(from: string, to: string, bucket: 'hour' | 'day', nowMs: number): string | null {
  if (from === '' || to === '') return 'Choose both a start and an end day.';
  const fromMs = parseDay(from);
  const toMs = parseDay(to);
  if (fromMs === null) return 'The start day is not a calendar day.';
  if (toMs === null) return 'The end day is not a calendar day.';
  if (fromMs > toMs) return 'The start day is after the end day.';
  if (toMs > Date.parse(`${utcToday(nowMs)}T00:00:00Z`)) return 'The end day is in the future (days are UTC).';
  const days = (toMs - fromMs) / DAY + 1;
  if (days > MAX_RANGE_DAYS) return `A range can span at most ${MAX_RANGE_DAYS} days.`;
  if (bucket === 'hour' && days > MAX_HOUR_RANGE_DAYS)
    return `Hourly charts cover at most ${MAX_HOUR_RANGE_DAYS} days. Choose days, or a shorter range.`;
  return null;
}
