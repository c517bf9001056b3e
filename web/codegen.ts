import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations (src/gql/) from the server's emitted schema. After a
 * schema or operation change: `pnpm codegen`; `pnpm codegen:check` (and the
 * web test src/__tests__/codegen.test.ts) fail while src/gql/ is stale.
 */
export function codegenConfig(outDir = './src/gql/'): CodegenConfig {
  return {
    schema: '../server/schema.graphql',
    documents: ['src/**/*.ts', 'src/**/*.vue', '!src/gql/**/*', '!src/**/__tests__/**'],
    ignoreNoDocuments: true,
    generates: {
      [outDir]: {
        preset: 'client',
        presetConfig: { fragmentMasking: false },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
          scalars: { DateTime: 'string', Date: 'string' },
          skipTypename: false,
        },
      },
    },
    silent: true,
  };
}

export default codegenConfig();
