import { ALLIANCE_TIME_ZONE, localDate, localParts } from './dates.js';

/**
 * 错时约办 (docs/adoption.md, Services residents book): a service slot is
 * off-hours when any part of it lies outside 08:30–17:30 on a workday, or it
 * falls on a weekend or a public holiday. Workdays follow the State
 * Council's yearly holiday notice: holidays are days off even on weekdays,
 * and the weekend days it names as 调休 are workdays. Both tables must be
 * extended when each year's notice is published (December); a year missing
 * from them counts only weekends.
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
]);

/** Weekend days worked in exchange (调休上班), from the same notices. */
export const ADJUSTED_WORKDAYS: ReadonlySet<string> = new Set(['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11']);

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
