import { Kind, visit, type ASTNode, type FieldNode, type GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { LRUCache } from 'lru-cache';
import type { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../graphql/context.js';
import { keysetPage, pageOf, pageSize, type Connection, type KeysetOrder, type PageArgs } from '../graphql/pagination.js';
import { prepared } from '../database/prepared.js';
import { EntityRows, type JsonRows } from './entity-rows.js';
import { filteredSet } from './filtered-set.js';
import { requireId } from './tenant-scope.js';

/*
 * The fast path (docs/architecture.md, "Fast path"): a hot read answered with
 * one SQL statement whatever its selection. The top-level resolver hands the
 * selection to the compiler; if every selected field is one the compiler
 * knows, it builds one statement that returns the rows and, nested in them as
 * JSON, every relation selected below, hydrates them into the entities the
 * loaders would have read, and primes the request's loaders with them. The
 * field resolvers then run as on the general path (masking, visibility
 * filters, computed fields) and find every loader's answer already there. A
 * selection with a field it does not know goes the general way.
 */

/** A statement's parameters: values are never written into the SQL. */
export class SqlParams {
  constructor(readonly values: unknown[] = []) {}

  /** The placeholder ($n) of a new parameter. */
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** The aliases inside one relation's sub-select: the parent row, the child row, a join table. */
export interface Aliases {
  p: string;
  c: string;
  j: string;
}

/**
 * What a relation's SQL may use: the caller's alliance ($n) and new parameters.
 * Its text and its parameters' values must follow from the field's arguments
 * alone: the statement is kept per document and served to other callers.
 */
export interface Compiling {
  tenant: string;
  params: SqlParams;
}

type Args = Record<string, unknown>;

/** Fills the loader the field's resolver reads with what the statement returned. */
type Prime<P> = (ctx: RequestContext, parent: P, value: any, args: Args) => void;

/**
 * A field answered by rows of another type (that type's entity), read the way
 * the field's loader reads them: alliance-scoped, in the loader's order.
 */
export interface RowsRelation<P> {
  many: boolean;
  /** Joins of the child row `c`, e.g. through a join table `j` (of the same alliance). */
  join?: (a: Aliases) => string;
  /** The condition tying the child `c` to the parent `p` (the alliance is added). */
  where: (a: Aliases, args: Args, q: Compiling) => string;
  orderBy?: (a: Aliases) => string;
  prime: Prime<P>;
  /**
   * Whether the field's loader answers from the instance's memory now (its
   * `inMemory`: the alliance's categories and grids, reference-data.ts).
   * Then, when nothing is selected below the rows but their own fields, the
   * statement leaves them out and the resolver's `get()` answers them.
   */
  inMemory?: (ctx: RequestContext) => boolean;
}

/** A field answered by a value computed in SQL from the parent row `p` (a count, a list of ids). */
export interface ValueRelation<P> {
  value: (a: Pick<Aliases, 'p'>, args: Args, q: Compiling) => string;
  prime: Prime<P>;
}

/** What the compiler knows of a GraphQL object type. */
export interface FastType<E extends ObjectLiteral> {
  entity: EntityTarget<E>;
  /** Fields answered from the row alone, by the default resolver or a field resolver that reads nothing more. */
  plain: readonly (keyof E | string)[];
  /** Fields whose resolver reads a loader: the statement reads what the loader would. */
  relations: Record<string, RowsRelation<E> | ValueRelation<E>>;
  /**
   * What some plain fields' resolvers read through a loader besides the row
   * (the units that decide a phone's mask, the agreements a status is judged
   * on): a relation of the row the field needs, for this caller, or null.
   * Return the same object each time: a relation needed by two fields is read once.
   * Decide on the caller's role only: it is the one part of the caller in a kept plan's key.
   */
  needs?: Record<string, (ctx: RequestContext) => Needed<E> | null>;
  /**
   * The columns the statement reads: `always` whatever is selected (the id,
   * what the visibility rules, the order's keys and the relations' primes
   * read), and for each selected field the column of its own name, or the
   * columns `reads` names for it (a field resolver reading more than its own
   * column). Left out, every column is read. A column not read throws when
   * read (EntityRows.json), so a missing declaration fails loudly.
   */
  columns?: { always: readonly (keyof E & string)[]; reads?: Record<string, readonly (keyof E & string)[]> };
}

/** A relation a plain field needs: rows of `type` (none of its fields selected) or a value. */
export type Needed<E> = { rows: RowsRelation<E>; type: string } | { value: ValueRelation<E> };

const TYPES = new Map<string, FastType<any>>();
/** Every relation's `inMemory`, once each: what they answer now is part of a kept plan's key. */
const IN_MEMORY = new Set<(ctx: RequestContext) => boolean>();

/** Declares what the compiler knows of a type; each module declares its own (<module>.fast.ts). */
export function fastType<E extends ObjectLiteral>(graphqlName: string, spec: FastType<E>): void {
  TYPES.set(graphqlName, spec);
  for (const relation of Object.values(spec.relations)) if ('many' in relation && relation.inMemory) IN_MEMORY.add(relation.inMemory);
}

/** What the compiler knows of a type (tests change a declaration to see what a wrong one does). */
export function declaredFastType(graphqlName: string): FastType<ObjectLiteral> | undefined {
  return TYPES.get(graphqlName);
}

/** A relation to read: each alias of a field is one (two aliases may differ in their arguments). */
interface PlannedField {
  args: Args;
  relation: RowsRelation<any> | ValueRelation<any>;
  child: Plan | null;
}

interface Plan {
  rows: EntityRows<ObjectLiteral>;
  fields: PlannedField[];
  /** The columns read of its rows, known once the whole statement is planned (rowsOf). */
  json?: JsonRows<ObjectLiteral>;
}

/** The operation selects this one field at its root: nothing else in the request reads the loaders the statement primes. */
function soleRootField(info: GraphQLResolveInfo): boolean {
  const root = info.operation.selectionSet.selections;
  return root.length === 1 && root[0]!.kind === Kind.FIELD;
}

/** The one selected object type of a field, or null (none, or an abstract type's several). */
function onlyType(tree: ResolveTree): { name: string; fields: Record<string, ResolveTree> } | null {
  const names = Object.keys(tree.fieldsByTypeName);
  return names.length === 1 ? { name: names[0]!, fields: tree.fieldsByTypeName[names[0]!]! } : null;
}

class Compiler implements Compiling {
  readonly params: SqlParams;
  readonly tenant: string;
  private n = 0;
  /**
   * The properties read of each entity, the union over every place it is
   * selected (null: every column). One set per entity, because every place
   * primes the same loaders (a unit of a project and of a sign-up is
   * `loaders.unit`'s): a row primed must serve each resolver that reads it.
   */
  private readonly read = new Map<EntityRows<ObjectLiteral>, Set<string> | null>();

  constructor(
    readonly ctx: RequestContext,
    /** Read only what the selection needs; false when the operation has other root fields, which may read the same loaders. */
    private readonly narrow: boolean,
    /** The request's own parameters so far (the tenant's among them); the relations' arguments are added after them. */
    params: SqlParams,
    tenant: string,
  ) {
    this.params = params;
    this.tenant = tenant;
  }

  /** The plan for these fields of this type, or null when one of them is not the compiler's. */
  plan(typeName: string, fields: Record<string, ResolveTree>): Plan | null {
    const type = TYPES.get(typeName);
    if (!type) return null;
    const planned: PlannedField[] = [];
    for (const field of Object.values(fields)) {
      if (field.name === '__typename') continue;
      const relation = type.relations[field.name];
      if (relation) {
        let child: Plan | null = null;
        if ('many' in relation) {
          const selected = onlyType(field);
          child = selected && this.plan(selected.name, selected.fields);
          if (!child) return null;
          if (child.fields.length === 0 && relation.inMemory?.(this.ctx)) continue;
        }
        planned.push({ args: field.args as Args, relation, child });
        continue;
      }
      if (!type.plain.includes(field.name)) return null;
      const needed = type.needs?.[field.name]?.(this.ctx);
      if (!needed) continue;
      const extra = 'value' in needed ? needed.value : needed.rows;
      if (planned.some((p) => p.relation === extra)) continue;
      const rowsOf = 'type' in needed ? this.plan(needed.type, {}) : null;
      if ('type' in needed && !rowsOf) return null;
      planned.push({ args: {}, relation: extra, child: rowsOf });
    }
    const rows = EntityRows.of(this.ctx.scope.manager, type.entity);
    this.reads(rows, type, fields);
    return { rows, fields: planned };
  }

  /** Adds what these selected fields read of the entity to what the statement reads of it. */
  private reads(rows: EntityRows<ObjectLiteral>, type: FastType<ObjectLiteral>, fields: Record<string, ResolveTree>): void {
    const known = this.read.get(rows);
    if (known === null) return;
    const columns = type.columns;
    if (!this.narrow || !columns) return void this.read.set(rows, null);
    const set = known ?? new Set<string>();
    for (const c of columns.always) set.add(c);
    for (const f of Object.values(fields)) for (const c of columns.reads?.[f.name] ?? [f.name]) set.add(c);
    this.read.set(rows, set);
  }

  /** The reader of a planned entity's rows: what every place it is selected reads, once all are planned. */
  private rowsOf(plan: Plan): JsonRows<ObjectLiteral> {
    return (plan.json ??= plan.rows.json(this.read.get(plan.rows) ?? null));
  }

  /** `json_build_array(row, relation…)` of the row `e`: the row's columns as an array, then each relation. */
  json(plan: Plan, e: string): string {
    const parts = [this.rowsOf(plan).jsonArray(e)];
    for (const f of plan.fields) {
      const a: Aliases = { p: e, c: `c${++this.n}`, j: `j${this.n}` };
      if (!('many' in f.relation)) {
        parts.push(f.relation.value(a, f.args, this));
        continue;
      }
      const r = f.relation;
      const child = f.child!;
      const from =
        `FROM ${child.rows.table} ${a.c}${r.join ? ` ${r.join(a)}` : ''}` +
        ` WHERE ${a.c}.alliance_id = ${this.tenant} AND ${r.where(a, f.args, this)}`;
      const order = r.orderBy ? r.orderBy(a) : null;
      const node = this.json(child, a.c);
      parts.push(
        r.many
          ? `(SELECT coalesce(json_agg(${node}${order ? ` ORDER BY ${order}` : ''}), '[]') ${from})`
          : `(SELECT ${node} ${from}${order ? ` ORDER BY ${order} LIMIT 1` : ''})`,
      );
    }
    return `json_build_array(${parts.join(', ')})`;
  }

}

/** The entity of one `json()` value; primes the loaders its relations' resolvers will ask. */
function hydrate(ctx: RequestContext, plan: Plan, node: unknown[]): ObjectLiteral {
  const entity = plan.json!.fromJsonArray(node[0] as unknown[]);
  plan.fields.forEach((f, i) => {
    const raw = node[i + 1];
    let value: unknown = raw;
    if (f.child) {
      const child = f.child;
      if ((f.relation as RowsRelation<unknown>).many) value = (raw as unknown[][]).map((n) => hydrate(ctx, child, n));
      else value = raw === null ? null : hydrate(ctx, child, raw as unknown[]);
    }
    f.relation.prime(ctx, entity, value, f.args);
  });
  return entity;
}

function enabled(ctx: RequestContext): boolean {
  return ctx.deps.config.fastPath;
}

function selectionOf(info: GraphQLResolveInfo): { name: string; fields: Record<string, ResolveTree> } | null {
  const tree = parseResolveInfo(info) as ResolveTree | null;
  return tree ? onlyType(tree) : null;
}

/** What the fast path answers: `taken` false means it did not, and the general path must. */
export type Fast<T> = { taken: true; value: T } | { taken: false };
const NOT_TAKEN = { taken: false } as const;

/*
 * Plans kept per operation. For one field of one operation (its document's
 * text and name, the field's path), the selection, hence the plan, the
 * columns and the statement's text, are the same for every request but for
 * what the key below adds: the caller's role (a type's `needs` read it),
 * what the relations' `inMemory` answer (whether the instance holds the
 * caller's alliance's categories and grids: then they are not read), the
 * variables the field's nested arguments and directives use (their
 * values: a `status:` argument, an @include), and for a list, the shape of
 * its filtered set (filtered-set.ts: the role's rules and the filters
 * present are in its text) and whether a cursor is given. The request's
 * own values (the caller's alliance, the id, the page's size and cursor,
 * the filter's values) are parameters bound per request, never part of a
 * plan: a plan serves every alliance alike. A plan's other parameters (the
 * nested fields' arguments) follow from its key. A selection the compiler
 * does not know is kept too (GENERAL), so it is not parsed again either.
 */
interface Statement {
  plan: Plan;
  /** The text as a named prepared statement (prepared()). */
  query: string;
  /** The parameters after the request's own: the nested fields' arguments, fixed by the key. */
  fixed: unknown[];
}
const GENERAL = 'general' as const;
/** A bound: the caller's documents choose the keys. */
const STATEMENTS = new LRUCache<string, Statement | typeof GENERAL>({ max: 500 });

/** Forgets every plan kept (tests that change a type's declaration). */
export function forgetFastPlans(): void {
  STATEMENTS.clear();
}

/** The variables used below the field or in directives: all but those used only in the field's own arguments, which its resolver reads. */
const NESTED_VARIABLES = new WeakMap<FieldNode, string[]>();
function nestedVariables(info: GraphQLResolveInfo): string[] {
  const field = info.fieldNodes[0]!;
  let names = NESTED_VARIABLES.get(field);
  if (!names) {
    const uses = (nodes: readonly ASTNode[]) => {
      const count = new Map<string, number>();
      for (const node of nodes) visit(node, { Variable: (v) => void count.set(v.name.value, (count.get(v.name.value) ?? 0) + 1) });
      return count;
    };
    const all = uses([info.operation.selectionSet, ...(info.operation.directives ?? []), ...Object.values(info.fragments)]);
    const own = uses(info.fieldNodes.flatMap((f) => f.arguments ?? []));
    names = [...all].filter(([name, n]) => n > (own.get(name) ?? 0)).map(([name]) => name).sort();
    NESTED_VARIABLES.set(field, names);
  }
  return names;
}

/** The key of a field's plan (see above), or null when the document's text is not known (then nothing is kept). */
function statementKey(ctx: RequestContext, info: GraphQLResolveInfo, kind: string): string | null {
  const body = info.operation.loc?.source.body;
  if (body === undefined) return null;
  let path = '';
  for (let p: GraphQLResolveInfo['path'] | undefined = info.path; p; p = p.prev) if (typeof p.key === 'string') path = `${p.key}.${path}`;
  const nested = nestedVariables(info);
  const values = nested.length ? JSON.stringify(nested.map((n) => info.variableValues[n] ?? null)) : '';
  let memory = '';
  for (const inMemory of IN_MEMORY) memory += inMemory(ctx) ? '1' : '0';
  return `${kind}|${ctx.me.role}|${memory}|${path}|${values}|${info.operation.name?.value ?? ''}|${body}`;
}

/** The kept plan, or one planned now (and kept) by `compile`; GENERAL when the general path must answer. */
function planned(key: string | null, compile: () => Statement | null): Statement | typeof GENERAL {
  const kept = key === null ? undefined : STATEMENTS.get(key);
  if (kept !== undefined) return kept;
  const statement = compile() ?? GENERAL;
  if (key !== null) STATEMENTS.set(key, statement);
  return statement;
}

async function run(ctx: RequestContext, query: string, values: unknown[]): Promise<unknown> {
  const [row]: { result: unknown }[] = await ctx.scope.manager.query(query, values);
  return row?.result ?? null;
}

/**
 * One row by id, with every relation selected below it, or NOT_TAKEN. The
 * row is the alliance's or none, as ctx.scope.find reads it.
 */
export async function fastById<T extends ObjectLiteral>(ctx: RequestContext, info: GraphQLResolveInfo, id: string): Promise<Fast<T | null>> {
  if (!enabled(ctx)) return NOT_TAKEN;
  // The request's own parameters: the same placeholders for every request of the plan.
  const own = new SqlParams();
  const tenant = own.add(ctx.scope.allianceId);
  const idParam = own.add(requireId(id, 'id'));
  const mine = own.values.length;
  const statement = planned(statementKey(ctx, info, 'row'), () => {
    const selected = selectionOf(info);
    const q = new Compiler(ctx, soleRootField(info), own, tenant);
    const plan = selected && q.plan(selected.name, selected.fields);
    if (!plan) return null;
    const sql = `SELECT ${q.json(plan, 'e')} AS result FROM ${plan.rows.table} e WHERE e.alliance_id = ${tenant} AND e.id = ${idParam}`;
    return { plan, query: prepared(sql), fixed: own.values.slice(mine) };
  });
  if (statement === GENERAL) return NOT_TAKEN;
  const node = await run(ctx, statement.query, [...own.values.slice(0, mine), ...statement.fixed]);
  return { taken: true, value: node === null ? null : (hydrate(ctx, statement.plan, node as unknown[]) as T) };
}

const CONNECTION_PLAIN = new Set(['__typename', 'totalCount', 'pageInfo']);

/**
 * A page of a list as paginate() answers it (the same filter, order, cursor
 * and count), with every relation selected below its nodes, or NOT_TAKEN.
 * `filtered` is the list's query builder with all its conditions (tenancy,
 * role rules, filters): the statement counts and pages exactly that set.
 */
export async function fastConnection<T extends ObjectLiteral>(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  filtered: SelectQueryBuilder<T>,
  page: PageArgs,
  order: KeysetOrder<T>,
): Promise<Fast<Connection<T>>> {
  if (!enabled(ctx)) return NOT_TAKEN;
  const first = pageSize(page.first);
  // The filtered set as the list reads it, selecting only the order's keys; then the request's own parameters.
  const set = filteredSet(filtered, order);
  const own = new SqlParams([...set.values]);
  const tenant = own.add(ctx.scope.allianceId);
  const limit = own.add(first + 1);
  const cursor = keysetPage(page.after, order, (v) => own.add(v));
  const mine = own.values.length;
  const statement = planned(statementKey(ctx, info, `page ${set.shape} ${cursor ? 'after' : 'first'}`), () => {
    const connection = selectionOf(info);
    if (!connection) return null;
    const fields = Object.values(connection.fields);
    const nodes = fields.filter((f) => f.name === 'nodes');
    if (nodes.length > 1 || fields.some((f) => f.name !== 'nodes' && !CONNECTION_PLAIN.has(f.name))) return null;
    const q = new Compiler(ctx, soleRootField(info), own, tenant);
    const nodeType = nodes[0] && onlyType(nodes[0]);
    const plan = nodeType
      ? q.plan(nodeType.name, nodeType.fields)
      : { rows: EntityRows.of(ctx.scope.manager, filtered.expressionMap.mainAlias!.metadata.target), fields: [] };
    if (!plan) return null;
    const keyColumns = order.keys.map((_, i) => `k${i}`);
    const direction = order.direction;
    const ordered = keyColumns.map((k) => `pg.${k} ${direction}`).join(', ');
    const wantsCount = fields.some((f) => f.name === 'totalCount');
    const sql = [
      `WITH filtered AS NOT MATERIALIZED (${set.sql})`,
      `SELECT json_build_array(`,
      wantsCount ? `(SELECT count(*) FROM filtered),` : `NULL,`,
      `(SELECT coalesce(json_agg(${q.json(plan, 'e')} ORDER BY ${ordered}), '[]')`,
      ` FROM (SELECT * FROM filtered f${cursor ? ` WHERE (${keyColumns.map((k) => `f.${k}`).join(', ')}) ${cursor.cmp} (${cursor.placeholders.join(', ')})` : ''}`,
      `       ORDER BY ${keyColumns.map((k) => `f.${k} ${direction}`).join(', ')} LIMIT ${limit}) pg`,
      ` JOIN ${plan.rows.table} e ON e.id = pg.${keyColumns[keyColumns.length - 1]} AND e.alliance_id = ${tenant})`,
      `) AS result`,
    ].join('\n');
    return { plan, query: prepared(sql), fixed: own.values.slice(mine) };
  });
  if (statement === GENERAL) return NOT_TAKEN;
  const [count, rows] = (await run(ctx, statement.query, [...own.values.slice(0, mine), ...statement.fixed])) as [number | null, unknown[][]];
  const entities = rows.map((n) => hydrate(ctx, statement.plan, n) as T);
  return { taken: true, value: { ...pageOf(entities, first, order), totalCount: count ?? 0 } };
}
