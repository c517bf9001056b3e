import {
  execute,
  isInputObjectType,
  isListType,
  isNonNullType,
  parse,
  typeFromAST,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { RequestContext } from '../../graphql/context.js';
import { withLargerPages } from '../../graphql/pagination.js';

/** A request refused before anything was sent: answered as JSON with its code (and the field, for bad input). */
export class ExportRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, PASSWORD_CHANGE_REQUIRED: 403, BAD_USER_INPUT: 400, NOT_FOUND: 404 };

/** A GraphQL error as the refusal the client gets; anything without a client-facing code is not the client's to read. */
export function refusalOf(error: GraphQLError): ExportRefused {
  const code = error.extensions?.code as string | undefined;
  if (code && STATUS[code]) return new ExportRefused(STATUS[code], code, error.message, error.extensions.field as string | undefined);
  // Variable coercion (a bad enum, a malformed date or id) fails before execution, without a path or a code: bad input all the same.
  if (!error.path) return new ExportRefused(400, 'BAD_USER_INPUT', error.message);
  throw error.originalError ?? error;
}

const documents = new Map<string, DocumentNode>();
const documentOf = (query: string) => {
  let d = documents.get(query);
  if (!d) documents.set(query, (d = parse(query)));
  return d;
};

/**
 * The screen's arguments from the URL's query string, by the names of the
 * list query's variables: input objects and lists as JSON (the same object
 * the screen sends to GraphQL), numbers and booleans as written, the rest as
 * text. GraphQL then coerces and validates them as it does the screen's.
 */
export function variablesFrom(schema: GraphQLSchema, query: string, params: Record<string, unknown>): Record<string, unknown> {
  const op = documentOf(query).definitions[0] as OperationDefinitionNode;
  const variables: Record<string, unknown> = {};
  for (const def of op.variableDefinitions ?? []) {
    const name = def.variable.name.value;
    if (name === 'first' || name === 'after') continue;
    const raw = params[name];
    if (raw === undefined || raw === '') continue;
    if (typeof raw !== 'string') throw new ExportRefused(400, 'BAD_USER_INPUT', `${name} given more than once`, name);
    const t = typeFromAST(schema, def.type);
    const named = t && isNonNullType(t) ? t.ofType : t;
    if (named && (isInputObjectType(named) || isListType(named))) {
      try {
        variables[name] = JSON.parse(raw);
      } catch {
        throw new ExportRefused(400, 'BAD_USER_INPUT', `${name} is not JSON`, name);
      }
    } else if (named && 'name' in named && named.name === 'Int') {
      variables[name] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
    } else if (named && 'name' in named && named.name === 'Boolean') {
      variables[name] = raw === 'true' ? true : raw === 'false' ? false : raw;
    } else {
      variables[name] = raw;
    }
  }
  return variables;
}

/**
 * The export's page: each page is one execution of the list's query (its
 * count, its rows and its loaders' batches), so fewer, larger pages make the
 * export several times faster than the screens' 100, while one page of rows
 * and their loaded relations is still a few MB (export-memory.test.ts).
 */
export const EXPORT_PAGE_SIZE = 500;

/** One page of a list query, run as the caller with fresh loaders (nothing cached outlives its page). */
export async function runPage(
  schema: GraphQLSchema,
  caller: RequestContext,
  query: string,
  variables: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const ctx = new RequestContext(caller.deps, caller.user, caller.authProblem, caller.clientIp);
  const result = await withLargerPages(EXPORT_PAGE_SIZE, () => execute({ schema, document: documentOf(query), variableValues: variables, contextValue: ctx }));
  if (result.errors?.length) throw refusalOf(result.errors[0]!);
  return result.data as Record<string, unknown>;
}

/**
 * Every node of a connection query, page after page (EXPORT_PAGE_SIZE rows,
 * beyond what clients may ask for), in the list's own order; a plain list query in one page. The first page is read before the
 * caller writes anything, so a refusal can still be answered as JSON.
 */
export async function* nodesOf(
  schema: GraphQLSchema,
  caller: RequestContext,
  query: string,
  connection: string,
  variables: Record<string, unknown>,
): AsyncGenerator<unknown[]> {
  let after: string | null = null;
  for (;;) {
    const data = await runPage(schema, caller, query, { ...variables, first: EXPORT_PAGE_SIZE, after });
    const conn = data[connection] as { nodes: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } } | unknown[];
    // A bounded list query (no connection) is its own single page.
    if (Array.isArray(conn)) return void (yield conn);
    yield conn.nodes;
    if (!conn.pageInfo.hasNextPage) return;
    after = conn.pageInfo.endCursor;
  }
}
