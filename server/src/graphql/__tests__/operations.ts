import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/** A well-typed value for any input type: enough to get past GraphQL validation. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0]!.value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sampleValue(f.type)]),
    );
  }
  if (isScalarType(type)) {
    const samples: Record<string, unknown> = {
      ID: '00000000-0000-4000-8000-000000000000',
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: true,
      Date: '2024-01-01',
      DateTime: '2024-01-01T00:00:00Z',
    };
    if (type.name in samples) return samples[type.name];
  }
  throw new Error(`no sample for ${String(type)}`);
}

export interface Operation {
  kind: 'query' | 'mutation';
  name: string;
  document: string;
  variables: Record<string, unknown>;
}

/** One callable document per root field, with sample values for its required arguments. */
export function everyOperation(schema: GraphQLSchema): Operation[] {
  const build = (kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): Operation => {
    const required = field.args.filter((a) => isNonNullType(a.type));
    const decl = required.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
    const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
    const named = getNamedType(field.type);
    const selection = 'getFields' in named ? ' { __typename }' : '';
    return {
      kind,
      name: field.name,
      document: `${kind}${decl ? `(${decl})` : ''} { ${field.name}${args ? `(${args})` : ''}${selection} }`,
      variables: Object.fromEntries(required.map((a) => [a.name, sampleValue(a.type)])),
    };
  };
  return [
    ...Object.values(schema.getQueryType()!.getFields()).map((f) => build('query', f)),
    ...Object.values(schema.getMutationType()!.getFields()).map((f) => build('mutation', f)),
  ];
}
