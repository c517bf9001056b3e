import { Field, Int, ObjectType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { LIMITS, checkIntRange } from '@alliance/shared';
import { badInput, ensure } from './errors.js';

@ObjectType('PageInfo')
export class PageInfo {
  @Field(() => String, { nullable: true })
  endCursor: string | null;

  @Field(() => Boolean)
  hasNextPage: boolean;
}

export interface Connection<T> {
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** `XConnection { nodes: [X!]! pageInfo: PageInfo! totalCount: Int! }` */
export function ConnectionType<T extends object>(name: string, node: ClassType<T>) {
  @ObjectType(name)
  class ConnectionClass implements Connection<T> {
    @Field(() => [node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int)
    totalCount: number;
  }
  return ConnectionClass;
}

/** One sort key: the SQL expression, how to read it off a row, and its cursor type. */
export interface SortKey<T> {
  sql: string;
  value: (row: T) => string | number | Date;
  type: 'string' | 'number' | 'date' | 'uuid';
}

export interface KeysetOrder<T> {
  direction: 'ASC' | 'DESC';
  /** The last key must be unique (the id) so that the order is total. */
  keys: SortKey<T>[];
}

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor<T>(cursor: string, order: KeysetOrder<T>): unknown[] {
  try {
    if (!/^[A-Za-z0-9_-]{1,1000}$/.test(cursor)) throw new Error('alphabet');
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length !== order.keys.length) throw new Error('shape');
    return values.map((v, i) => {
      const type = order.keys[i]!.type;
      if (type === 'number' && typeof v === 'number' && Number.isFinite(v)) return v;
      if (type === 'string' && typeof v === 'string') return v;
      if (type === 'uuid' && typeof v === 'string' && UUID.test(v)) return v;
      if (type === 'date' && typeof v === 'string' && !Number.isNaN(Date.parse(v))) return new Date(v);
      throw new Error('type');
    });
  } catch {
    throw badInput('after', 'INVALID_CURSOR', 'after: malformed cursor');
  }
}

export function pageSize(first: number | null | undefined): number {
  const n = first ?? 20;
  ensure({ first: checkIntRange(n, LIMITS.pageSize) });
  return n;
}

/**
 * Keyset pagination: `WHERE (k1, k2) < (:c1, :c2) ORDER BY k1, k2 LIMIT n + 1`,
 * so page 1000 costs what page 1 costs. totalCount counts the filtered set
 * without the cursor. Two statements, whatever `first` is.
 */
export async function paginate<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  args: PageArgs,
  order: KeysetOrder<T>,
): Promise<Connection<T>> {
  const first = pageSize(args.first);
  const countQb = qb.clone();
  const page = qb.clone();
  const params: Record<string, unknown> = {};
  const cursor = keysetPage(args.after, order, (v) => {
    const name = `cursor${Object.keys(params).length}`;
    params[name] = v;
    return `:${name}`;
  });
  if (cursor) page.andWhere(`(${order.keys.map((k) => k.sql).join(', ')}) ${cursor.cmp} (${cursor.placeholders.join(', ')})`, params);
  order.keys.forEach((k, i) => (i === 0 ? page.orderBy(k.sql, order.direction) : page.addOrderBy(k.sql, order.direction)));
  const [rows, totalCount] = await Promise.all([page.limit(first + 1).getMany(), countQb.getCount()]);
  return { ...pageOf(rows, first, order), totalCount };
}

/**
 * The cursor's condition, `(keys) cmp (placeholders)`: the placeholders of
 * its decoded values (`placeholder` makes each a parameter) and the
 * comparison of the order's direction; null without a cursor.
 */
export function keysetPage<T>(
  after: string | null | undefined,
  order: KeysetOrder<T>,
  placeholder: (value: unknown) => string,
): { cmp: '<' | '>'; placeholders: string[] } | null {
  if (!after) return null;
  return { cmp: order.direction === 'DESC' ? '<' : '>', placeholders: decodeCursor(after, order).map(placeholder) };
}

/** The page of `first` rows out of the `first + 1` read in order, and its pageInfo. */
export function pageOf<T>(rows: T[], first: number, order: KeysetOrder<T>): { nodes: T[]; pageInfo: PageInfo } {
  const hasNextPage = rows.length > first;
  const nodes = hasNextPage ? rows.slice(0, first) : rows;
  const last = nodes[nodes.length - 1];
  const endCursor = last
    ? encodeCursor(order.keys.map((k) => {
        const v = k.value(last);
        return v instanceof Date ? v.toISOString() : v;
      }))
    : null;
  return { nodes, pageInfo: { endCursor, hasNextPage } };
}
