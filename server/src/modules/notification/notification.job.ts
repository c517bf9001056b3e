import type { DataSource } from 'typeorm';
import type { Logger } from 'pino';
import { AGREEMENT_EXPIRING_DAYS, ALLIANCE_TIME_ZONE, FOLLOW_UP_DUE_DAYS, NEED_DUE_SOON_DAYS } from '@alliance/shared';
import { NOTIFICATION_ADDED } from './notification.service.js';
import { WEBHOOK_PENDING } from './webhook.sender.js';

/** Taken for the length of one sweep's transaction, so that the instances take turns instead of all doing the same work. */
const SWEEP_LOCK = 1_766_217_600;

const RECIPIENT = `JOIN app_user u ON u.alliance_id = x.alliance_id AND u.status = 'ACTIVE'`;
const INSERT = `WITH told AS (INSERT INTO notification (alliance_id, recipient_id, kind, subject_type, subject_id, params, once_key)`;
/**
 * Each inbox row once per recipient and occasion; then, where the alliance's
 * webhook takes the kind, one delivery per occasion (not per recipient; the
 * unique webhook_delivery_occasion_uq keeps it to one across sweeps).
 */
const ONCE = `ON CONFLICT (recipient_id, once_key) WHERE once_key IS NOT NULL DO NOTHING
    RETURNING alliance_id, kind, subject_type, subject_id, params, once_key
  ), queued AS (
    INSERT INTO webhook_delivery (alliance_id, kind, body)
    SELECT DISTINCT ON (t.alliance_id, t.kind, t.subject_id, t.once_key) t.alliance_id, t.kind,
           jsonb_build_object('kind', t.kind, 'subjectType', t.subject_type, 'subjectId', t.subject_id, 'params', t.params, 'onceKey', t.once_key, 'at', now())
      FROM told t JOIN alliance_webhook w ON w.alliance_id = t.alliance_id AND w.enabled AND t.kind = ANY(w.kinds)
    ON CONFLICT (alliance_id, kind, (body->>'subjectId'), (body->>'onceKey')) WHERE body ? 'onceKey' DO NOTHING
    RETURNING 1
  )
  SELECT (SELECT count(*) FROM told)::int AS told, (SELECT count(*) FROM queued)::int AS queued`;

/**
 * The notifications that time brings rather than an act (docs/adoption.md
 * "Notifications"), each written once per recipient and occasion (`once_key`:
 * the kind, the record and its date, so that two needs due at the same
 * minute, or two agreements ending on the same day, are two occasions),
 * and queued once per occasion for the webhook when it takes the kind:
 * - a need due within 2 days or overdue → its assignee, once per due date
 *   (a re-plan to a new date tells again);
 * - a need RESOLVED for a day without its follow-up → the workers of its grid,
 *   once per resolution;
 * - a unit's latest agreement ending within 30 days → the committee and the
 *   unit's liaisons, once per end date.
 */
const SWEEPS: string[] = [
  `${INSERT}
   SELECT x.alliance_id, u.id, 'NEED_DUE_SOON', 'NEED', x.id,
          jsonb_build_object('title', x.title, 'dueAt', x.due_at), 'due:' || x.id || ':' || to_char(x.due_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
     FROM need x ${RECIPIENT} AND u.id = x.assignee_id
    WHERE x.status IN ('PLANNED', 'IN_PROGRESS') AND x.due_at < now() + interval '${NEED_DUE_SOON_DAYS} days'
   ${ONCE}`,
  `${INSERT}
   SELECT x.alliance_id, u.id, 'FOLLOW_UP_DUE', 'NEED', x.id,
          jsonb_build_object('title', x.title, 'resolvedAt', x.resolved_at), 'follow-up:' || x.id || ':' || to_char(x.resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS')
     FROM need x ${RECIPIENT} AND u.role = 'GRID_WORKER' AND u.grid_id = x.grid_id
    WHERE x.status = 'RESOLVED' AND x.resolved_at < now() - interval '${FOLLOW_UP_DUE_DAYS} days'
   ${ONCE}`,
  `${INSERT}
   SELECT x.alliance_id, u.id, 'AGREEMENT_EXPIRING', 'AGREEMENT', x.id,
          jsonb_build_object('unit', m.name, 'validUntil', x.valid_until), 'expiring:' || x.id || ':' || x.valid_until
     FROM agreement x
     JOIN member_unit m ON m.id = x.unit_id
     ${RECIPIENT} AND (u.role = 'COMMITTEE_ADMIN' OR (u.role = 'UNIT_ADMIN' AND u.unit_id = x.unit_id))
    WHERE x.valid_until >= (now() AT TIME ZONE '${ALLIANCE_TIME_ZONE}')::date
      AND x.valid_until <= (now() AT TIME ZONE '${ALLIANCE_TIME_ZONE}')::date + ${AGREEMENT_EXPIRING_DAYS}
      AND NOT EXISTS (SELECT 1 FROM agreement later WHERE later.unit_id = x.unit_id AND later.valid_until > x.valid_until)
   ${ONCE}`,
];

/**
 * One sweep, in one transaction. Every instance runs it; PostgreSQL keeps it
 * to one at a time (an advisory lock: the others skip their turn) and each
 * notification to one row (the unique once_key, should two sweeps ever
 * overlap). Returns how many were written.
 */
export async function sweepNotifications(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (m) => {
    const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SWEEP_LOCK]);
    if (!locked) return 0;
    let written = 0;
    let queued = 0;
    for (const sql of SWEEPS) {
      const [r] = (await m.query(sql)) as { told: number; queued: number }[];
      written += r!.told;
      queued += r!.queued;
    }
    if (written) await m.query(`SELECT pg_notify($1, pg_current_xact_id()::text)`, [NOTIFICATION_ADDED]);
    if (queued) await m.query(`SELECT pg_notify($1, '')`, [WEBHOOK_PENDING]);
    return written;
  });
}

/** Sweeps every `seconds` until stopped; a failed sweep is logged and the next one tries again. */
export function scheduleNotificationSweep(dataSource: DataSource, log: Logger, seconds: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweepNotifications(dataSource)
      .catch((err) => log.error({ err }, 'notification sweep failed'))
      .finally(() => (running = false));
  }, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
