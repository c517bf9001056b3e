import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

// PostgreSQL has no year 0, and years past 9999 cannot be written back in ISO form: refused at the door
// (BAD_USER_INPUT naming the field) instead of failing in SQL.
const inYears = (year: number) => year >= 1 && year <= 9999;
const outOfRange = (what: string) => new GraphQLError(`${what} must lie between the years 0001 and 9999`);

function dateTimeInRange(d: Date): Date {
  // pg writes a Date in the process's time zone: both readings must be real years.
  if (!inYears(d.getUTCFullYear()) || !inYears(d.getFullYear())) throw outOfRange('DateTime');
  return d;
}

function dateInRange(s: string): string {
  if (!inYears(Number(s.slice(0, 4)))) throw outOfRange('Date');
  return s;
}

/** `scalar DateTime`: ISO-8601 with time zone, a JavaScript Date inside, years 0001–9999. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  parseValue: (value: unknown) => dateTimeInRange(DateTimeResolver.parseValue(value) as Date),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) =>
    dateTimeInRange(DateTimeResolver.parseLiteral(ast, variables) as Date),
});

const localDate = LocalDateResolver.toConfig();

/**
 * Dates graphql-scalars has already found valid on the way out: the same few
 * thousand dates (agreements' terms, days of figures) are answered again and
 * again, and its check of each (a pattern and a calendar) was ~1.3 % of the
 * server's CPU on the shelf query. A date it has passed once is passed
 * again as it is; any other value still goes through its check. Bounded: a
 * full set starts afresh.
 */
const datesPassed = new Set<string>();
const DATES_PASSED_MAX = 20_000;
function serializeDate(value: unknown): unknown {
  if (typeof value === 'string' && datesPassed.has(value)) return value;
  const out = localDate.serialize!(value);
  if (typeof value === 'string' && out === value) {
    if (datesPassed.size >= DATES_PASSED_MAX) datesPassed.clear();
    datesPassed.add(value);
  }
  return out;
}

/**
 * `scalar Date`: a calendar date YYYY-MM-DD, kept as that string inside (a
 * JavaScript Date would drag a time zone into a date that has none).
 */
export const DateScalar = new GraphQLScalarType({
  ...localDate,
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
  serialize: serializeDate,
  parseValue: (value: unknown) => dateInRange(localDate.parseValue!(value) as string),
  parseLiteral: (ast: ValueNode, variables?: Record<string, unknown> | null) => dateInRange(localDate.parseLiteral!(ast, variables) as string),
});
