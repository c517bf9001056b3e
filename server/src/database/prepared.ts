/*
 * Named prepared statements for the statements the server sends again and
 * again with other values (the fast path's, docs/architecture.md "Fast
 * path"). node-postgres parses a named statement once per connection and then
 * only binds and executes it; PostgreSQL keeps its plan, and after five
 * executions uses one generic plan if it costs no more than planning afresh.
 * Planning was a third to half of PostgreSQL's CPU per fast-path read
 * (test/bench/analysis.md, "Prepared statements").
 */

/** Each statement text's name, for the life of the process: node-postgres refuses a name reused for another text. */
const names = new Map<string, string>();

/**
 * Statements named at most: each stays prepared on every pooled connection
 * until the connection closes (a few kB of PostgreSQL's memory each), and a
 * caller choosing its selection chooses the text. Beyond this many texts,
 * statements are sent unnamed, as before.
 */
export const MAX_PREPARED = 200;

/**
 * The text to hand to `manager.query()` so that node-postgres sends it as a
 * named prepared statement. TypeORM passes its query through to
 * `client.query(query, values)` untouched; node-postgres reads `text` and
 * `name` from an object, and a String object is still a string to TypeORM's
 * logger, the statement observer and error messages.
 */
export function prepared(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_PREPARED) return text;
    name = `s${names.size + 1}`;
    names.set(text, name);
  }
  return Object.assign(new String(text), { text, name }) as unknown as string;
}
