import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  findBreakingChanges,
  GraphQLObjectType,
  GraphQLSchema,
  type GraphQLFieldConfigMap,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildAppSchema } from '../../composition.js';
import { printEmittedSchema } from '../print.js';

const repo = (p: string) => fileURLToPath(new URL(`../../../../${p}`, import.meta.url));
// The contract is vendored into the repository (a clone stands alone); the
// steering copy beside the repository, where there is one, must be the same.
const VENDORED = repo('server/contract/schema.graphql');
const STEERING = repo('../shared/contract/schema.graphql');
const contractSdl = readFileSync(VENDORED, 'utf8');

/** The contract restricted to some root fields, with every type they reach. */
function contractFor(contract: GraphQLSchema, keep: (root: 'Query' | 'Mutation', field: string) => boolean): GraphQLSchema {
  const pick = (type: GraphQLObjectType, root: 'Query' | 'Mutation') => {
    const { fields, ...rest } = type.toConfig();
    const kept: GraphQLFieldConfigMap<unknown, unknown> = {};
    for (const [name, f] of Object.entries(fields)) if (keep(root, name)) kept[name] = f;
    return new GraphQLObjectType({ ...rest, fields: kept });
  };
  return new GraphQLSchema({
    query: pick(contract.getQueryType()!, 'Query'),
    mutation: pick(contract.getMutationType()!, 'Mutation'),
  });
}

describe('the public contract', () => {
  it('is the vendored copy of the steering contract, where that is beside the repository', () => {
    expect(contractSdl).toMatch(/type Query \{/);
    if (existsSync(STEERING)) expect(contractSdl).toBe(readFileSync(STEERING, 'utf8'));
  });

  it('is contained in the emitted schema without a breaking change', async () => {
    const contract = buildSchema(contractSdl);
    const emitted = await buildAppSchema();
    const changes = findBreakingChanges(contractFor(contract, () => true), emitted);
    expect(changes.map((c) => `${c.type}: ${c.description}`)).toEqual([]);
  });

  it('would notice a renamed or retyped field (the check can fail)', async () => {
    const emitted = await buildAppSchema();
    const tampered = buildSchema(contractSdl.replace('contactPhone: String!', 'contactPhone: Int!').replace('me: User!', 'whoami: User!'));
    const changes = findBreakingChanges(contractFor(tampered, () => true), emitted).map((c) => c.description);
    expect(changes.some((d) => d.includes('MemberUnit.contactPhone'))).toBe(true);
    expect(changes.some((d) => d.includes('whoami'))).toBe(true);
  });

  it('is committed as server/schema.graphql, freshly emitted', async () => {
    const committed = readFileSync(repo('server/schema.graphql'), 'utf8');
    expect(committed, 'server/schema.graphql is stale: run `pnpm --filter @alliance/server build`').toBe(
      printEmittedSchema(await buildAppSchema()),
    );
  });
});
