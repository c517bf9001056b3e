import { ALLIANCE_TIME_ZONE } from '@alliance/shared';

/*
 * "On a local day in [from, to]": from local midnight of `from` up to
 * (excluding) local midnight after `to`, in the alliance's time zone,
 * written as a range on the bare column so indexes on it apply. One
 * definition, so that a period gives the same figure on every screen (the
 * dashboard, a unit's points, its ledger).
 */

/** `column` falls on or after the local day `param` (an SQL date expression, e.g. `$2`). */
export function onOrAfterDay(column: string, param: string): string {
  return `${column} >= (${param}::date)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`;
}

/** `column` falls on or before the local day `param`. */
export function onOrBeforeDay(column: string, param: string): string {
  return `${column} < (${param}::date + 1)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`;
}
