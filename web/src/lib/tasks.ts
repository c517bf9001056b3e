import { isOverdue, type NeedStatus } from '@alliance/shared';

/** A deadline this close (or closer) is "due soon" in 我的待办. */
export const DUE_SOON_MS = 2 * 24 * 60 * 60 * 1000;

/** How pressing a need's deadline is: past it (overdue), within 2 days (soon), or neither. */
export function dueState(need: { status: NeedStatus; dueAt?: string | Date | null }, now: Date = new Date()): 'overdue' | 'soon' | null {
  if (!need.dueAt) return null;
  if (isOverdue(need, now)) return 'overdue';
  if (need.status === 'RESOLVED' || need.status === 'CLOSED' || need.status === 'REJECTED') return null;
  return new Date(need.dueAt).getTime() - now.getTime() <= DUE_SOON_MS ? 'soon' : null;
}

/** The alliance's periods for points figures: 近12个月, this year, 累计 (all time). */
export type PointsPeriod = 'last12Months' | 'thisYear' | 'allTime';

/** The local days (YYYY-MM-DD, in the alliance's zone) a period covers; all time has none. */
export function periodRange(period: PointsPeriod, today: string): { from: string | null; to: string | null } {
  if (period === 'allTime') return { from: null, to: null };
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  if (period === 'thisYear') return { from: `${y}-01-01`, to: today };
  // The 12 months up to today: from the day after the same date a year ago.
  const start = new Date(Date.UTC(y - 1, m - 1, d + 1));
  return { from: start.toISOString().slice(0, 10), to: today };
}
