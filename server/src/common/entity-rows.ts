import type { Driver, EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import { prepared } from '../database/prepared.js';
import type { TenantScope } from './tenant-scope.js';

/** The parts of a loader's statement around the entity (alias `e`) and the alliance ($1). */
export interface RowsStatement {
  /** e.g. `JOIN activity_project j ON j.shelf_project_id = e.id AND j.alliance_id = e.alliance_id` */
  join?: string;
  /** Conditions after the alliance's, on $2 and on. */
  where: string;
  orderBy?: string;
  distinctOn?: string;
  /** An extra expression selected beside the entity: the column its rows are grouped by, or a row read with it (jsonArray()). */
  key?: string;
  /** Locks the entity's rows FOR UPDATE (only theirs, whatever the other expressions read); only inside a transaction. */
  lock?: boolean;
  /** Sent as a named prepared statement (prepared()): a fixed text sent on every request, planned once per connection. */
  named?: boolean;
}

/** The grouping key's alias: not a property name of any entity. */
const KEY = '__key';

const readers = new WeakMap<EntityMetadata, EntityRows<ObjectLiteral>>();

/**
 * The column types whose values TypeORM's PostgresDriver.prepareHydratedValue
 * (typeorm 1.1.1) changes: a Date from a timestamp's text, a date's or a
 * time's text normalised, booleans, numbers, enums and the other types it
 * parses. A value of any other type, in a column without a transformer, it
 * returns as it came (text, integers, uuids, jsonb), so hydration does not
 * call it for those: per row and column, with its closure, it was ~3.5 % of
 * the server's profile on the activity page (test/bench/analysis.md).
 * entity-rows.test.ts walks every other column of every entity and shows
 * TypeORM returns its values unchanged.
 */
const CONVERTED = new Set<unknown>([
  Boolean, Number, Date, 'datetime', 'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'date', 'time',
  'vector', 'halfvec', 'hstore', 'simple-array', 'simple-json', 'cube', 'enum', 'simple-enum',
]);

/** Whether TypeORM's hydration may change this column's values: a transformer, or a type in CONVERTED. */
export function hydrationConverts(meta: ColumnMetadata): boolean {
  return meta.transformer !== undefined || CONVERTED.has(meta.type);
}

/** A column read: its property, its metadata, and whether TypeORM's hydration changes its values. */
interface ReadColumn {
  property: string;
  meta: ColumnMetadata;
  converted: boolean;
}

/**
 * Fixed SELECTs of one entity for the loaders, hydrated with TypeORM's own
 * value conversion. Loaders run the same few statements for every request;
 * building each through a query builder (aliases, parameter rewriting, the
 * raw-to-entity transformer) took 11-17 % of the server's CPU in the
 * loader-heavy scenarios (docs/benchmarks.md, change B). The select list
 * is written once per entity from its metadata; statements still go through
 * the scope's manager (its transaction, the SQL counter).
 */
export class EntityRows<T extends ObjectLiteral> {
  private readonly columns: ReadColumn[];
  private readonly selectList: string;
  private readonly jsonReaders = new Map<string, JsonRows<T>>();
  readonly table: string;

  private constructor(
    private readonly driver: Driver,
    private readonly metadata: EntityMetadata,
  ) {
    this.columns = metadata.columns
      .filter((c) => c.isSelect)
      .map((meta) => ({ property: meta.propertyName, meta, converted: hydrationConverts(meta) }));
    this.selectList = this.columns.map((c) => `e."${c.meta.databaseName}" AS "${c.property}"`).join(', ');
    this.table = `"${metadata.tableName}"`;
  }

  static of<T extends ObjectLiteral>(manager: EntityManager, entity: EntityTarget<T>): EntityRows<T> {
    const metadata = manager.connection.getMetadata(entity);
    let reader = readers.get(metadata);
    if (!reader) readers.set(metadata, (reader = new EntityRows(manager.connection.driver, metadata)));
    return reader as unknown as EntityRows<T>;
  }

  sql(s: RowsStatement): string {
    return [
      `SELECT ${s.distinctOn ? `DISTINCT ON (${s.distinctOn}) ` : ''}${this.selectList}${s.key ? `, ${s.key} AS "${KEY}"` : ''}`,
      `FROM ${this.table} e${s.join ? ` ${s.join}` : ''}`,
      `WHERE e.alliance_id = $1 AND ${s.where}`,
      s.orderBy ? `ORDER BY ${s.orderBy}` : '',
      s.lock ? 'FOR UPDATE OF e' : '',
    ].join(' ');
  }

  /**
   * The fast path's JSON of a row (docs/architecture.md, "Fast path"): the
   * columns of these properties (null: every column), in the order its
   * fromJsonArray() reads them. One reader per set of columns.
   */
  json(properties: ReadonlySet<string> | null): JsonRows<T> {
    const columns = properties ? this.columns.filter((c) => properties.has(c.property)) : this.columns;
    const key = columns.map((c) => c.property).join(',');
    let reader = this.jsonReaders.get(key);
    if (!reader) {
      const unread = this.columns.filter((c) => !columns.includes(c)).map((c) => c.property);
      this.jsonReaders.set(key, (reader = new JsonRows<T>(this.driver, this.metadata, columns, unread)));
    }
    return reader;
  }

  /** The rows of the caller's alliance; `params` are $2 and on. */
  async select(scope: TenantScope, s: RowsStatement, params: unknown[]): Promise<{ entity: T; key: unknown }[]> {
    const sql = this.sql(s);
    const raw: Record<string, unknown>[] = await scope.manager.query(s.named ? prepared(sql) : sql, [scope.allianceId, ...params]);
    return raw.map((r) => ({ entity: this.hydrate(r), key: r[KEY] }));
  }

  private hydrate(raw: Record<string, unknown>): T {
    // As TypeORM's own hydration does: the prototype, without running the constructor.
    const entity = this.metadata.create(undefined, { fromDeserializer: true }) as Record<string, unknown>;
    for (const c of this.columns) {
      const value = raw[c.property];
      entity[c.property] = c.converted ? this.driver.prepareHydratedValue(value, c.meta) : value;
    }
    return entity as T;
  }
}

/**
 * Rows of one entity as the fast path's statement reads them: some of its
 * columns as one JSON array, hydrated as select() hydrates a row. A column
 * left unread is not undefined on the entity but a getter that throws: a
 * field resolver reading a column its declaration (`columns` in the
 * module's .fast.ts) does not name fails the request loudly, and never
 * answers null or a mask of nothing for a value that exists.
 */
export class JsonRows<T extends ObjectLiteral> {
  /** The entity's prototype, or one below it with a throwing getter per unread column. */
  private readonly prototype: object | null;

  constructor(
    private readonly driver: Driver,
    private readonly metadata: EntityMetadata,
    private readonly columns: readonly ReadColumn[],
    readonly unread: readonly string[],
  ) {
    const target = metadata.target;
    this.prototype =
      typeof target === 'function' && unread.length
        ? Object.create(
            target.prototype as object,
            Object.fromEntries(
              unread.map((property) => [
                property,
                {
                  get(): never {
                    throw new Error(`${metadata.targetName}.${property} was not read by the fast path's statement: declare it in the type's columns`);
                  },
                  // Setting it (a copy being edited) makes it an ordinary property of that object.
                  set(this: object, value: unknown) {
                    Object.defineProperty(this, property, { value, writable: true, enumerable: true, configurable: true });
                  },
                  configurable: true,
                },
              ]),
            ),
          )
        : null;
  }

  /** The row `alias`'s columns as one JSON array, in the order fromJsonArray() reads them. */
  jsonArray(alias: string): string {
    return `json_build_array(${this.columns.map((c) => `${alias}."${c.meta.databaseName}"`).join(', ')})`;
  }

  /** The entity of a jsonArray() value, hydrated as select() hydrates a row (a timestamp's ISO text becomes a Date). */
  fromJsonArray(values: readonly unknown[]): T {
    const entity = (this.prototype ? Object.create(this.prototype) : this.metadata.create(undefined, { fromDeserializer: true })) as Record<string, unknown>;
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i]!;
      entity[c.property] = c.converted ? this.driver.prepareHydratedValue(values[i], c.meta) : values[i];
    }
    return entity as T;
  }
}
