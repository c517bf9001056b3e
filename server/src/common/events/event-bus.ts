import type { Logger } from 'pino';
import type { TenantScope } from '../tenant-scope.js';
import type { RequestContext } from '../../graphql/context.js';
import type { DomainEvent, EventClass } from './domain-event.js';

/** Runs inside the writer's transaction: what it writes commits with the change or not at all. */
export type InTransactionHandler<E extends DomainEvent> = (ctx: RequestContext, tx: TenantScope, event: E) => Promise<void> | void;
/** Runs once the writer's transaction has committed; never after a rollback. */
export type AfterCommitHandler<E extends DomainEvent> = (event: E) => void;

interface Subscription<H> {
  type: EventClass<DomainEvent>;
  handler: H;
}

/**
 * The instance's domain events (after Vendure's EventBus, which also hands
 * events on only after the transaction commits, and its blocking handlers,
 * which run inside it). Two kinds of subscribers:
 * - in the transaction: the points ledger and the audit log, which must
 *   commit with the act they record or not at all; an error there rolls the
 *   whole change back;
 * - after commit: this instance's caches (the dashboard) and, later,
 *   notifications; an error there is logged, the change stands.
 * A transition refused before it publishes, or rolled back after, hands
 * nothing on after commit, and whatever the in-transaction subscribers wrote
 * is rolled back with it.
 *
 * One bus per app instance (the dashboard cache it feeds is the instance's);
 * subscriptions are made in one place, src/events.ts.
 */
export class EventBus {
  private readonly inTx: Subscription<InTransactionHandler<DomainEvent>>[] = [];
  private readonly afterCommit: Subscription<AfterCommitHandler<DomainEvent>>[] = [];

  constructor(private readonly log: Logger) {}

  /** Subscribes inside the writer's transaction, in subscription order. */
  inTransaction<E extends DomainEvent>(type: EventClass<E>, handler: InTransactionHandler<E>): void {
    this.inTx.push({ type, handler: handler as InTransactionHandler<DomainEvent> });
  }

  /** Subscribes after the writer's transaction commits. */
  onCommitted<E extends DomainEvent>(type: EventClass<E>, handler: AfterCommitHandler<E>): void {
    this.afterCommit.push({ type, handler: handler as AfterCommitHandler<DomainEvent> });
  }

  /**
   * Publishes from inside a transaction opened with scope.transaction():
   * the in-transaction subscribers run now (and may publish in turn), the
   * others once it commits.
   */
  async publish(ctx: RequestContext, tx: TenantScope, event: DomainEvent): Promise<void> {
    if (event.allianceId !== tx.allianceId) throw new Error(`${event.constructor.name} of another alliance published through this scope`);
    const later = this.afterCommit.filter((s) => event instanceof s.type);
    // Queued first: a publish outside a transaction fails before anything is written.
    tx.afterCommit(() => {
      for (const s of later) {
        try {
          s.handler(event);
        } catch (err) {
          this.log.error({ err, event: event.constructor.name }, 'after-commit event subscriber failed');
        }
      }
    });
    for (const s of this.inTx) if (event instanceof s.type) await s.handler(ctx, tx, event);
  }
}

/** Publishes through the request's instance bus (see EventBus.publish). */
export function publish(ctx: RequestContext, tx: TenantScope, event: DomainEvent): Promise<void> {
  return ctx.deps.events.publish(ctx, tx, event);
}
