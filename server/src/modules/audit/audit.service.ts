import type { EntityManager } from 'typeorm';
import { ALLIANCE_TIME_ZONE, type AuditAction, type AuditSubject } from '@alliance/shared';
import type { TenantScope } from '../../common/tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import { badInput } from '../../graphql/errors.js';
import { requireId } from '../../common/tenant-scope.js';
import { paginate, type PageArgs } from '../../graphql/pagination.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditFilter } from './audit.inputs.js';

export interface AuditAct {
  action: AuditAction;
  subjectType: AuditSubject;
  subjectId: string | null;
  /** Before/after of what changed, or what was decided; mask phones, never include password material. */
  summary?: Record<string, unknown>;
}

/** Who did it, when there is no signed-in caller yet (sign-ins). */
export interface AuditActor {
  allianceId: string;
  userId: string | null;
  clientAddress: string;
}

const INSERT = `
  INSERT INTO audit_entry (alliance_id, actor_id, actor_name, client_address, action, subject_type, subject_id, summary)
  SELECT $1, $2, (SELECT display_name FROM app_user WHERE id = $2), $3, $4, $5, $6, $7`;

export class AuditService {
  /**
   * Writes the act in the caller's transaction (tx is the scope the change
   * was made through), so the entry exists exactly when the change does.
   */
  async record(ctx: RequestContext, tx: TenantScope, act: AuditAct): Promise<void> {
    // No one signed in on the residents' page: the act is the client address's, with no account.
    await this.write(tx.manager, { allianceId: tx.allianceId, userId: ctx.user?.id ?? null, clientAddress: ctx.clientIp }, act);
  }

  async write(manager: EntityManager, actor: AuditActor, act: AuditAct): Promise<void> {
    await manager.query(INSERT, [
      actor.allianceId,
      actor.userId,
      actor.clientAddress.slice(0, 64),
      act.action,
      act.subjectType,
      act.subjectId,
      JSON.stringify(act.summary ?? {}),
    ]);
  }

  list(ctx: RequestContext, filter: AuditFilter | null | undefined, page: PageArgs) {
    const qb = ctx.scope.qb(AuditEntry, 'a');
    if (filter?.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: requireId(filter.actorId, 'filter.actorId') });
    if (filter?.action?.length) qb.andWhere('a.action = ANY(:actions)', { actions: filter.action });
    if (filter?.subjectType) qb.andWhere('a.subject_type = :subjectType', { subjectType: filter.subjectType });
    if (filter?.subjectId) qb.andWhere('a.subject_id = :subjectId', { subjectId: filter.subjectId });
    const from = filter?.from ?? null;
    const to = filter?.to ?? null;
    if (from && to && to < from) throw badInput('to', 'DATE_ORDER');
    // Days are the alliance's days, whatever the server's time zone.
    if (from) qb.andWhere(`a.at >= (:from::date)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`, { from });
    if (to) qb.andWhere(`a.at < (:to::date + 1)::timestamp AT TIME ZONE '${ALLIANCE_TIME_ZONE}'`, { to });
    return paginate(qb, page, {
      direction: 'DESC',
      keys: [
        { sql: 'a.at', value: (r) => r.at, type: 'date' },
        { sql: 'a.id', value: (r) => r.id, type: 'uuid' },
      ],
    });
  }
}

export const auditService = new AuditService();
