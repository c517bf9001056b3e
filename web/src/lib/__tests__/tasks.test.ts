import { describe, expect, it } from 'vitest';
import { dueState, periodRange } from '../tasks';

const NOW = new Date('2026-12-01T04:00:00Z');
const inHours = (h: number) => new Date(NOW.getTime() + h * 3600 * 1000).toISOString();

describe('dueState: deadlines in 我的待办', () => {
  it('past the due date is overdue, within 2 days is soon, later or none is nothing', () => {
    expect(dueState({ status: 'IN_PROGRESS', dueAt: inHours(-1) }, NOW)).toBe('overdue');
    expect(dueState({ status: 'IN_PROGRESS', dueAt: inHours(1) }, NOW)).toBe('soon');
    expect(dueState({ status: 'IN_PROGRESS', dueAt: inHours(48) }, NOW)).toBe('soon');
    expect(dueState({ status: 'IN_PROGRESS', dueAt: inHours(49) }, NOW)).toBeNull();
    expect(dueState({ status: 'IN_PROGRESS', dueAt: null }, NOW)).toBeNull();
  });
  it('a resolved need is never due', () => {
    expect(dueState({ status: 'RESOLVED', dueAt: inHours(-5) }, NOW)).toBeNull();
    expect(dueState({ status: 'RESOLVED', dueAt: inHours(5) }, NOW)).toBeNull();
  });
});

describe('periodRange: the days a points period covers', () => {
  it('近12个月 ends today and starts the day after the same date a year ago; 今年 from 1 January; 累计 has no bounds', () => {
    expect(periodRange('last12Months', '2026-12-01')).toEqual({ from: '2025-12-02', to: '2026-12-01' });
    expect(periodRange('last12Months', '2026-03-01')).toEqual({ from: '2025-03-02', to: '2026-03-01' });
    expect(periodRange('last12Months', '2026-12-31')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('thisYear', '2026-12-01')).toEqual({ from: '2026-01-01', to: '2026-12-01' });
    expect(periodRange('allTime', '2026-12-01')).toEqual({ from: null, to: null });
  });
});
