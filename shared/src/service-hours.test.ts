import { describe, expect, it } from 'vitest';
import { zonedTime } from './dates.js';
import { isOffHours, isWorkday } from './service-hours.js';

// Wall-clock times in the alliance's zone (Asia/Shanghai).
const at = (y: number, m: number, d: number, h: number, min = 0) => zonedTime(y, m, d, h, min);

describe('isWorkday', () => {
  it('weekdays work, weekends do not; holidays and 调休 follow the notice', () => {
    expect(isWorkday('2025-03-03')).toBe(true); // a Monday
    expect(isWorkday('2025-03-08')).toBe(false); // a Saturday
    expect(isWorkday('2025-03-09')).toBe(false); // a Sunday
    expect(isWorkday('2025-10-01')).toBe(false); // National Day, a Wednesday
    expect(isWorkday('2025-01-29')).toBe(false); // Spring Festival
    expect(isWorkday('2025-09-28')).toBe(true); // a Sunday worked in exchange
    expect(isWorkday('2025-10-11')).toBe(true); // a Saturday worked in exchange
  });
});

describe('isWorkday in 2026 (the State Council notice of 4 November 2025)', () => {
  it('its holidays are days off, its 调休 weekend days are worked', () => {
    expect(isWorkday('2026-01-02')).toBe(false); // New Year, a Friday
    expect(isWorkday('2026-01-04')).toBe(true); // a Sunday worked
    expect(isWorkday('2026-02-23')).toBe(false); // Spring Festival's last day, a Monday
    expect(isWorkday('2026-02-24')).toBe(true); // the Tuesday after
    expect(isWorkday('2026-02-14')).toBe(true); // a Saturday worked
    expect(isWorkday('2026-02-28')).toBe(true); // a Saturday worked
    expect(isWorkday('2026-04-06')).toBe(false); // Qingming, a Monday
    expect(isWorkday('2026-05-05')).toBe(false); // Labour Day, a Tuesday
    expect(isWorkday('2026-05-09')).toBe(true); // a Saturday worked
    expect(isWorkday('2026-06-19')).toBe(false); // Dragon Boat, a Friday
    expect(isWorkday('2026-09-25')).toBe(false); // Mid-Autumn, a Friday
    expect(isWorkday('2026-09-20')).toBe(true); // a Sunday worked
    expect(isWorkday('2026-10-07')).toBe(false); // National Day, a Wednesday
    expect(isWorkday('2026-10-08')).toBe(true); // the Thursday after
    expect(isWorkday('2026-10-10')).toBe(true); // a Saturday worked
    expect(isOffHours(at(2026, 2, 14, 10), at(2026, 2, 14, 11))).toBe(false);
    expect(isOffHours(at(2026, 10, 5, 10), at(2026, 10, 5, 11))).toBe(true);
  });

  it('a year without its notice counts weekends only', () => {
    expect(isWorkday('2027-10-01')).toBe(true); // a Friday: no 2027 table yet
    expect(isWorkday('2027-10-02')).toBe(false); // a Saturday
  });
});

describe('isOffHours', () => {
  it('inside 08:30–17:30 on a workday is office hours, edges included', () => {
    expect(isOffHours(at(2025, 3, 3, 8, 30), at(2025, 3, 3, 17, 30))).toBe(false);
    expect(isOffHours(at(2025, 3, 3, 10), at(2025, 3, 3, 11))).toBe(false);
  });

  it('any part outside those hours on a workday is off-hours', () => {
    expect(isOffHours(at(2025, 3, 3, 8), at(2025, 3, 3, 9))).toBe(true);
    expect(isOffHours(at(2025, 3, 3, 8, 29), at(2025, 3, 3, 9))).toBe(true);
    expect(isOffHours(at(2025, 3, 3, 17), at(2025, 3, 3, 17, 31))).toBe(true);
    expect(isOffHours(at(2025, 3, 3, 18, 30), at(2025, 3, 3, 20))).toBe(true);
    expect(isOffHours(at(2025, 3, 3, 22), at(2025, 3, 4, 1))).toBe(true);
  });

  it('weekends and holidays are off-hours all day; 调休 workdays are not', () => {
    expect(isOffHours(at(2025, 3, 8, 10), at(2025, 3, 8, 11))).toBe(true);
    expect(isOffHours(at(2025, 10, 2, 10), at(2025, 10, 2, 11))).toBe(true);
    expect(isOffHours(at(2025, 9, 28, 10), at(2025, 9, 28, 11))).toBe(false);
  });

  it('counts in the alliance time zone, not UTC', () => {
    // 2025-03-03 01:00 UTC is 09:00 in Shanghai (office hours), though 01:00 UTC is not.
    expect(isOffHours(new Date('2025-03-03T01:00:00Z'), new Date('2025-03-03T02:00:00Z'))).toBe(false);
    // Friday 17:00 UTC is Saturday 01:00 in Shanghai.
    expect(isOffHours(new Date('2025-03-07T17:00:00Z'), new Date('2025-03-07T18:00:00Z'))).toBe(true);
  });
});
