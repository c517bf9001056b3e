import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../testing/test-server.js';

/** What a client that sends something broken gets back: a 4xx and a JSON GraphQL error, never HTML or a stack. */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s?.close());

async function post(body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const res = await fetch(s.url, { method: 'POST', headers, body });
  const text = await res.text();
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json: text.startsWith('{') ? JSON.parse(text) : null };
}

describe('HTTP errors', () => {
  it('answers a syntax error 400 with GRAPHQL_PARSE_FAILED', async () => {
    const r = await post(JSON.stringify({ query: '{ me { ' }));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.json.data).toBeUndefined();
  });

  it('refuses a document of more than 5,000 tokens before parsing it all', async () => {
    const many = `{ ${Array.from({ length: 2600 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const r = await post(JSON.stringify({ query: many }));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(r.json.errors[0].message).toMatch(/5000 tokens/);
  });

  it('answers a document that does not validate 400 with GRAPHQL_VALIDATION_FAILED', async () => {
    const r = await post(JSON.stringify({ query: '{ noSuchField }' }));
    expect(r.status).toBe(400);
    expect(r.json.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('answers a body that is not JSON, too large, or in an unknown charset in JSON, without a stack trace', async () => {
    const cases = [
      { body: '{"query":', headers: { 'content-type': 'application/json' }, status: 400 },
      { body: JSON.stringify({ query: `{ me { id } }`, pad: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' }, status: 413 },
      { body: JSON.stringify({ query: '{ me { id } }' }), headers: { 'content-type': 'application/json; charset=klingon' }, status: 415 },
    ];
    for (const c of cases) {
      const r = await post(c.body, c.headers);
      expect(r.status, c.body.slice(0, 20)).toBe(c.status);
      expect(r.type).toMatch(/application\/json/);
      expect(r.json.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(r.text).not.toMatch(/<html|at .*\.js:\d+|node_modules/i);
    }
  });
});
