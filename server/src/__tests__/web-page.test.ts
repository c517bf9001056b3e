import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express from 'express';
import helmet from 'helmet';
import { afterAll, describe, expect, it } from 'vitest';
import { HELMET_OPTIONS } from '../app.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// The admin is served from the same origin as the API; a demo server names
// its demo accounts in the page, a production server never does.
const webDist = mkdtempSync(path.join(os.tmpdir(), 'alliance-web-'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="app"></div></body></html>');
mkdirSync(path.join(webDist, 'assets'));
const SCRIPT = `export const labels = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => `标签${i}`))};\n`;
writeFileSync(path.join(webDist, 'assets', 'index-B4xq1d9Z.js'), SCRIPT);

const servers: TestServer[] = [];
afterAll(() => Promise.all(servers.map((s) => s.close())));

async function page(production: boolean, route = '/') {
  const s = await startTestServer({ webDist, production, seedDemo: !production });
  servers.push(s);
  const res = await fetch(new URL(route, s.url));
  return { status: res.status, type: res.headers.get('content-type'), html: await res.text() };
}

describe('the admin page', () => {
  it('is served at / and at any client route, naming the demo accounts on a demo server', async () => {
    for (const route of ['/', '/login', '/needs/123']) {
      const r = await page(false, route);
      expect(r.status).toBe(200);
      expect(r.type).toMatch(/text\/html/);
      const content = /<meta name="alliance-demo" content="([^"]+)"/.exec(r.html)?.[1];
      expect(JSON.parse(content!.replace(/&quot;/g, '"'))).toEqual({
        logins: ['committee', 'unit1', 'unit2', 'grid1', 'grid2', 'viewer', 'grid-new', 'n-committee', 'n-unit1'],
        password: 'demo-password',
      });
    }
  });

  it('names no demo account in production', async () => {
    const r = await page(true);
    expect(r.status).toBe(200);
    expect(r.html).not.toContain('alliance-demo');
    expect(r.html).not.toContain('demo-password');
  });

  /** GraphQL is asked `{ __typename }` by POST, any other path is fetched; with these extra headers. */
  const ask = (target: URL, headers: Record<string, string> = {}) =>
    target.pathname === '/graphql'
      ? fetch(target, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"query":"{ __typename }"}' })
      : fetch(target, { headers });

  it('carries the security headers on every response; HSTS only over TLS', async () => {
    const s = await startTestServer({ webDist, production: true, seedDemo: false, trustProxy: 'loopback' });
    servers.push(s);
    for (const target of [new URL('/', s.url), new URL('/assets/index-B4xq1d9Z.js', s.url), new URL(s.url)]) {
      const res = await ask(target);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, target.pathname).toContain("frame-ancestors 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    // Exactly what helmet itself sets with these options (as a middleware of an app of its own), on a GraphQL answer and on the page.
    const plain = express().use(helmet(HELMET_OPTIONS), (_req, res) => void res.end());
    const listening = plain.listen(0);
    await new Promise((r) => listening.once('listening', r));
    const helmetOwn = await fetch(`http://127.0.0.1:${(listening.address() as AddressInfo).port}/`);
    listening.close();
    const expected = new Map([...helmetOwn.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'content-length', 'x-powered-by'].includes(name)));
    expect(expected.size).toBeGreaterThan(8);
    for (const target of [new URL('/', s.url), new URL(s.url)]) {
      const res = await ask(target);
      for (const [name, value] of expected) expect(res.headers.get(name), `${target.pathname} ${name}`).toBe(value);
    }
    // Behind the trusted proxy that terminated TLS.
    const tls = await ask(new URL('/', s.url), { 'x-forwarded-proto': 'https' });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    for (const proto of ['https', 'https, http', 'http']) {
      const answer = await ask(new URL(s.url), { 'x-forwarded-proto': proto });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('strict-transport-security'), proto).toBe(proto === 'http' ? null : 'max-age=31536000; includeSubDomains');
    }
    // X-Forwarded-Proto from a client no proxy setting trusts is not believed.
    const direct = await startTestServer({ webDist, production: true, seedDemo: false });
    servers.push(direct);
    for (const target of [new URL('/', direct.url), new URL(direct.url)]) {
      const res = await ask(target, { 'x-forwarded-proto': 'https' });
      expect(res.status).toBe(200);
      expect(res.headers.get('strict-transport-security'), target.pathname).toBeNull();
    }
  });

  it('sends the built assets compressed and cached for a year, and the page never cached', async () => {
    const s = await startTestServer({ webDist, production: true, seedDemo: false });
    servers.push(s);
    for (const encoding of ['br', 'gzip']) {
      const res = await fetch(new URL('/assets/index-B4xq1d9Z.js', s.url), { headers: { 'accept-encoding': encoding } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe(encoding);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(await res.text()).toBe(SCRIPT);
    }
    for (const route of ['/', '/needs/123']) {
      const res = await fetch(new URL(route, s.url));
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('answers the page 304 when unchanged (its ETag), and GraphQL without an ETag to hash', async () => {
    const s = await startTestServer({ webDist, production: true, seedDemo: false });
    servers.push(s);
    const first = await fetch(new URL('/', s.url));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/"/);
    // As a browser revalidates (fetch() itself would add `cache-control: no-cache`, which asks for the page afresh).
    const again = await fetch(new URL('/', s.url), { headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    const gql = await fetch(new URL(s.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
    expect(await gql.json()).toEqual({ data: { __typename: 'Query' } });
    expect(gql.headers.get('etag')).toBeNull();
  });
});
