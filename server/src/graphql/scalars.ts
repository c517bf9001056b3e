import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** `scalar DateTime`: ISO-8601 with time zone, a JavaScript Date inside. */
export const DateTimeScalar = DateTimeResolver;

/**
 * `scalar Date`: a calendar date YYYY-MM-DD, kept as that string inside (a
 * JavaScript Date would drag a time zone into a date that has none).
 */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD.',
});

