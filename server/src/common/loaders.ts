import DataLoader from 'dataloader';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { TenantScope } from './tenant-scope.js';

/*
 * Loader builders. Each batch is one `= ANY($1)` statement scoped to the
 * tenant, and answers in key order, as DataLoader's contract requires.
 */

/** Rows by primary key; a missing key yields null. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(scope: TenantScope, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await scope.qb(entity, 'e').andWhere('e.id = ANY(:ids)', { ids: [...ids] }).getMany();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

interface ForeignKey<T> {
  column: string;
  key: (row: T) => string;
}

/** One statement: the rows whose foreign key is any of `keys`, grouped per key in the given order. */
async function groupsOf<T extends ObjectLiteral>(
  scope: TenantScope,
  entity: EntityTarget<T>,
  fk: ForeignKey<T>,
  orderBy: Record<string, 'ASC' | 'DESC'>,
  keys: readonly string[],
): Promise<Map<string, T[]>> {
  const rows = await scope
    .qb(entity, 'e')
    .andWhere(`e.${fk.column} = ANY(:keys)`, { keys: [...new Set(keys)] })
    .orderBy(orderBy)
    .getMany();
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const r of rows) groups.get(fk.key(r))?.push(r);
  return groups;
}

/** Child rows grouped by a foreign key, each group in the given order. */
export function groupLoader<T extends ObjectLiteral>(
  scope: TenantScope,
  entity: EntityTarget<T>,
  fk: ForeignKey<T>,
  orderBy: Record<string, 'ASC' | 'DESC'>,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const groups = await groupsOf(scope, entity, fk, orderBy, keys);
    return keys.map((k) => groups.get(k)!);
  });
}

/**
 * Child rows grouped by a foreign key, optionally only those of one status:
 * `unit.shelfProjects(status: ON_SHELF)` and the like. All statuses come in
 * one statement and are filtered per key.
 */
export function statusGroupLoader<T extends ObjectLiteral & { status: string }>(
  scope: TenantScope,
  entity: EntityTarget<T>,
  fk: ForeignKey<T>,
  orderBy: Record<string, 'ASC' | 'DESC'>,
) {
  return new DataLoader<{ key: string; status: string | null }, T[], string>(
    async (keys) => {
      const groups = await groupsOf(scope, entity, fk, orderBy, keys.map((k) => k.key));
      return keys.map((k) => groups.get(k.key)!.filter((r) => k.status === null || r.status === k.status));
    },
    { cacheKeyFn: (k) => `${k.key}:${k.status ?? ''}` },
  );
}

/**
 * Rows reached through a join table, grouped by one of its columns. `query`
 * selects the rows (alias `e`) joined to the join table (alias `j`) in the
 * order each group should have; a row reached from several keys comes once
 * per key.
 */
export function throughJoinLoader<T extends ObjectLiteral & { id: string }>(keyColumn: string, query: () => SelectQueryBuilder<T>) {
  return new DataLoader<string, T[]>(async (keys) => {
    const { raw, entities } = await query()
      .addSelect(`j.${keyColumn}`, 'j_key')
      .andWhere(`j.${keyColumn} = ANY(:joinKeys)`, { joinKeys: [...keys] })
      .getRawAndEntities();
    const byId = new Map(entities.map((e) => [e.id, e]));
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of raw as { j_key: string; e_id: string }[]) {
      const entity = byId.get(row.e_id);
      if (entity) groups.get(row.j_key)?.push(entity);
    }
    return keys.map((k) => groups.get(k)!);
  });
}

/**
 * A number per key from one aggregate statement. `sql` must select
 * `key` and `value` and take the keys as $1 and the alliance as $2.
 */
export function aggregateLoader(scope: TenantScope, sql: string) {
  return new DataLoader<string, number>(async (keys) => {
    const rows: { key: string; value: string | number }[] = await scope.manager.query(sql, [[...keys], scope.allianceId]);
    const byKey = new Map(rows.map((r) => [r.key, Number(r.value)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  });
}
