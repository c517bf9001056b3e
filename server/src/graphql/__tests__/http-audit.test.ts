import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

// The GraphQL-over-HTTP spec's audit suite against the real server. Apollo's
// reference profile has warnings and notices (CSRF-blocked GETs, 400 on
// parse errors) but no errors; an error here is a regression.
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

describe('GraphQL over HTTP', () => {
  for (const audit of serverAudits({ url: () => s.url, fetchFn: fetch })) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status === 'error' ? String(result.reason) : 'ok').toBe('ok');
    });
  }
});
