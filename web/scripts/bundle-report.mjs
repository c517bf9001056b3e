// Prints the figures of the last `vite build`: the JavaScript the login page
// loads (the entry and its static imports, gzip'd), its CSS, what it prefetches when idle, and
// the largest lazy chunks.
// Usage: node scripts/bundle-report.mjs   (after `pnpm build`)
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(import.meta.dirname, '../dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
const gz = (file) => gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const rows = readdirSync(path.join(dist, 'assets'))
  .filter((f) => f.endsWith('.js'))
  .map((f) => ({ file: `assets/${f}`, raw: readFileSync(path.join(dist, 'assets', f)).length, gzip: gz(`assets/${f}`) }));
const initialRows = rows.filter((r) => initial.includes(r.file));
const total = (list) => list.reduce((s, r) => s + r.gzip, 0);

console.log(`Login page JavaScript (entry + preloaded): ${initialRows.length} files, ${kb(total(initialRows))} gzip`);
for (const r of initialRows.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip`);
const loginCss = [...html.matchAll(/rel="stylesheet"[^>]*href="\/(assets\/[^"]+\.css)"/g)].map((m) => m[1]);
console.log(`Login page CSS: ${loginCss.length} files, ${kb(loginCss.reduce((s, f) => s + gz(f), 0))} gzip`);
const prefetched = (/name="alliance-prefetch" content="([^"]*)"/.exec(html)?.[1] ?? '').split(' ').filter(Boolean).map((f) => f.slice(1));
console.log(`Prefetched by the login page when idle (shell, dashboard, charts): ${prefetched.length} files, ${kb(prefetched.reduce((s, f) => s + gz(f), 0))} gzip`);
console.log(`All JavaScript: ${rows.length} files, ${kb(rows.reduce((s, r) => s + r.raw, 0))} raw, ${kb(total(rows))} gzip`);
console.log('Largest lazy chunks:');
for (const r of rows.filter((r) => !initial.includes(r.file)).sort((a, b) => b.gzip - a.gzip).slice(0, 8))
  console.log(`  ${r.file.padEnd(48)} ${kb(r.raw).padStart(10)} ${kb(r.gzip).padStart(10)} gzip`);
