import dayjs from 'dayjs';
import { localDate } from '@alliance/shared';

/** The Monday (YYYY-MM-DD) of the week holding `day` (the alliance's today unless given): its weeks run Monday to Sunday. */
export function mondayOf(day: string = localDate()): string {
  const d = dayjs(day);
  return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
}

/** The seven days (YYYY-MM-DD) of the week that starts on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => dayjs(monday).add(i, 'day').format('YYYY-MM-DD'));
}
