import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, notFound } from '../graphql/errors.js';

/**
 * What to do once a transaction opened by transaction() commits, keyed by its
 * entity manager: every scope over that manager shares the list.
 */
const committed = new WeakMap<EntityManager, (() => void)[]>();

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is bad input, not "not found" (docs/domain.md). */
export function requireId(id: string, field: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw badInput(field, 'INVALID_ID', `${field}: malformed id`);
  return id.toLowerCase();
}

/**
 * The one place queries are scoped to the caller's alliance. Every read and
 * write of tenant-owned rows goes through a scope, so an id of another
 * alliance behaves exactly like an id that does not exist.
 */
export class TenantScope {
  constructor(
    readonly manager: EntityManager,
    readonly allianceId: string,
  ) {}

  /** A query builder already restricted to this alliance. */
  qb<T extends ObjectLiteral>(entity: EntityTarget<T>, alias: string): SelectQueryBuilder<T> {
    return this.manager
      .createQueryBuilder(entity, alias)
      .where(`${alias}.alliance_id = :tenantId`, { tenantId: this.allianceId });
  }

  async find<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string, field = 'id'): Promise<T | null> {
    return this.qb(entity, 'e').andWhere('e.id = :id', { id: requireId(id, field) }).getOne();
  }

  /** The row, or NOT_FOUND under the given name. */
  async get<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string, what: string, field = 'id'): Promise<T> {
    const row = await this.find(entity, id, field);
    if (!row) throw notFound(what);
    return row;
  }

  /** The row locked FOR UPDATE until the transaction ends; only inside transaction(). */
  async lock<T extends ObjectLiteral>(entity: EntityTarget<T>, id: string, what: string, field = 'id'): Promise<T> {
    const row = await this.qb(entity, 'e')
      .andWhere('e.id = :id', { id: requireId(id, field) })
      .setLock('pessimistic_write')
      .getOne();
    if (!row) throw notFound(what);
    return row;
  }

  /** Builds a row of this alliance: the alliance id cannot be forgotten or forged. */
  create<T extends ObjectLiteral>(entity: EntityTarget<T>, values: Omit<Partial<T>, 'allianceId'>): T {
    return this.manager.create(entity, { ...values, allianceId: this.allianceId } as unknown as T);
  }

  /** Nested calls join the open transaction; the callbacks of afterCommit() run once the outermost one commits. */
  async transaction<R>(work: (scope: TenantScope) => Promise<R>): Promise<R> {
    if (this.manager.queryRunner?.isTransactionActive) return work(this);
    const after: (() => void)[] = [];
    let inTransaction: EntityManager | undefined;
    let result: R;
    try {
      result = await this.manager.transaction((m) => {
        inTransaction = m;
        committed.set(m, after);
        return work(new TenantScope(m, this.allianceId));
      });
    } finally {
      if (inTransaction) committed.delete(inTransaction);
    }
    for (const run of after) run();
    return result;
  }

  /** Runs `run` after this scope's transaction commits (never after a rollback); only inside transaction(). */
  afterCommit(run: () => void): void {
    const list = committed.get(this.manager);
    // Registered for exactly the life of transaction(): not the driver's isTransactionActive, which turns
    // false when the connection is lost mid-transaction (the act then fails on its next statement as
    // SERVICE_UNAVAILABLE, not here as an internal error).
    if (!list) throw new Error('afterCommit() outside scope.transaction()');
    list.push(run);
  }
}

/** What runs inside the transaction that writes a record, once it is written (e.g. a resident's tracking code). */
export type Within<T> = (tx: TenantScope, record: T) => Promise<void>;
