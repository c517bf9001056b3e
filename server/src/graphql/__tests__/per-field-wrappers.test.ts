import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { buildAppSchema } from '../../composition.js';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/*
 * Nothing wraps every field resolver in production (issue 17 point 2): not
 * type-graphql's per-field middleware runner on plain fields
 * (plain-fields.ts), not Apollo's instrumentation, which wraps every field
 * of the schema for good as soon as one plugin has willResolveField (the
 * cache-control plugin did, docs/benchmarks.md).
 */

let s: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  // As production runs it: no SQL counting (the demo accounts need the test mode, which changes nothing here).
  s = await startTestServer({ exposeSqlCount: false });
  schema = await buildAppSchema();
});
afterAll(() => s?.close());

/** type-graphql's resolver of a plain field: a ResolverData and the middleware chain around `root[property]`. */
const isTypeGraphqlPlainFieldResolver = (resolve: unknown) => typeof resolve === 'function' && String(resolve).includes('root[fieldMetadata.name]');

function objectFields() {
  return Object.values(schema.getTypeMap())
    .filter((t): t is GraphQLObjectType => t instanceof GraphQLObjectType && !t.name.startsWith('__'))
    .flatMap((t) => Object.values(t.getFields()).map((f) => ({ name: `${t.name}.${f.name}`, resolve: f.resolve })));
}

describe('no per-field wrapper in production', () => {
  it('plain fields are read by graphql-js itself; only field resolvers have resolvers of their own', async () => {
    const fields = objectFields();
    const wrapped = fields.filter((f) => isTypeGraphqlPlainFieldResolver(f.resolve)).map((f) => f.name);
    expect(wrapped, wrapped.join(', ')).toEqual([]);
    const plain = fields.filter((f) => f.resolve === undefined).map((f) => f.name);
    // Most of the schema's fields are plain properties: the rows' columns.
    expect(plain.length).toBeGreaterThan(fields.length / 2);
    expect(plain).toEqual(expect.arrayContaining(['ShelfProject.title', 'Need.status', 'Signup.headcount', 'Dashboard.unitCount', 'MemberUnit.name']));
    // A field resolver keeps its own (a unit's agreement is loaded by it).
    expect(fields.find((f) => f.name === 'MemberUnit.agreement')!.resolve).toBeTypeOf('function');
  });

  it('requests leave the schema as built: no plugin asks Apollo to wrap every field', async () => {
    const c = await s.as('committee');
    const r = await c(`{ shelfProjects(first: 3) { nodes { id title unit { name } } } dashboard { unitCount } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.shelfProjects.nodes.length).toBe(3);
    expect(r.data.shelfProjects.nodes[0].title).toBeTypeOf('string');
    const instrumented = Object.getOwnPropertySymbols(schema).map((sym) => sym.description);
    expect(instrumented).not.toContain('apolloServerPluginsEnabled');
    expect(objectFields().filter((f) => f.resolve === undefined).length).toBeGreaterThan(0);
  });
});
