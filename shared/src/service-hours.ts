import { ALLIANCE_TIME_ZONE, localDate, localParts } from './dates.js';

/**
 * 错时约办 (docs/adoption.md, Services residents book): a service slot is
 * off-hours when any part of it lies outside 08:30–17:30 on a workday, or it
 * falls on a weekend or a public holiday. Workdays follow the State
 * Council's yearly holiday notice: holidays are days off even on weekdays,
 * and the weekend days it names as 调休 are workdays. Both tables must be
 * extended when each year's notice is published (usually in November): a
 * year missing from them (before 2025, or 2027 until it is added) counts
 * only weekends, so its holidays on weekdays read as workdays and its 调休
 * weekend days as days off. Past slots keep the offHours they were given.
 */
export const OFFICE_HOURS = { opens: 8 * 60 + 30, closes: 17 * 60 + 30 } as const;

/** Public holidays (days off), from the State Council's notices. */
export const PUBLIC_HOLIDAYS: ReadonlySet<string> = new Set([
  // 2025
  '2025-01-01',
  '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04',
  '2025-04-04', '2025-04-05', '2025-04-06',
  '2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05',
  '2025-05-31', '2025-06-01', '2025-06-02',
  '2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08',
  // 2026: 国务院办公厅关于2026年部分节假日安排的通知 (4 November 2025, Xinhua, e.g. politics.gmw.cn/2025-11/04/content_38391083.htm)
  '2026-01-01', '2026-01-02', '2026-01-03',
  '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23',
  '2026-04-04', '2026-04-05', '2026-04-06',
  '2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05',
  '2026-06-19', '2026-06-20', '2026-06-21',
  '2026-09-25', '2026-09-26', '2026-09-27',
  '2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07',
]);

/** Weekend days worked in exchange (调休上班), from the same notices. */
export const ADJUSTED_WORKDAYS: ReadonlySet<string> = new Set([
  // 2025
  '2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11',
  // 2026 (the same notice as above)
  '2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10',
]);

/** Whether a local calendar date (YYYY-MM-DD) is a workday. */
export function isWorkday(date: string): boolean {
  if (PUBLIC_HOLIDAYS.has(date)) return false;
  if (ADJUSTED_WORKDAYS.has(date)) return true;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * Whether a slot from `startsAt` to `endsAt` is off-hours in the time zone
 * (the alliance's unless given). A slot running past midnight is off-hours.
 */
export function isOffHours(startsAt: Date, endsAt: Date, timeZone: string = ALLIANCE_TIME_ZONE): boolean {
  const day = localDate(startsAt, timeZone);
  if (!isWorkday(day) || localDate(endsAt, timeZone) !== day) return true;
  const s = localParts(startsAt, timeZone);
  const e = localParts(endsAt, timeZone);
  return s.hour * 60 + s.minute < OFFICE_HOURS.opens || e.hour * 60 + e.minute > OFFICE_HOURS.closes;
}
