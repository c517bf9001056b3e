/** The alliance's local time: dates in ranges and "today" are counted there (docs/domain.md). */
export const ALLIANCE_TIME_ZONE = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD) of an instant in the alliance's time zone. */
export function localDate(at: Date = new Date(), timeZone: string = ALLIANCE_TIME_ZONE): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}
