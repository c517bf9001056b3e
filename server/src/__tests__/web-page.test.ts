import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server.js';

// The admin is served from the same origin as the API; a demo server names
// its demo accounts in the page, a production server never does.
const webDist = mkdtempSync(path.join(os.tmpdir(), 'alliance-web-'));
writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><html><head><title>t</title></head><body><div id="app"></div></body></html>');

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
});
