import { describe, expect, it } from 'vitest';
import {
  addUtcDays,
  daysOfUtcMonth,
  formatLocalDateTime,
  isWeekendDay,
  ordinal,
  utcMonthOf,
  zonedParts,
} from '../../../main/core/time';
import { at } from './alerts/fixtures';

describe('alert calendar', () => {
  it('puts the last millisecond of November and the first of December in different budget months', () => {
    expect(utcMonthOf(at('2026-11-30T23:59:59.999Z'))).toBe('2026-11');
    expect(utcMonthOf(at('2026-12-01T00:00:00Z'))).toBe('2026-12');
  });

  it('lists every day of a month, leap February included', () => {
    expect(daysOfUtcMonth(at('2028-02-10T00:00:00Z'))).toHaveLength(29);
    expect(daysOfUtcMonth(at('2026-11-23T10:00:00Z')).at(-1)).toBe('2026-11-30');
    expect(addUtcDays('2026-11-30', 1)).toBe('2026-12-01');
  });

  it('knows weekend days by the UTC day', () => {
    expect(['2026-11-21', '2026-11-22', '2026-11-23'].map(isWeekendDay)).toEqual([true, true, false]);
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [24, '24th'],
    [31, '31st'],
  ])('writes %i as %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });

  it('reads local wall time through a DST change (Europe/Berlin, 25 Oct 2026)', () => {
    expect(zonedParts(at('2026-10-25T00:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-10-25',
      minuteOfDay: 2 * 60 + 30,
    });
    expect(zonedParts(at('2026-10-25T01:30:00Z'), 'Europe/Berlin')).toEqual({
      day: '2026-10-25',
      minuteOfDay: 2 * 60 + 30,
    });
    expect(zonedParts(at('2026-10-25T23:30:00Z'), 'Europe/Berlin')).toEqual({ day: '2026-10-26', minuteOfDay: 30 });
  });

  it('writes midnight UTC as the previous afternoon in Los Angeles', () => {
    expect(formatLocalDateTime(at('2026-11-30T00:00:00Z'), 'America/Los_Angeles')).toBe('Sun, 29 Nov 2026, 16:00');
  });
});
