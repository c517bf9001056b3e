import {
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  parse,
  typeFromAST,
  visit,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.js';
import { estimateCost, MAX_COST } from '../limits.js';
import { buildAppSchema } from '../../composition.js';
import { everyOperation, sampleValue } from './operations.js';

let s: TestServer;
let prod: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildAppSchema();
  s = await startTestServer();
  prod = await startTestServer({ production: true, seedDemo: false });
});
afterAll(async () => {
  await s?.close();
  await prod?.close();
});

/** Every place a string can be given in an argument: [the value with `text` there, the field that holds it]. */
function textPositions(type: GraphQLInputType, name: string, text: string, depth = 0): [unknown, string][] {
  if (isNonNullType(type)) return textPositions(type.ofType, name, text, depth);
  if (isListType(type)) return textPositions(type.ofType, name, text, depth).map(([v, f]) => [[v], f]);
  if (isScalarType(type)) return ['String', 'ID'].includes(type.name) ? [[text, name]] : [];
  if (isInputObjectType(type) && depth < 3) {
    const base = sampleValue(type) as Record<string, unknown>;
    return Object.values(type.getFields()).flatMap((f) =>
      textPositions(f.type, f.name, text, depth + 1).map(([v, field]): [unknown, string] => [{ ...base, [f.name]: v }, field]),
    );
  }
  return [];
}

