/** The alliance's local time: dates in ranges and "today" are counted there (docs/domain.md). */
export const ALLIANCE_TIME_ZONE = 'Asia/Shanghai';

/** One formatter per time zone, for the life of the process: building one costs ~100× formatting with it. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The calendar date (YYYY-MM-DD) of an instant in the alliance's time zone. */
export function localDate(at: Date = new Date(), timeZone: string = ALLIANCE_TIME_ZONE): string {
  let f = dateFormats.get(timeZone);
  if (!f) {
    // en-CA formats as YYYY-MM-DD.
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(timeZone, f);
  }
  return f.format(at);
}

export interface LocalParts {
  year: number;
  /** 1..12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock reading of an instant in a time zone (the alliance's unless given). */
export function localParts(at: Date, timeZone: string = ALLIANCE_TIME_ZONE): LocalParts {
  let f = partsFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    partsFormats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year!, month: p.month!, day: p.day!, hour: p.hour!, minute: p.minute! };
}

/**
 * The instant a wall clock in the time zone shows y-m-d h:min (month 1..12;
 * days, hours and minutes may overflow, as in Date.UTC). Reads the zone's
 * offset from its rules rather than assuming one, so a zone with daylight
 * saving gets the right instant too.
 */
export function zonedTime(y: number, m: number, d: number, h = 0, min = 0, timeZone: string = ALLIANCE_TIME_ZONE): Date {
  const wall = Date.UTC(y, m - 1, d, h, min);
  const offsetAt = (t: number) => {
    const p = localParts(new Date(t), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - Math.floor(t / 60_000) * 60_000;
  };
  const first = wall - offsetAt(wall);
  return new Date(wall - offsetAt(first));
}

/** The Monday (YYYY-MM-DD) of the week holding calendar date `day` (YYYY-MM-DD): the alliance's weeks run Monday to Sunday. */
export function mondayOf(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return new Date(Date.UTC(y, m - 1, d - weekday)).toISOString().slice(0, 10);
}
