import { ALLIANCE_TIME_ZONE, addDays, localDate, localParts, zonedTime } from '@alliance/shared';

/*
 * Instants shown as the alliance's wall-clock time (Asia/Shanghai), whatever
 * the browser's time zone: the audit log and sign-in times are read against
 * the alliance's days, as the server counts them.
 */

const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: ALLIANCE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** `YYYY-MM-DD HH:mm` (or with seconds) in the alliance's time zone; '' for no or a bad value. */
export function allianceDateTime(value: string | Date | null | undefined, seconds = false): string {
  if (!value) return '';
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return '';
  const p = Object.fromEntries(formatter.formatToParts(at).map((x) => [x.type, x.value])) as Record<string, string>;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${seconds ? `:${p.second}` : ''}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * An instant (or a calendar date 'YYYY-MM-DD', taken as it is) in the alliance's
 * time zone, in a dayjs-style pattern of YYYY, MM, DD, HH, mm and ss: the one
 * formatter of times on screen, so a browser in New York shows Shanghai's hours.
 * '' for no or a bad value.
 */
export function allianceTime(value: string | Date | null | undefined, pattern = 'YYYY-MM-DD HH:mm'): string {
  if (!value) return '';
  let p: Record<string, string>;
  const day = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  if (day) p = { year: day[1]!, month: day[2]!, day: day[3]!, hour: '00', minute: '00', second: '00' };
  else {
    const at = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(at.getTime())) return '';
    p = Object.fromEntries(formatter.formatToParts(at).map((x) => [x.type, x.value]));
  }
  const parts: Record<string, string> = { YYYY: p.year!, MM: p.month!, DD: p.day!, HH: p.hour!, mm: p.minute!, ss: p.second! };
  return pattern.replace(/YYYY|MM|DD|HH|mm|ss/g, (token) => parts[token]!);
}

/** The alliance's calendar date of an instant, 'YYYY-MM-DD' (e.g. the day an activity falls on in the calendar). */
export const allianceDate = (value: string | Date | null | undefined) => allianceTime(value, 'YYYY-MM-DD');

/*
 * The date pickers. Element Plus reads and writes a Date in the browser's time
 * zone, so a committee member whose laptop is set to New York would save
 * "18:00" as New York's 18:00. The pickers bind the alliance's wall-clock
 * string instead ('YYYY-MM-DD HH:mm', as `value-format`), which the picker
 * neither shifts nor reads in any zone, and the instant is computed from it
 * here (components/AllianceDateTimePicker.vue). Days ('YYYY-MM-DD', the `Date`
 * scalar and the filters) are calendar days already: only their defaults need
 * the alliance's "today".
 */

/** The pickers' format and value-format: the alliance's wall clock to the minute. */
export const WALL_CLOCK_FORMAT = 'YYYY-MM-DD HH:mm';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** An instant as the wall clock of the alliance (or of `timeZone`) shows it, 'YYYY-MM-DD HH:mm'; null for no or a bad value. */
export function toAllianceWallClock(value: string | Date | null | undefined, timeZone: string = ALLIANCE_TIME_ZONE): string | null {
  if (!value) return null;
  const at = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(at.getTime())) return null;
  const p = localParts(at, timeZone);
  return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * The instant at which the alliance's (or `timeZone`'s) wall clock shows
 * 'YYYY-MM-DD HH:mm' (seconds allowed; a day alone is its midnight), whatever
 * the browser's zone; null for no or a bad value (31 February, 24:00).
 */
export function fromAllianceWallClock(wall: string | null | undefined, timeZone: string = ALLIANCE_TIME_ZONE): Date | null {
  const m = wall ? WALL_CLOCK.exec(wall.trim()) : null;
  if (!m) return null;
  const [y, mo, d, h, min, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || min > 59 || s > 59) return null;
  return new Date(zonedTime(y, mo, d, h, min, timeZone).getTime() + s * 1000);
}

/** The alliance's today, 'YYYY-MM-DD': "today" of every default and range, whatever the browser's zone. */
export const allianceToday = (now: Date = new Date()) => localDate(now);

/** The alliance's calendar date `days` after today (before, if negative), 'YYYY-MM-DD'. */
export const allianceDayAhead = (days: number, now: Date = new Date()) => addDays(localDate(now), days);

/** The alliance's calendar date `months` after today (before, if negative), kept within the month (03-31 less a month is 02-28). */
export function allianceMonthsAhead(months: number, now: Date = new Date()): string {
  const [y, m, d] = localDate(now).split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

/** The instant of hh:mm on the alliance's day `days` after today: a form's default ("a week ahead at 18:00"). */
export function allianceTimeAhead(days: number, hour: number, minute = 0, now: Date = new Date()): Date {
  const [y, m, d] = allianceDayAhead(days, now).split('-').map(Number) as [number, number, number];
  return zonedTime(y, m, d, hour, minute);
}
