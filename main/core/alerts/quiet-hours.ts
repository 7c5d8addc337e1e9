/**
 * Quiet hours: a local-time window (possibly across midnight) in an IANA zone during which notifications wait.
 * Local wall time comes from Intl.DateTimeFormat, so "22:00–07:00 Europe/Berlin" stays 22:00–07:00 on the
 * night clocks go back (a 10-hour night in UTC) or forward (8 hours).
 */
import { zonedParts, parseClockTime } from '../time';

export interface QuietHours {
  enabled: boolean;
  /** "HH:MM", local. */
  start: string;
  /** "HH:MM", local; before `start` means the window crosses midnight. */
  end: string;
  timeZone: string;
}

function window(hours: QuietHours): { start: number; end: number } | null {
  const start = parseClockTime(hours.start);
  const end = parseClockTime(hours.end);
  if (!hours.enabled || start === null || end === null || start === end) return null;
  return { start, end };
}

export function isWithinQuietHours(nowMs: number, hours: QuietHours): boolean {
  const bounds = window(hours);
  if (bounds === null) return false;
  const minute = zonedParts(nowMs, hours.timeZone).minuteOfDay;
  return bounds.start < bounds.end
    ? minute >= bounds.start && minute < bounds.end
    : minute >= bounds.start || minute < bounds.end;
}

/**
 * The instant the current quiet hours end (the next local `end` time), or null when not in quiet hours.
 * Found by stepping the wall-clock distance and correcting by the zone's offset change, so a DST switch
 * in between moves the answer by that hour. An `end` inside a spring-forward gap resolves to just after it.
 */
export function quietHoursEndMs(nowMs: number, hours: QuietHours): number | null {
  const bounds = window(hours);
  if (bounds === null || !isWithinQuietHours(nowMs, hours)) return null;
  const startOfMinute = nowMs - (nowMs % 60_000);
  const minute = zonedParts(nowMs, hours.timeZone).minuteOfDay;
  let candidate = startOfMinute + ((bounds.end - minute + 1440) % 1440) * 60_000;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const local = zonedParts(candidate, hours.timeZone).minuteOfDay;
    const drift = ((bounds.end - local + 2160) % 1440) - 720;
    if (drift === 0) break;
    candidate += drift * 60_000;
  }
  while (isWithinQuietHours(candidate, hours)) candidate += 60_000;
  return candidate;
}
