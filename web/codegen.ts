import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed operations (src/gql/) from the server's emitted schema. After a
 * schema or operation change: `pnpm codegen`; `pnpm codegen:check` (and the
 * web test src/__tests__/codegen.test.ts) fail while src/gql/ is stale.
 */
const CLIENT_PRESET = {
  preset: 'client',
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
    scalars: { DateTime: 'string', Date: 'string' },
    skipTypename: false,
  },
} as const;

/**
 * Two outputs: the admin's, and the residents' page's own (src/residents/gql/),
 * so that the public page's bundle carries none of the admin's operations.
 */
export function codegenConfig(outDir = './src/gql/', residentsOutDir = './src/residents/gql/'): CodegenConfig {
  return {
    schema: '../server/schema.graphql',
    ignoreNoDocuments: true,
    generates: {
      [outDir]: {
        ...CLIENT_PRESET,
        documents: ['src/**/*.ts', 'src/**/*.vue', '!src/gql/**/*', '!src/**/__tests__/**', '!src/residents/**'],
      },
      [residentsOutDir]: {
        ...CLIENT_PRESET,
        documents: ['src/residents/**/*.ts', 'src/residents/**/*.vue', '!src/residents/gql/**/*'],
      },
    },
    silent: true,
  };
}

export default codegenConfig();
