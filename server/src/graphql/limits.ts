import {
  getNamedType,
  getNullableType,
  isLeafType,
  isListType,
  visit,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { LIMITS, textProblem, type InvalidReason } from '@alliance/shared';
import { AppError } from './errors.js';

/*
 * What one request may ask, checked once the operation is known and before
 * anything runs: the arguments' text (anything a resolver or PostgreSQL would
 * choke on) and the cost of the selection, counting list sizes. docs/operations.md
 * lists the limits.
 */

/** The most a single operation may cost (see estimateCost). */
export const MAX_COST = 5000;
/** The size assumed for a list field that takes no `first` (a project's tags, a need's history, a unit's projects). */
export const UNBOUNDED_LIST_SIZE = 10;

/**
 * One per object resolved (scalars and enums cost nothing), times how many
 * there can be: a field's `first` (its default when not given), else
 * UNBOUNDED_LIST_SIZE for a list. A connection's `first` counts its `nodes`
 * once (on the connection, not again on the list inside).
 */
const firstAwareEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  // Introspection (development only: production turns it off) is the schema, not data.
  if (field.name.startsWith('__')) return 0;
  const own = isLeafType(getNamedType(field.type)) ? 0 : 1;
  // A `first` beyond the page size is refused by the field itself, naming `first`; count what could be served.
  const first = typeof args.first === 'number' ? Math.min(Math.max(0, args.first), LIMITS.pageSize.max) : undefined;
  const insideConnection = type.name.endsWith('Connection') && (field.name === 'nodes' || field.name === 'edges');
  const size = first ?? (isListType(getNullableType(field.type)) && !insideConnection ? UNBOUNDED_LIST_SIZE : 1);
  return size * (own + childComplexity);
};

/** The cost of one operation of `document` with these variables. */
export function estimateCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown> = {}, operationName?: string): number {
  return getComplexity({ schema, query: document, variables, operationName, estimators: [firstAwareEstimator] });
}

const badRequest = { http: { status: 400 } };

class RequestRefused extends AppError {
  constructor(code: 'BAD_USER_INPUT' | 'GRAPHQL_VALIDATION_FAILED', message: string, extra: { field?: string; reason?: InvalidReason } = {}) {
    super(code as 'BAD_USER_INPUT', message, extra);
    // Apollo reads the HTTP status from here and removes it before formatting.
    Object.assign(this.extensions, badRequest);
  }
}

/** The first string in a variable's value that PostgreSQL or a resolver cannot take, with the field that holds it. */
function findUnsafeText(value: unknown, field: string): { field: string; reason: InvalidReason } | null {
  if (typeof value === 'string') {
    const reason = textProblem(value);
    return reason ? { field, reason } : null;
  }
  if (Array.isArray(value)) {
    for (const v of value) {
      const found = findUnsafeText(v, field);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = findUnsafeText(v, k);
      if (found) return found;
    }
  }
  return null;
}

/**
 * What findUnsafeLiteral found in each document: the same for every request
 * of it, and Apollo hands every request of one query text the same parsed
 * document, so the walk runs once per document (held while Apollo holds it).
 */
const literalsChecked = new WeakMap<DocumentNode, { field: string; reason: InvalidReason } | null>();

function unsafeLiteralOf(document: DocumentNode): { field: string; reason: InvalidReason } | null {
  let found = literalsChecked.get(document);
  if (found === undefined) literalsChecked.set(document, (found = findUnsafeLiteral(document)));
  return found;
}

/** The same for the string literals written into the document, named by their argument or input field. */
function findUnsafeLiteral(document: DocumentNode): { field: string; reason: InvalidReason } | null {
  const names: string[] = [];
  let found: { field: string; reason: InvalidReason } | null = null;
  visit(document, {
    Argument: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
    StringValue(n) {
      const reason = textProblem(n.value);
      if (reason && !found) found = { field: names.at(-1) ?? 'query', reason };
    },
  });
  return found;
}

/**
 * The cost of a document depends on its text, the operation and the values
 * of the variables that reach a `first` argument or an @skip/@include: the
 * same for every request of one list page with another cursor or filter. So
 * the walk of the selection with its types runs once per document and those
 * values (it was 4 % of the server's CPU on the shelf query, docs/benchmarks.md),
 * not per request. Only costs within the limit are kept: a refusal, or a
 * request whose variables do not fit their types, is worked out afresh each time.
 */
const costsOf = new WeakMap<DocumentNode, { inputs: string[]; costs: LRUCache<string, number> }>();

/** The variables a document passes to a `first` argument or to a directive. */
function costInputsOf(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: Parameters<typeof visit>[0]) =>
    visit(node, {
      Variable(v) {
        names.add(v.name.value);
      },
    });
  visit(document, {
    Argument(a) {
      if (a.name.value === 'first') collect(a.value);
    },
    Directive(d) {
      collect(d);
    },
  });
  return [...names].sort();
}

function cachedCost(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, operationName: string | undefined): number {
  let known = costsOf.get(document);
  if (!known) costsOf.set(document, (known = { inputs: costInputsOf(document), costs: new LRUCache({ max: 64 }) }));
  // An absent variable takes its default, which null would not: they are told apart.
  const key = JSON.stringify([operationName ?? null, ...known.inputs.map((n) => (n in variables ? (variables[n] ?? null) : { absent: true }))]);
  const kept = known.costs.get(key);
  if (kept !== undefined) return kept;
  const cost = estimateCost(schema, document, variables, operationName);
  if (cost <= MAX_COST) known.costs.set(key, cost);
  return cost;
}

/** Guards every operation: text in any argument, then its cost. */
export function requestLimits<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          const unsafe = unsafeLiteralOf(document) ?? findUnsafeText(request.variables ?? {}, 'variables');
          if (unsafe) throw new RequestRefused('BAD_USER_INPUT', `${unsafe.field}: ${unsafe.reason}`, unsafe);
          let cost: number;
          try {
            cost = cachedCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          } catch {
            // Variables that do not fit their types: execution refuses them (BAD_USER_INPUT naming the field) before running anything.
            return;
          }
          if (cost > MAX_COST) {
            throw new RequestRefused(
              'GRAPHQL_VALIDATION_FAILED',
              `The query would cost ${cost}, more than the limit of ${MAX_COST}: ask for fewer items (first) or fewer nested lists`,
            );
          }
        },
      };
    },
  };
}
