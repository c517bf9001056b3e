import { GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * type-graphql gives every plain field (a class property with @Field and no
 * @FieldResolver) a resolver of its own, which builds a ResolverData object
 * and runs the field's middleware chain, empty here, before it reads
 * `root[property]`: one wrapper call per field of every row answered.
 * type-graphql's remedy is its "simple resolvers" (`@ObjectType({
 * simpleResolvers: true })`, docs/performance.md: the overhead of such fields
 * falls from ~5× with a global middleware, ~17 % without, to ~13 %), which
 * leaves those fields to graphql-js's default resolver. This applies the
 * same to every object type at once, and only where it changes nothing: a
 * field with roles (@Authorized) or middleware (@UseMiddleware), a field
 * resolver, or a schema name other than its property's keeps type-graphql's
 * resolver. buildSchema is given no global middleware (which would run on
 * every field; docs/benchmarks.md). Returns the fields left to the default.
 */
export function leavePlainFieldsToGraphql(schema: GraphQLSchema): string[] {
  const storage = getMetadataStorage();
  // As buildSchema matches them: by the class that declares the field (a base class for inherited ones) and the method's name.
  const resolvedBy = storage.fieldResolvers.map((r) => ({ type: r.getObjectType?.(), name: r.methodName }));
  const hasResolver = (target: Function, name: string) => resolvedBy.some((r) => r.type === target && r.name === name);
  const byClass = new Map(storage.objectTypes.map((o) => [o.target, o]));
  /** The type's own fields and those it inherits from an abstract @ObjectType (TenantRecord's id), its own first. */
  const fieldsOf = (target: Function) => {
    const all: NonNullable<(typeof storage.objectTypes)[number]['fields']> = [];
    for (let t: Function | null = target; t && t !== Function.prototype; t = Object.getPrototypeOf(t) as Function | null) all.push(...(byClass.get(t)?.fields ?? []));
    return all.filter((f, i) => all.findIndex((g) => g.schemaName === f.schemaName) === i);
  };
  const plain: string[] = [];
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!(type instanceof GraphQLObjectType)) continue;
    const fields = type.getFields();
    for (const field of fieldsOf(objectType.target)) {
      const graphqlField = fields[field.schemaName];
      if (!graphqlField || hasResolver(field.target, field.name)) continue;
      if (field.schemaName !== field.name || (field.middlewares?.length ?? 0) > 0 || (field.roles?.length ?? 0) > 0) continue;
      graphqlField.resolve = undefined;
      plain.push(`${type.name}.${field.schemaName}`);
    }
  }
  return plain;
}
