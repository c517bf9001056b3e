import { LRUCache } from 'lru-cache';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { KeysetOrder } from '../graphql/pagination.js';

/*
 * A list's filtered set (its service's query builder: tenancy, role rules,
 * filters) as SQL for the fast path (docs/architecture.md, "Fast path").
 * The query builder stays the one definition of the rules; what is kept is
 * the SQL TypeORM writes from it, per shape. A shape is what decides the
 * text: the conditions the builder was given (their text already says which
 * filters are present and what the caller's role adds) and the names of
 * their parameters. Per request only the values are read off the builder, in
 * the order TypeORM numbered them: no clone, no getQuery(), no escaping.
 */

/** The set's SQL (selecting the order's keys as k0, k1, …) and this request's values for its $1…$n. */
export interface FilteredSet {
  /** The shape's number: the same number, the same SQL. */
  shape: number | string;
  sql: string;
  values: unknown[];
}

interface Shape {
  id: number;
  sql: string;
  /** The parameter of each $n, in order. */
  names: string[];
}

/** Shapes are few (the filters a screen combines); a bound keeps a caller from growing it without end. */
const SHAPES = new LRUCache<string, Shape>({ max: 500 });
let shapes = 0;

/**
 * What decides the builder's SQL, or null when the builder uses more than
 * conditions (joins, its own order, a limit, a lock, conditions that are not
 * text): then it is written afresh, as before.
 */
function shapeKey(qb: SelectQueryBuilder<ObjectLiteral>, order: KeysetOrder<unknown>): string | null {
  const m = qb.expressionMap;
  if (m.joinAttributes.length || m.groupBys.length || m.havings.length || Object.keys(m.orderBys).length) return null;
  if (m.limit !== undefined || m.offset !== undefined || m.take !== undefined || m.skip !== undefined || m.lockMode) return null;
  let key = `${m.mainAlias!.metadata.name} ${m.mainAlias!.name} ${m.withDeleted}|${order.keys.map((k) => k.sql).join(',')}|${Object.keys(m.parameters).join(',')}`;
  for (const w of m.wheres) {
    if (typeof w.condition !== 'string') return null;
    key += `\n${w.type} ${w.condition}`;
  }
  return key;
}

/** The builder's set as TypeORM writes it, selecting only the order's keys (the last one is the id). */
function selectingKeys<T extends ObjectLiteral>(filtered: SelectQueryBuilder<T>, order: KeysetOrder<T>): SelectQueryBuilder<T> {
  const base = filtered.clone().select(order.keys[0]!.sql, 'k0');
  order.keys.slice(1).forEach((k, i) => base.addSelect(k.sql, `k${i + 1}`));
  return base;
}

/**
 * TypeORM's SQL of the shape, with the parameter's name for each $n: written
 * once with a marker object as each value, whose positions name them. Null
 * when a value is not bound as one $n (a function written into the text, a
 * spread list) or the real values do not line up with the markers.
 */
function writeShape<T extends ObjectLiteral>(filtered: SelectQueryBuilder<T>, order: KeysetOrder<T>): Omit<Shape, 'id'> | null {
  const base = selectingKeys(filtered, order);
  const query = base.getQuery();
  const parameters = base.getParameters();
  const markers = new Map<object, string>();
  const marked: Record<string, unknown> = {};
  for (const name of Object.keys(parameters)) {
    const marker = { name };
    markers.set(marker, name);
    marked[name] = marker;
  }
  const driver = base.connection.driver;
  let written: [string, unknown[]];
  try {
    written = driver.escapeQueryWithParameters(query, marked);
  } catch {
    return null;
  }
  const [sql, bound] = written;
  const names = bound.map((v) => (typeof v === 'object' && v !== null ? markers.get(v) : undefined));
  if (names.some((n) => n === undefined)) return null;
  const [realSql, realValues] = driver.escapeQueryWithParameters(query, parameters);
  if (realSql !== sql || realValues.length !== names.length || realValues.some((v, i) => v !== parameters[names[i]!])) return null;
  return { sql, names: names as string[] };
}

/** Written for this request alone (not a shape kept): its text stands for its shape. */
function unshaped<T extends ObjectLiteral>(filtered: SelectQueryBuilder<T>, order: KeysetOrder<T>): FilteredSet {
  const [sql, values] = selectingKeys(filtered, order).getQueryAndParameters();
  return { shape: sql, sql, values };
}

/** The list's filtered set for the fast path's statement: its SQL per shape, this request's values. */
export function filteredSet<T extends ObjectLiteral>(filtered: SelectQueryBuilder<T>, order: KeysetOrder<T>): FilteredSet {
  const key = shapeKey(filtered as SelectQueryBuilder<ObjectLiteral>, order as KeysetOrder<unknown>);
  if (key === null) return unshaped(filtered, order);
  let shape = SHAPES.get(key);
  if (!shape) {
    const written = writeShape(filtered, order);
    if (!written) return unshaped(filtered, order);
    SHAPES.set(key, (shape = { id: ++shapes, ...written }));
  }
  const parameters = filtered.getParameters();
  const values = shape.names.map((n) => parameters[n]);
  // TypeORM writes a function's value into the text instead of binding it: such a builder is written afresh.
  if (values.some((v) => typeof v === 'function')) return unshaped(filtered, order);
  return { shape: shape.id, sql: shape.sql, values };
}
