/*
 * Named prepared statements for the statements the server sends again and
 * again with other values (the fast path's, docs/architecture.md "Fast
 * path"). node-postgres parses a named statement once per connection and then
 * only binds and executes it; PostgreSQL keeps its plan, and after five
 * executions uses one generic plan if it costs no more than planning afresh.
 * Planning was a third to half of PostgreSQL's CPU per fast-path read
 * (test/bench/analysis.md, "Prepared statements").
 */

/** A statement's text and its name: what node-postgres reads from a query config. */
interface Named {
  readonly text: string;
  readonly name: string;
}

/** Each statement text's config, for the life of the process: node-postgres refuses a name reused for another text. */
const named = new Map<string, Named>();

/**
 * Statements named at most: each stays prepared on every pooled connection
 * until the connection closes (a few kB of PostgreSQL's memory each), and a
 * caller choosing its selection chooses the text. Beyond this many texts,
 * statements are sent unnamed, as before.
 */
export const MAX_PREPARED = 200;

/**
 * The query to hand to `manager.query()` so that node-postgres sends it as a
 * named prepared statement. TypeORM passes its query through to
 * `client.query(query, values)` untouched, and node-postgres reads `text` and
 * `name` from an object. The object inherits String's methods and converts to
 * its text, so TypeORM's logger, the statement observer and error messages
 * still take it for the SQL. Not a String object: node-postgres copies a
 * config's own properties on every query, and a String object has one per
 * character (5 % of the server's CPU on Q1 when it was one).
 */
export function prepared(text: string): string {
  let query = named.get(text);
  if (query === undefined) {
    if (named.size >= MAX_PREPARED) return text;
    const config = Object.create(String.prototype) as Named & { toString(): string; valueOf(): string };
    Object.assign(config, { text, name: `s${named.size + 1}` });
    // Own, non-enumerable: String.prototype's would throw on an object that is not a String.
    Object.defineProperties(config, { toString: { value: () => text }, valueOf: { value: () => text } });
    named.set(text, (query = config));
  }
  return query as unknown as string;
}
