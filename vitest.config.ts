import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url + '/../server/');

const serverProject = {
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module). Node loads the
    // CommonJS one for type-graphql; Vite would pick the other, and a
    // GraphQLScalarType from one copy is not one to the other.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    globalSetup: ['server/src/testing/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits for a page to follow a sign-in or a navigation:
    // 1 s (the default) failed when the machine was loaded.
    expect: { poll: { timeout: 10_000 } },
    hookTimeout: 120_000,
  },
};

/*
 * The reads the fast path answers (docs/architecture.md, "Fast path"): their
 * role, masking and visibility tests run in the server project on the fast
 * path and again in server-general on the general one (FAST_PATH=off), so
 * both must pass them.
 */
const FAST_PATH_READS = [
  'server/src/modules/shelf/__tests__/nested-visibility.test.ts',
  'server/src/modules/shelf/__tests__/shelf-roles.test.ts',
  'server/src/modules/activity/__tests__/activity-queries.test.ts',
  'server/src/modules/need/__tests__/need-read.test.ts',
  'server/src/modules/need/__tests__/need-masking.test.ts',
  'server/src/modules/need/__tests__/need-filters.test.ts',
  'server/src/modules/need/__tests__/need-sql-count.test.ts',
  'server/src/modules/member-unit/__tests__/*.test.ts',
  'server/src/graphql/__tests__/authorization.test.ts',
  'server/src/graphql/__tests__/tenancy.test.ts',
  'server/src/graphql/__tests__/listing.test.ts',
];

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
        ...serverProject,
        test: {
          ...serverProject.test,
          name: 'server',
          // test/browser: the admin in Chromium against a real server (needs the built web/dist).
          include: ['server/src/**/*.test.ts', 'test/e2e/**/*.test.ts', 'test/browser/**/*.test.ts', 'test/bench/**/*.test.ts'],
        },
      },
      {
        extends: true,
        ...serverProject,
        test: { ...serverProject.test, name: 'server-general', include: FAST_PATH_READS, env: { FAST_PATH: 'off' } },
      },
    ],
  },
});
