import { afterEach, describe, expect, it } from 'vitest';
import {
  allianceDate,
  allianceDateTime,
  allianceDayAhead,
  allianceMonthsAhead,
  allianceTime,
  allianceTimeAhead,
  allianceToday,
  fromAllianceWallClock,
  toAllianceWallClock,
} from '../time';

/*
 * Times on screen are the alliance's (Asia/Shanghai) whatever the browser's zone.
 * The web tests run with the machine's zone; the browser test
 * (test/browser/shell.test.ts) runs a New York browser. Here the instants are
 * chosen so that New York, UTC and Shanghai disagree on the day.
 */

describe('allianceTime', () => {
  it("shows an instant as Shanghai's wall-clock time, not the machine's", () => {
    // 2026-03-01 23:30 in New York (UTC-5) is 04:30 UTC, 12:30 in Shanghai.
    const at = '2026-03-02T04:30:00.000Z';
    expect(allianceTime(at)).toBe('2026-03-02 12:30');
    expect(allianceTime(at, 'MM-DD')).toBe('03-02');
    expect(allianceTime(at, 'MM-DD HH:mm')).toBe('03-02 12:30');
    expect(allianceTime(new Date(at), 'HH:mm:ss')).toBe('12:30:00');
    // 16:30 UTC is already the next day in Shanghai.
    expect(allianceDate('2026-03-01T16:30:00Z')).toBe('2026-03-02');
    expect(allianceTime('2026-03-01T16:30:00Z')).toBe(allianceDateTime('2026-03-01T16:30:00Z'));
  });

  it('takes a calendar date as it is (no shift by any zone), and nothing for no or a bad value', () => {
    expect(allianceTime('2026-12-31', 'YYYY-MM-DD')).toBe('2026-12-31');
    expect(allianceTime('2026-12-31', 'MM-DD')).toBe('12-31');
    expect(allianceTime(null)).toBe('');
    expect(allianceTime('not a time')).toBe('');
  });
});

/*
 * The pickers' conversion: the alliance's wall clock ('YYYY-MM-DD HH:mm') and
 * the instant. Shanghai has no daylight saving (UTC+8 all year); New York has,
 * so the same code is checked around its switches and around midnight, and once
 * more with the machine itself set to New York (Node follows a changed TZ).
 */
const NY = 'America/New_York';