describe('text no field may hold: NUL and lone surrogates, in any argument', () => {
  it('every String and ID position of every operation answers 400 BAD_USER_INPUT naming the field', async () => {
    let checked = 0;
    for (const op of everyOperation(schema)) {
      const root = op.kind === 'query' ? schema.getQueryType()! : schema.getMutationType()!;
      const field = root.getFields()[op.name]!;
      for (const arg of field.args) {
        for (const [text, reason] of [['a\u0000b', 'CONTROL_CHARACTERS'], ['a\ud800b', 'INVALID_CHARACTERS']] as const) {
          for (const [value, expected] of textPositions(arg.type, arg.name, text)) {
            // Every argument as a variable, so that the one under test can be given while the rest keep their samples.
            const named = getNamedType(field.type);
            const decl = field.args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
            const args = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
            const doc = `${op.kind}(${decl}) { ${op.name}(${args})${'getFields' in named ? ' { __typename }' : ''} }`;
            const r = await s.gql(doc, { ...op.variables, [arg.name]: value });
            expect(r.status, `${op.name}(${arg.name}) ${expected}`).toBe(400);
            expect(r.errors?.[0]?.extensions, `${op.name}(${arg.name})`).toEqual({ code: 'BAD_USER_INPUT', field: expected, reason });
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  }, 120_000);

  it('also when written into the document, and in a read argument that would otherwise reach SQL', async () => {
    const r = await s.gql(`{ memberUnits(filter: { search: "a\\u0000b" }) { totalCount } }`, {}, await s.login('committee'));
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'search', reason: 'CONTROL_CHARACTERS' });
    const ok = await s.gql(`{ memberUnits(filter: { search: "松风" }) { totalCount } }`, {}, await s.login('committee'));
    expect(ok.errors).toBeUndefined();
  });
});

describe('dates outside the years 0001–9999', () => {
  it('are BAD_USER_INPUT naming the field, as variables or literals, and nothing reaches PostgreSQL', async () => {
    const committee = await s.as('committee');
    const ACTIVITIES = `query($from: DateTime) { activities(filter: { from: $from }) { totalCount } }`;
    for (const from of ['0000-01-01T00:00:00Z', '0001-01-01T01:00:00+02:00', '+010000-01-01T00:00:00Z', '10000-01-01T00:00:00Z']) {
      const r = await committee(ACTIVITIES, { from });
      expect(r.status, from).toBe(400);
      expect(r.errors?.[0]?.extensions, from).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    }
    expect((await committee(ACTIVITIES, { from: '0001-01-01T00:00:00Z' })).errors).toBeUndefined();
    expect((await committee(ACTIVITIES, { from: '9999-12-31T00:00:00Z' })).errors).toBeUndefined();

    const units = await s.sql(`SELECT id FROM member_unit LIMIT 1`);
    const SIGN = `mutation($input: AgreementInput!) { signAgreement(unitId: "${units[0].id}", input: $input) { id } }`;
    const before = await s.sql(`SELECT count(*)::int AS n FROM agreement`);
    for (const signedAt of ['0000-01-01', '0000-02-29']) {
      const r = await committee(SIGN, { input: { signedAt, validUntil: '2030-01-01', responsibilities: 'x' } });
      expect(r.errors?.[0]?.extensions, signedAt).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signedAt' });
    }
    expect(await s.sql(`SELECT count(*)::int AS n FROM agreement`)).toEqual(before);
  });
});

describe('no schema hints in production errors', () => {
  it('a misspelt enum value or field gets no "Did you mean" in production, and keeps it in development', async () => {
    const token = await s.login('committee');
    const asVariable = [`query($s: [NeedStatus!]) { needs(filter: { status: $s }) { totalCount } }`, { s: ['REPORTD'] }] as const;
    const asLiteral = [`{ needs(filter: { status: [REPORTD] }) { totalCount } }`, {}] as const;
    const misspeltField = [`{ memberUnit { id } }`, {}] as const;
    for (const [doc, variables] of [asVariable, asLiteral, misspeltField]) {
      const p = await prod.gql(doc, variables, token);
      expect(p.status, doc).toBe(400);
      expect(p.errors?.[0]?.message, doc).not.toMatch(/did you mean|REPORTED|memberUnits/i);
    }
    const d = await s.gql(asVariable[0], asVariable[1], token);
    expect(d.errors?.[0]?.message).toMatch(/Did you mean the enum value "REPORTED"/);
  });
});

describe('the cost limit counts list sizes', () => {
  const nested = (first: number) =>
    `{ memberUnits(first: ${first}) { nodes { id shelfProjects { id unit { shelfProjects { id title } } } } } }`;

  it('multiplies by `first` and by nested lists: the same selection passes for 5 and is refused for 100', async () => {
    expect(estimateCost(schema, parse(nested(5)))).toBeLessThanOrEqual(MAX_COST);
    expect(estimateCost(schema, parse(nested(100)))).toBe(100 * estimateCost(schema, parse(nested(1))));
    const viewer = await s.as('viewer');
    expect((await viewer(nested(5))).errors).toBeUndefined();
    const r = await viewer(nested(100));
    expect(r.status).toBe(400);
    expect(r.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(r.errors?.[0]?.message).toMatch(/would cost \d+, more than the limit of 5000/);
    // `first` given as a variable counts the same.
    const v = await viewer(`query($n: Int) { memberUnits(first: $n) { nodes { id shelfProjects { id unit { shelfProjects { id title } } } } } }`, { n: 100 });
    expect(v.status).toBe(400);
  });

  it('a document kept with its cost per value of its `first` and directive variables: each value still counts as its own', async () => {
    const viewer = await s.as('viewer');
    const doc = `query($n: Int = 100, $deep: Boolean! = false, $term: String) {
      memberUnits(first: $n, filter: { search: $term }) { nodes { id shelfProjects { id unit @include(if: $deep) { shelfProjects { id title } } } } }
    }`;
    const outcome = async (variables: Record<string, unknown>) => {
      const r = await viewer(doc, variables);
      return r.status === 400 ? r.errors?.[0]?.message.match(/would cost/)?.[0] ?? r.errors?.[0]?.message : (r.errors?.[0]?.message ?? 'ok');
    };
    // Asked again and again, alternately: a value kept for one request never answers for another.
    for (let round = 0; round < 2; round++) {
      expect(await outcome({ n: 5, term: `a${round}` })).toBe('ok');
      expect(await outcome({ n: 5, deep: true, term: `b${round}` })).toBe('ok');
      expect(await outcome({ n: 100, deep: true, term: `c${round}` })).toBe('would cost');
      // Absent, $n takes its default (100): not the cost of null (no first).
      expect(await outcome({ n: null, deep: true })).not.toBe('would cost');
      expect(await outcome({ deep: true })).toBe('would cost');
      expect(await outcome({ n: 50, deep: false })).toBe('ok');
    }
  });

  it("every document the admin sends stays under the limit (first: the document's default, else 100, the most the server gives)", async () => {
    // The admin's typed documents, generated from its sources (pnpm --filter @alliance/web codegen); a path tsc leaves alone.
    const generated = new URL('../../../../web/src/gql/graphql.ts', import.meta.url).href;
    const web = (await import(/* @vite-ignore */ generated)) as Record<string, unknown>;
    const documents = Object.entries(web).filter(([name, v]) => name.endsWith('Document') && (v as DocumentNode)?.kind === 'Document') as [string, DocumentNode][];
    expect(documents.length).toBeGreaterThan(40);
    const costs: Record<string, number> = {};
    for (const [name, doc] of documents) {
      const variables: Record<string, unknown> = {};
      visit(doc, {
        VariableDefinition(v) {
          if (v.type.kind === 'NonNullType') variables[v.variable.name.value] = sampleValue(typeFromAST(schema, v.type) as GraphQLInputType);
          if (v.variable.name.value === 'first' && !v.defaultValue) variables.first = 100;
          // @include/@skip: the costlier way.
          if (/^with[A-Z]/.test(v.variable.name.value)) variables[v.variable.name.value] = true;
        },
      });
      costs[name] = estimateCost(schema, doc, variables);
    }
    const over = Object.entries(costs).filter(([, c]) => c > MAX_COST);
    expect(over).toEqual([]);
    // The needs lists (board's list, 认领大厅, 我的待办, 党委工作台) at the largest page with descriptions; the needs board 8 columns of 20: both well inside.
    expect(estimateCost(schema, web.NeedsListPanelDocument as DocumentNode, { first: 100, withDescription: true })).toBeLessThanOrEqual(MAX_COST / 2);
    expect(costs.NeedsBoardDocument).toBeLessThanOrEqual(MAX_COST / 2);
  });
});
