import { HeldLoader } from './held-loader.js';
import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { EntityRows } from './entity-rows.js';
import type { TenantScope } from './tenant-scope.js';

/*
 * Loader builders. Each batch is one `= ANY($2)` statement scoped to the
 * tenant ($1), and answers in key order, as DataLoader's contract requires.
 */

/** Rows by primary key; a missing key yields null. */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(scope: TenantScope, entity: EntityTarget<T>) {
  const rows = EntityRows.of(scope.manager, entity);
  return new HeldLoader<string, T | null>(async (ids) => {
    const found = await rows.select(scope, { where: 'e.id = ANY($2)' }, [[...ids]]);
    const byId = new Map(found.map(({ entity: r }) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** At most one row per key: the first of each key's rows in `orderBy` (DISTINCT ON); a key without rows yields null. */
export function firstPerKeyLoader<T extends ObjectLiteral>(scope: TenantScope, entity: EntityTarget<T>, column: string, orderBy: string) {
  const rows = EntityRows.of(scope.manager, entity);
  return new HeldLoader<string, T | null>(async (keys) => {
    const found = await rows.select(
      scope,
      { distinctOn: `e.${column}`, where: `e.${column} = ANY($2)`, orderBy: `e.${column}, ${orderBy}`, key: `e.${column}` },
      [[...keys]],
    );
    const byKey = new Map(found.map(({ entity, key }) => [key as string, entity]));
    return keys.map((k) => byKey.get(k) ?? null);
  });
}

/** One statement: the rows whose `column` is any of `keys`, grouped per key in `orderBy`. */
async function groupsOf<T extends ObjectLiteral>(
  scope: TenantScope,
  rows: EntityRows<T>,
  column: string,
  orderBy: string,
  keys: readonly string[],
): Promise<Map<string, T[]>> {
  const found = await rows.select(scope, { where: `e.${column} = ANY($2)`, orderBy, key: `e.${column}` }, [[...new Set(keys)]]);
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const { entity, key } of found) groups.get(key as string)?.push(entity);
  return groups;
}

/** Child rows grouped by a foreign key column, each group in `orderBy` (SQL on alias `e`). */
export function groupLoader<T extends ObjectLiteral>(scope: TenantScope, entity: EntityTarget<T>, column: string, orderBy: string) {
  const rows = EntityRows.of(scope.manager, entity);
  return new HeldLoader<string, T[]>(async (keys) => {
    const groups = await groupsOf(scope, rows, column, orderBy, keys);
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
  column: string,
  orderBy: string,
) {
  const rows = EntityRows.of(scope.manager, entity);
  return new HeldLoader<{ key: string; status: string | null }, T[], string>(
    async (keys) => {
      const groups = await groupsOf(scope, rows, column, orderBy, keys.map((k) => k.key));
      return keys.map((k) => groups.get(k.key)!.filter((r) => k.status === null || r.status === k.status));
    },
    { cacheKeyFn: (k) => `${k.key}:${k.status ?? ''}` },
  );
}

/**
 * Rows reached through a join table (alias `j`, joined to the rows `e` of
 * the same alliance), grouped by the join table's `keyColumn`, each group in
 * `orderBy`; a row reached from several keys comes once per key.
 */
export function throughJoinLoader<T extends ObjectLiteral>(
  scope: TenantScope,
  entity: EntityTarget<T>,
  through: { table: string; rowColumn: string; keyColumn: string; orderBy: string },
) {
  const rows = EntityRows.of(scope.manager, entity);
  const join = `JOIN ${through.table} j ON j.${through.rowColumn} = e.id AND j.alliance_id = e.alliance_id`;
  return new HeldLoader<string, T[]>(async (keys) => {
    const found = await rows.select(
      scope,
      { join, where: `j.${through.keyColumn} = ANY($2)`, orderBy: through.orderBy, key: `j.${through.keyColumn}` },
      [[...keys]],
    );
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const { entity: row, key } of found) groups.get(key as string)?.push(row);
    return keys.map((k) => groups.get(k)!);
  });
}

/**
 * A number per key from one aggregate statement. `sql` must select
 * `key` and `value` and take the keys as $1 and the alliance as $2.
 */
export function aggregateLoader(scope: TenantScope, sql: string) {
  return new HeldLoader<string, number>(async (keys) => {
    const rows: { key: string; value: string | number }[] = await scope.manager.query(sql, [[...keys], scope.allianceId]);
    const byKey = new Map(rows.map((r) => [r.key, Number(r.value)]));
    return keys.map((k) => byKey.get(k) ?? 0);
  });
}
