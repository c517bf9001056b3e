import { ALLIANCE_TIME_ZONE } from '@alliance/shared';

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
