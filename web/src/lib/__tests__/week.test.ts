import { describe, expect, it } from 'vitest';
import { mondayOf, weekDays } from '../week';

describe('the alliance\'s weeks, Monday to Sunday', () => {
  it('finds the Monday of any day of the week, across a month and a year end', () => {
    expect(mondayOf('2026-12-07')).toBe('2026-12-07');
    expect(mondayOf('2026-12-03')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(mondayOf('2027-01-02')).toBe('2026-12-28');
  });

  it('lists the seven days from Monday', () => {
    expect(weekDays('2026-12-28')).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03']);
  });
});
