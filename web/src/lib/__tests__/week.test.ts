import { describe, expect, it } from 'vitest';
import { weekDays } from '../week';

describe('the alliance\'s weeks, Monday to Sunday (shared/src/dates.test.ts: mondayOf)', () => {
  it('lists the seven days from Monday', () => {
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
