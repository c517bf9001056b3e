import type { AuditSubject, NotificationKind } from '@alliance/shared';
import type { RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { requireId, type TenantScope } from '../../common/tenant-scope.js';
import { paginate, type PageArgs } from '../../graphql/pagination.js';
import { prepared } from '../../database/prepared.js';
import { Notification } from './notification.entity.js';
import { WEBHOOK_PENDING } from './webhook.sender.js';

/** The channel on which the ids of transactions that wrote notifications are announced once they committed (space-separated). */
export const NOTIFICATION_ADDED = 'notification_added';

/**
 * Who is told, by role (docs/adoption.md "Notifications"): named accounts,
 * the liaisons (UNIT_ADMIN) of units, the committee, the workers of grids.
 * Always within the event's alliance, and only ACTIVE accounts: a disabled
 * account reads nothing.
 */
export interface Audience {
  users?: (string | null | undefined)[];
  unitLiaisons?: string[];
  committee?: boolean;
  gridWorkers?: string[];
}

export interface Tidings {
  kind: NotificationKind;
  subjectType: AuditSubject;
  subjectId: string;
  params: Record<string, unknown>;
  to: Audience;
  /** Who acted is not told of their own act. */
  except?: string | null;
  /** Time-based ones: written once per recipient and key, whichever instance's job gets there first. */
  onceKey?: string;
}

/**
 * One statement for everything an event tells (a sign-up or an assignment
 * pays one round trip, not four): the inbox rows and the webhook's delivery
 * when the committee picked the kind (time-based ones: queued by the
 * sweep, notification.job.ts, once per occasion). It returns
 * the transaction's id when it told someone and whether it queued a
 * delivery; the announcing is the instance's after commit (tell()), no
 * NOTIFY in here. Sent as a named prepared statement: its text never
 * changes, and planning it afresh was a good part of PostgreSQL's CPU per
 * sign-up (test/bench/analysis.md, M1).
 */
const TELL = `
  WITH told AS (
    INSERT INTO notification (alliance_id, recipient_id, kind, subject_type, subject_id, params, once_key)
    SELECT u.alliance_id, u.id, $2, $3, $4, $5, $6
      FROM app_user u
     WHERE u.alliance_id = $1 AND u.status = 'ACTIVE' AND u.id IS DISTINCT FROM $7
       AND (u.id = ANY($8::uuid[])
         OR (u.role = 'UNIT_ADMIN' AND u.unit_id = ANY($9::uuid[]))
         OR ($10 AND u.role = 'COMMITTEE_ADMIN')
         OR (u.role = 'GRID_WORKER' AND u.grid_id = ANY($11::uuid[])))
    ON CONFLICT (recipient_id, once_key) WHERE once_key IS NOT NULL DO NOTHING
    RETURNING id
  ), queued AS (
    INSERT INTO webhook_delivery (alliance_id, kind, body)
    SELECT w.alliance_id, $2::text, jsonb_build_object('kind', $2::text, 'subjectType', $3::text, 'subjectId', $4::text, 'params', $5::jsonb, 'at', now())
      FROM alliance_webhook w
     WHERE w.alliance_id = $1 AND w.enabled AND $2::text = ANY(w.kinds) AND $6::text IS NULL
    RETURNING id
  )
  SELECT (SELECT count(*) FROM told)::int AS told,
         CASE WHEN EXISTS (SELECT 1 FROM told) THEN pg_current_xact_id()::text END AS xid,
         EXISTS (SELECT 1 FROM queued) AS queued`;

export class NotificationService {
  /**
   * Writes one inbox entry per recipient in the caller's transaction and,
   * once it has committed (never before, never after a rollback), has this
   * instance announce it to every instance: the transaction's id on
   * NOTIFICATION_ADDED (the hubs read its rows back), and WEBHOOK_PENDING
   * when a delivery was queued (docs/architecture.md "Notifications").
   * Returns how many were written.
   */
  async tell(ctx: RequestContext, tx: TenantScope, t: Tidings): Promise<number> {
    const to = t.to;
    const [{ told, xid, queued }]: { told: number; xid: string | null; queued: boolean }[] = await tx.manager.query(prepared(TELL), [
      tx.allianceId,
      t.kind,
      t.subjectType,
      t.subjectId,
      JSON.stringify(t.params),
      t.onceKey ?? null,
      t.except ?? null,
      (to.users ?? []).filter((u): u is string => !!u),
      to.unitLiaisons ?? [],
      to.committee ?? false,
      to.gridWorkers ?? [],
    ]);
    if (xid || queued) {
      const feed = ctx.deps.feed;
      tx.afterCommit(() => {
        if (xid) feed.announce(NOTIFICATION_ADDED, xid);
        if (queued) feed.announce(WEBHOOK_PENDING, '');
      });
    }
    return told;
  }

  /** The caller's own inbox, newest first. */
  list(ctx: RequestContext, unreadOnly: boolean | null | undefined, page: PageArgs) {
    const qb = ctx.scope.qb(Notification, 'n').andWhere('n.recipient_id = :me', { me: ctx.me.id });
    if (unreadOnly) qb.andWhere('n.read_at IS NULL');
    return paginate(qb, page, {
      direction: 'DESC',
      keys: [
        { sql: 'n.created_at', value: (r) => r.createdAt, type: 'date' },
        { sql: 'n.id', value: (r) => r.id, type: 'uuid' },
      ],
    });
  }

  async unreadCount(ctx: RequestContext): Promise<number> {
    const [{ n }] = await ctx.scope.manager.query(
      `SELECT count(*)::int AS n FROM notification WHERE alliance_id = $1 AND recipient_id = $2 AND read_at IS NULL`,
      [ctx.scope.allianceId, ctx.me.id],
    );
    return n;
  }

  /** Marks the caller's own (all of them when ids is null); anyone else's ids are passed over. Returns how many changed. */
  async markRead(ctx: RequestContext, ids: string[] | null | undefined): Promise<number> {
    if (ids && ids.length > 100) throw badInput('ids', 'TOO_LONG', 'ids: at most 100');
    const checked = ids ? ids.map((id) => requireId(id, 'ids')) : null;
    // Counted in a SELECT: TypeORM answers a bare UPDATE with [rows, count].
    const [{ n }] = await ctx.scope.manager.query(
      `WITH marked AS (
         UPDATE notification SET read_at = now()
          WHERE alliance_id = $1 AND recipient_id = $2 AND read_at IS NULL AND ($3::uuid[] IS NULL OR id = ANY($3::uuid[]))
         RETURNING 1)
       SELECT count(*)::int AS n FROM marked`,
      [ctx.scope.allianceId, ctx.me.id, checked],
    );
    return n;
  }
}

export const notificationService = new NotificationService();
