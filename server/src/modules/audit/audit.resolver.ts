import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Allow } from '../../graphql/auth.js';
import type { RequestContext } from '../../graphql/context.js';
import { ConnectionType } from '../../graphql/pagination.js';
import { User } from '../auth/user.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditFilter } from './audit.inputs.js';
import { auditService } from './audit.service.js';

const AuditEntryConnection = ConnectionType('AuditEntryConnection', AuditEntry);

@Resolver(() => AuditEntry)
export class AuditResolver {
  /** 操作日志: the committee reads its alliance's log, newest first. */
  @Allow('COMMITTEE_ADMIN')
  @Query(() => AuditEntryConnection)
  auditLog(
    @Ctx() ctx: RequestContext,
    @Arg('filter', () => AuditFilter, { nullable: true }) filter: AuditFilter | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ) {
    return auditService.list(ctx, filter, { first, after });
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() entry: AuditEntry, @Ctx() ctx: RequestContext) {
    return entry.actorId ? ctx.loaders.user.load(entry.actorId) : null;
  }
}
