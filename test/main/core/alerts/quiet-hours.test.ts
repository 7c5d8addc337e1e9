import { describe, expect, it } from 'vitest';
import { isWithinQuietHours, quietHoursEndMs, type QuietHours } from '../../../../main/core/alerts/quiet-hours';
import { at } from './fixtures';

const berlin: QuietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' };
const newYork: QuietHours = { enabled: true, start: '22:00', end: '07:00', timeZone: 'America/New_York' };

describe('isWithinQuietHours', () => {
  it.each([
    // Europe/Berlin in November is UTC+1.
    ['2026-11-23T20:59:00Z', false], // 21:59
    ['2026-11-23T21:00:00Z', true], // 22:00
    ['2026-11-23T23:30:00Z', true], // 00:30, across midnight
    ['2026-11-24T05:59:00Z', true], // 06:59
    ['2026-11-24T06:00:00Z', false], // 07:00
    ['2026-11-24T12:00:00Z', false],
  ])('Berlin 22:00–07:00 at %s → %s', (iso, quiet) => {
    expect(isWithinQuietHours(at(iso), berlin)).toBe(quiet);
  });

  it.each([
    // Night of 24→25 Oct 2026: 22:00 CEST (UTC+2) to 07:00 CET (UTC+1), clocks go back at 01:00Z.
    ['2026-10-24T19:59:00Z', false], // 21:59 CEST
    ['2026-10-24T20:00:00Z', true], // 22:00 CEST
    ['2026-10-25T00:30:00Z', true], // 02:30 CEST (first pass)
    ['2026-10-25T01:30:00Z', true], // 02:30 CET (second pass)
    ['2026-10-25T05:30:00Z', true], // 06:30 CET — a fixed +2 h offset would call this 07:30 and wake the admin
    ['2026-10-25T06:00:00Z', false], // 07:00 CET
  ])('Berlin over the October DST change at %s → %s', (iso, quiet) => {
    expect(isWithinQuietHours(at(iso), berlin)).toBe(quiet);
  });

  it.each([
    // 8 Mar 2026: New York springs forward at 07:00Z (02:00 EST → 03:00 EDT).
    ['2026-03-08T02:59:00Z', false], // 21:59 EST on the 7th
    ['2026-03-08T03:00:00Z', true], // 22:00 EST
    ['2026-03-08T10:59:00Z', true], // 06:59 EDT
    ['2026-03-08T11:00:00Z', false], // 07:00 EDT — a fixed EST offset would still say 06:00
  ])('New York over the March DST change at %s → %s', (iso, quiet) => {
    expect(isWithinQuietHours(at(iso), newYork)).toBe(quiet);
  });

  it('handles a window inside one day and ignores disabled or empty windows', () => {
    const lunch: QuietHours = { enabled: true, start: '12:00', end: '13:00', timeZone: 'UTC' };
    expect(isWithinQuietHours(at('2026-11-23T12:30:00Z'), lunch)).toBe(true);
    expect(isWithinQuietHours(at('2026-11-23T13:00:00Z'), lunch)).toBe(false);
    expect(isWithinQuietHours(at('2026-11-23T23:00:00Z'), lunch)).toBe(false);
    expect(isWithinQuietHours(at('2026-11-23T12:30:00Z'), { ...lunch, enabled: false })).toBe(false);
    expect(isWithinQuietHours(at('2026-11-23T12:30:00Z'), { ...lunch, end: '12:00' })).toBe(false);
  });
});

describe('quietHoursEndMs', () => {
  it.each([
    ['an ordinary Berlin night', berlin, '2026-11-23T22:15:30Z', '2026-11-24T06:00:00Z'],
    ['the Berlin night clocks go back (10 h long)', berlin, '2026-10-24T21:00:00Z', '2026-10-25T06:00:00Z'],
    ['the New York night clocks go forward (8 h long)', newYork, '2026-03-08T03:00:00Z', '2026-03-08T11:00:00Z'],
    [
      'an end inside the spring-forward gap (02:30) resolves to 03:00 EDT',
      { ...newYork, end: '02:30' },
      '2026-03-08T05:00:00Z',
      '2026-03-08T07:00:00Z',
    ],
  ])('%s', (_label, hours, nowIso, endIso) => {
    expect(new Date(quietHoursEndMs(at(nowIso), hours)!).toISOString()).toBe(new Date(at(endIso)).toISOString());
  });

  it('is null outside quiet hours', () => {
    expect(quietHoursEndMs(at('2026-11-24T12:00:00Z'), berlin)).toBeNull();
  });
});
