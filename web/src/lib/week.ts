import dayjs from 'dayjs';

/** The seven days (YYYY-MM-DD) of the week that starts on `monday` (shared's mondayOf). */
export function weekDays(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => dayjs(monday).add(i, 'day').format('YYYY-MM-DD'));
}
