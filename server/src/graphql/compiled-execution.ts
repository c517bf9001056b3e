import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';
import { getVariableValues, GraphQLError, printSchema, type DocumentNode, type ExecutionResult, type GraphQLSchema, type SourceLocation } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];

/**
 * Executes with graphql-jit instead of graphql-js: each operation is compiled
 * once into a JavaScript function that walks its selection set without
 * graphql-js's per-field bookkeeping (field collection, argument coercion,
 * type checks on every value), then called on every request of it.
 *
 * @apollo/server 5 takes another executor only through its gateway
 * interface (`gateway` in place of `schema`): the schema is handed over in
 * onSchemaLoadOrUpdate and `load()` returns the executor. Everything before
 * execution stays Apollo's: parsing and its document cache, validation with
 * graphql-armor's rules, the plugins (limits in didResolveOperation), and
 * after it formatError, the variable-coercion 400s and the HTTP answer.
 * Subscriptions (graphql-ws) keep graphql-js's subscribe.
 *
 * Two things graphql-jit does its own way are left to graphql-js:
 * - variables are coerced by graphql-js first (getVariableValues, as its
 *   execute does), and a request whose variables fail is answered with those
 *   errors: graphql-jit's own messages name neither the input field that
 *   failed (graphql-js's `at "input.signedAt"`, which errors.ts turns into
 *   `extensions.field`) nor the scalar's reason, and carry no variable node,
 *   by which Apollo tells a variable error (BAD_USER_INPUT, status 400).
 * - its errors are made graphql-js GraphQLErrors again: graphql-jit's have a
 *   read-only message, which graphql-armor's suggestion blocking rewrites.
 *
 * The compiled form is kept for as long as Apollo keeps the parsed document
 * (its document store hands the same DocumentNode to every request of one
 * query text): a WeakMap on it needs no eviction of its own.
 */
export function compiledExecution(schema: GraphQLSchema): Gateway {
  const compiled = new WeakMap<DocumentNode, Map<string | undefined, CompiledQuery | ExecutionResult>>();
  const compile = (document: DocumentNode, operationName: string | undefined) => {
    let byOperation = compiled.get(document);
    if (!byOperation) compiled.set(document, (byOperation = new Map()));
    let query = byOperation.get(operationName);
    if (!query) byOperation.set(operationName, (query = compileQuery(schema, document, operationName)));
    return query;
  };
  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => undefined;
    },
    async load() {
      return {
        executor: async ({ document, operation, request, context }) => {
          const variables = request.variables ?? {};
          // No operation (an unknown operationName): graphql-jit says so below, as graphql-js would.
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], variables, { maxErrors: 50 });
          if (coerced.errors) return { errors: coerced.errors };
          const query = compile(document, request.operationName ?? undefined);
          // Not compiled: graphql-jit refused the operation; its errors are the answer.
          const result = isCompiledQuery(query) ? await query.query(undefined, context, variables) : query;
          return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
        },
      };
    },
    async stop() {},
  };
}

/** The same error as graphql-js's execute would have made it (locatedError): path, locations, the resolver's error and its extensions. */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const again = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined, extensions: error.extensions });
  (again as { locations: readonly SourceLocation[] | undefined }).locations = error.locations;
  return again;
}
