import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DESKTOP, PHONE, finish, login, revealNearScreenParts, startHarness, type Harness } from './support.js';

/*
 * Readable for everyone (issue 16): axe-core, run inside the page, finds no critical
 * and no serious violation on the pages people use most, at a desk and on a phone.
 * axe's script comes from node_modules (the pinned axe-core of test/): nothing is
 * fetched. It is evaluated through the DevTools protocol rather than addScriptTag,
 * whose inline <script> the admin's Content-Security-Policy (script-src 'self')
 * rightly blocks. A failure lists each rule with its elements.
 */

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** The page once its data has come and Element's transitions have ended. */
async function settled(page: Page) {
  await page.waitForLoadState('networkidle');
  // The dashboard's lower panels are mounted once scrolled near: checked too.
  await revealNearScreenParts(page);
  await page.locator('.el-skeleton, .el-loading-mask').first().waitFor({ state: 'detached' }).catch(() => undefined);
  // Element Plus fades dialogs, tags and menus in (0.3 s); axe would read half-faded colours.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 400)));
}

/** Critical and serious violations on the page as it is, each as "rule: targets". */
async function violations(page: Page): Promise<string[]> {
  await settled(page);
  await page.evaluate(AXE_SOURCE);
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations;
  });
  return found
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 8).map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`).join(' | ')}${v.nodes.length > 8 ? ` … ${v.nodes.length} in all` : ''}`);
}

let h: Harness;
let needId: string;
beforeAll(async () => {
  h = await startHarness();
  // A need far along its way: its page shows the most (plan, units, history).
  const [row] = await h.server.sql<{ id: string }>(`SELECT id FROM need ORDER BY array_position(ARRAY['IN_PROGRESS','PLANNED','ORDERED','ACCEPTED','REPORTED']::text[], status::text) NULLS LAST, created_at LIMIT 1`);
  needId = row!.id;
});
afterAll(async () => {
  await h?.close();
});

describe('axe-core: 0 critical and 0 serious violations', { timeout: 240_000 }, () => {
  for (const [size, viewport] of [
    ['desk', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`the login page (${size})`, async () => {
      const p = await h.page({ viewport });
      await p.page.goto('/login');
      await p.page.locator('[data-test="login-username"]').waitFor();
      expect(await violations(p.page)).toEqual([]);
      await finish(`a11y-login-${size}`, p);
    });
  }

  it('the committee at a desk: dashboard, shelf, needs board, activities, a need, units', async () => {
    const p = await h.page({ viewport: DESKTOP });
    await login(p, 'committee');
    const found: Record<string, string[]> = {};
    for (const path of ['/dashboard', '/shelf', '/needs', '/activities', `/needs/${needId}`, '/units']) {
      await p.page.goto(path);
      found[path] = await violations(p.page);
    }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await finish('a11y-committee-desk', p);
  });

  it('a liaison on a phone (390×844): dashboard, needs board, activities, a need, and the menu', async () => {
    const p = await h.page({ viewport: PHONE });
    await login(p, 'unit1');
    const found: Record<string, string[]> = {};
    for (const path of ['/dashboard', '/needs', '/activities', `/needs/${needId}`, '/needs/mine']) {
      await p.page.goto(path);
      found[path] = await violations(p.page);
    }
    await p.page.locator('[data-test="menu-toggle"]').click();
    await p.page.locator('[data-test="menu-drawer"]').waitFor();
    found['menu drawer'] = await violations(p.page);
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
    await finish('a11y-liaison-phone', p);
  });
});
