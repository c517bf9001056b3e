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
