import { describe, expect, it } from 'vitest';
import { allianceDate, allianceDateTime, allianceTime } from '../time';

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
