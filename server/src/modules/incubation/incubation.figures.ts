import { INCUBATED_STAGES } from '@alliance/shared';
import { onOrAfterDay, onOrBeforeDay } from '../../common/local-days.js';
import { inRange } from '../dashboard/dashboard.figures.js';

/*
 * An incubated organisation's services given (docs/adoption.md: 阳光驿站):
 * its shelf projects' completed bookings (DONE, on the slot's day), the needs
 * it delivered that are now RESOLVED or CLOSED (on the day resolved) and the
 * COMPLETED activities it joined (a CONFIRMED sign-up, on the day it ended),
 * each counted while it was in the incubator: from its start date to its end
 * date (graduation or leaving) or today. Defined once, here, for the list
 * and the dashboard.
 */

/** `column` falls within incubation `i`'s stay (none before it started). */
const during = (i: string, column: string) =>
  `(${i}.started_on IS NOT NULL AND ${onOrAfterDay(column, `${i}.started_on`)} AND (${i}.ended_on IS NULL OR ${onOrBeforeDay(column, `${i}.ended_on`)}))`;

/** The services incubation `i` gave (an SQL expression), each date further held to `also` (e.g. the dashboard's range). */
function servicesGiven(i: string, also: (column: string) => string = () => 'true'): string {
  return `(
    (SELECT count(*) FROM booking b JOIN service_slot s ON s.id = b.slot_id
      WHERE s.unit_id = ${i}.unit_id AND s.alliance_id = ${i}.alliance_id AND b.status = 'DONE'
        AND ${during(i, 's.starts_at')} AND ${also('s.starts_at')})
  + (SELECT count(*) FROM need_delivery d JOIN need n ON n.id = d.need_id
      WHERE d.unit_id = ${i}.unit_id AND n.alliance_id = ${i}.alliance_id AND n.status IN ('RESOLVED', 'CLOSED')
        AND ${during(i, 'n.resolved_at')} AND ${also('n.resolved_at')})
  + (SELECT count(*) FROM signup g JOIN activity a ON a.id = g.activity_id
      WHERE g.unit_id = ${i}.unit_id AND a.alliance_id = ${i}.alliance_id AND g.status = 'CONFIRMED' AND a.status = 'COMPLETED'
        AND ${during(i, 'a.ends_at')} AND ${also('a.ends_at')})
  )`;
}

/** Per incubation ($1 the ids, $2 the alliance): the aggregate loader's statement. */
export const SERVICES_GIVEN_BY_INCUBATION = `
  SELECT i.id AS key, ${servicesGiven('i')} AS value
    FROM incubation i WHERE i.id = ANY($1) AND i.alliance_id = $2`;

/**
 * Dashboard.incubator ($1 alliance, $2 from, $3 to):
 * - organisationsIncubated: incubations now INCUBATING or GRADUATED that
 *   started on or before `to` (an application not taken in, or one that left,
 *   is no outcome of the incubator);
 * - servicesGiven: those organisations' services given during their stay,
 *   dated in [from, to].
 */
export const INCUBATOR_FIGURES = `
  SELECT count(*)::int AS "organisationsIncubated",
         coalesce(sum(${servicesGiven('i', inRange)}), 0)::int AS "servicesGiven"
    FROM incubation i
   WHERE i.alliance_id = $1 AND i.stage IN (${INCUBATED_STAGES.map((s) => `'${s}'`).join(', ')}) AND i.started_on <= $3::date`;