describe('the alliance wall clock and the instant', () => {
  const machineZone = process.env.TZ;
  afterEach(() => {
    if (machineZone === undefined) delete process.env.TZ;
    else process.env.TZ = machineZone;
  });

  it("Shanghai: UTC+8 all year, midnight is the day before's 16:00 UTC", () => {
    expect(fromAllianceWallClock('2026-03-02 00:30')?.toISOString()).toBe('2026-03-01T16:30:00.000Z');
    expect(fromAllianceWallClock('2026-07-15 18:00')?.toISOString()).toBe('2026-07-15T10:00:00.000Z');
    expect(fromAllianceWallClock('2026-12-31 23:59')?.toISOString()).toBe('2026-12-31T15:59:00.000Z');
    expect(fromAllianceWallClock('2026-03-02')?.toISOString()).toBe('2026-03-01T16:00:00.000Z');
    expect(toAllianceWallClock('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
    expect(toAllianceWallClock('2026-03-01T15:59:00.000Z')).toBe('2026-03-01 23:59');
    expect(toAllianceWallClock(new Date('2026-07-15T10:00:00Z'))).toBe('2026-07-15 18:00');
  });

  it('New York: UTC-5 in winter, UTC-4 in summer, around midnight and its switches', () => {
    expect(fromAllianceWallClock('2026-01-10 00:30', NY)?.toISOString()).toBe('2026-01-10T05:30:00.000Z');
    expect(fromAllianceWallClock('2026-07-10 00:30', NY)?.toISOString()).toBe('2026-07-10T04:30:00.000Z');
    // 8 March 2026: clocks go forward at 02:00; midnight is still winter's, 23:30 summer's.
    expect(fromAllianceWallClock('2026-03-08 00:30', NY)?.toISOString()).toBe('2026-03-08T05:30:00.000Z');
    expect(fromAllianceWallClock('2026-03-08 23:30', NY)?.toISOString()).toBe('2026-03-09T03:30:00.000Z');
    // 1 November 2026: clocks go back at 02:00.
    expect(fromAllianceWallClock('2026-11-01 00:30', NY)?.toISOString()).toBe('2026-11-01T04:30:00.000Z');
    expect(fromAllianceWallClock('2026-11-01 23:30', NY)?.toISOString()).toBe('2026-11-02T04:30:00.000Z');
    expect(toAllianceWallClock('2026-03-09T03:30:00.000Z', NY)).toBe('2026-03-08 23:30');
    expect(toAllianceWallClock('2026-11-02T04:30:00.000Z', NY)).toBe('2026-11-01 23:30');
    // The same instant, two wall clocks on different days.
    expect(toAllianceWallClock('2026-03-09T03:30:00.000Z')).toBe('2026-03-09 11:30');
  });

  it("round-trips every half hour of a New York spring-forward week in Shanghai's wall clock", () => {
    for (let t = Date.UTC(2026, 2, 5); t < Date.UTC(2026, 2, 12); t += 30 * 60_000) {
      const wall = toAllianceWallClock(new Date(t))!;
      expect(fromAllianceWallClock(wall)?.getTime(), wall).toBe(t);
    }
  });

  it("does not depend on the machine's zone: a New York machine gets Shanghai's instants and days", () => {
    process.env.TZ = NY;
    // The machine really is in New York now: its local midnight of 2 March is 05:00 UTC.
    expect(new Date(2026, 2, 2).toISOString()).toBe('2026-03-02T05:00:00.000Z');
    expect(fromAllianceWallClock('2026-03-02 00:30')?.toISOString()).toBe('2026-03-01T16:30:00.000Z');
    expect(toAllianceWallClock('2026-03-01T16:30:00.000Z')).toBe('2026-03-02 00:30');
    // 23:00 on 1 March in New York is already 2 March, 12:00, in Shanghai.
    const now = new Date('2026-03-02T04:00:00Z');
    expect(allianceToday(now)).toBe('2026-03-02');
    expect(allianceDayAhead(7, now)).toBe('2026-03-09');
    expect(allianceTimeAhead(7, 18, 0, now).toISOString()).toBe('2026-03-09T10:00:00.000Z');
    expect(allianceTimeAhead(-1, 9, 0, now).toISOString()).toBe('2026-03-01T01:00:00.000Z');
  });

  it('"a week ahead at 18:00" and month steps count the alliance\'s days', () => {
    // 16:30 UTC on 28 February is 00:30 on 1 March in Shanghai.
    const now = new Date('2026-02-28T16:30:00Z');
    expect(allianceToday(now)).toBe('2026-03-01');
    expect(allianceTimeAhead(7, 18, 0, now).toISOString()).toBe('2026-03-08T10:00:00.000Z');
    expect(allianceMonthsAhead(-12, now)).toBe('2025-03-01');
    expect(allianceMonthsAhead(-1, new Date('2026-03-31T04:00:00Z'))).toBe('2026-02-28');
    expect(allianceMonthsAhead(12, new Date('2028-02-29T04:00:00Z'))).toBe('2029-02-28');
  });

  it('refuses what is not a wall-clock time', () => {
    for (const bad of ['', '2026-02-31 10:00', '2026-13-01 10:00', '2026-03-01 24:00', '2026-03-01 10:60', '03/01/2026 10:00', 'not a time']) {
      expect(fromAllianceWallClock(bad), bad).toBeNull();
    }
    expect(fromAllianceWallClock(null)).toBeNull();
    expect(toAllianceWallClock(null)).toBeNull();
    expect(toAllianceWallClock('not a time')).toBeNull();
  });
});
