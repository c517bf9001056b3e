import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url + '/../server/');

// One run for the whole repository: `pnpm test`. The server and end-to-end
// suites share one PostgreSQL (embedded, or DATABASE_URL) prepared once by
// the global setup; each test file then gets a database of its own.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      // The admin's component tests (happy-dom, the Vue plugin): web/vitest.config.ts.
      'web/vitest.config.ts',
      {
        extends: true,
        test: {
          name: 'shared',
          include: ['shared/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        resolve: {
          // graphql 16 ships CommonJS (main) and ESM (module). Node loads the
          // CommonJS one for type-graphql; Vite would pick the other, and a
          // GraphQLScalarType from one copy is not one to the other.
          alias: { graphql: require.resolve('graphql') },
        },
        test: {
          name: 'server',
          // test/browser: the admin in Chromium against a real server (needs the built web/dist).
          include: ['server/src/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/bench/**/*.test.ts'],
          globalSetup: ['server/src/testing/global-setup.ts'],
          testTimeout: 30_000,
          // expect.poll waits for a page to follow a sign-in or a navigation:
          // 1 s (the default) failed when the machine was loaded.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
