import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed SDL: sorted, so that a diff shows only real changes. */
export function printEmittedSchema(schema: GraphQLSchema): string {
  return `# Emitted from the code-first schema by \`pnpm --filter @alliance/server build\`. Do not edit.\n\n${printSchema(lexicographicSortSchema(schema))}\n`;
}
