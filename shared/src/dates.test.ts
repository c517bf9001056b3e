import { describe, expect, it } from 'vitest';
import { localDate, localParts, mondayOf, zonedTime } from './dates.js';

describe('the alliance time zone', () => {
  it('turns a local wall-clock time into the instant, and back', () => {
    // Asia/Shanghai is UTC+8 all year: New Year's morning is still the old year in UTC.
    expect(zonedTime(2021, 1, 1, 7, 20).toISOString()).toBe('2020-12-31T23:20:00.000Z');
    expect(localDate(zonedTime(2021, 1, 1, 7, 20))).toBe('2021-01-01');
    expect(localParts(new Date('2020-12-31T23:20:00Z'))).toEqual({ year: 2021, month: 1, day: 1, hour: 7, minute: 20 });
    // Days overflow as in Date.UTC.
    expect(zonedTime(2020, 1, 367).toISOString()).toBe('2020-12-31T16:00:00.000Z');
  });

  it('reads the offset from the zone, daylight saving included', () => {
    expect(zonedTime(2024, 1, 15, 9, 0, 'Europe/Berlin').toISOString()).toBe('2024-01-15T08:00:00.000Z');
    expect(zonedTime(2024, 7, 15, 9, 0, 'Europe/Berlin').toISOString()).toBe('2024-07-15T07:00:00.000Z');
    expect(localParts(new Date('2024-07-15T07:00:00Z'), 'Europe/Berlin').hour).toBe(9);
  });

  it('keeps a formatter per time zone: one instant, each zone its own date, in any order', () => {
    // 2020-12-31T23:20Z is New Year's Day in Shanghai and Berlin, still New Year's Eve in New York.
    const at = new Date('2020-12-31T23:20:00Z');
    expect([localDate(at), localDate(at, 'Europe/Berlin'), localDate(at, 'America/New_York'), localDate(at)]).toEqual(['2021-01-01', '2021-01-01', '2020-12-31', '2021-01-01']);
  });
});

describe('the alliance\'s weeks, Monday to Sunday', () => {
  it('finds the Monday of any day of the week, across a month and a year end', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
  });
});
