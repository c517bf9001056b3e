import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, onTestFailed } from 'vitest';
import { startTestServer, type TestServer } from '../../server/src/testing/test-server.js';

/*
 * The admin in a real browser: Debian's Chromium driven by playwright-core
 * (no browser download), against a real server on a database of its own that
 * serves the built web/dist at `/` and the API at `/graphql` (one origin).
 */

export const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const PHONE = { width: 390, height: 844 };
/** A small phone: the width the phone sweep and the order form are held to. */
export const SMALL_PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1366, height: 900 };

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export interface Harness {
  server: TestServer;
  /** The app's origin, e.g. http://127.0.0.1:40123 */
  origin: string;
  browser: Browser;
  /** A fresh page (own context: own storage) that records console errors. */
  /** timezoneId: the browser's zone (e.g. 'Asia/Shanghai', where "today" is the alliance's); the machine's by default. */
  page(options?: { viewport?: { width: number; height: number }; locale?: string; timezoneId?: string }): Promise<TestPage>;
  close(): Promise<void>;
}

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** console.error messages and uncaught page errors so far. */
  errors: string[];
}

/**
 * Fails (never skips) when the browser or the built web is missing: in CI a
 * missing browser must fail the run, and locally the message says what to do.
 */
export async function startHarness(): Promise<Harness> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}${process.env.CI === 'true' ? ' (CI)' : ''}: run \`pnpm setup:browser\` or set CHROMIUM_PATH.`);
  }
  if (!existsSync(`${WEB_DIST}/index.html`)) {
    throw new Error(`No built admin at ${WEB_DIST}: run \`pnpm --filter @alliance/web build\` (pnpm test builds it first).`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startTestServer({ webDist: WEB_DIST });
  const origin = server.url.replace(/\/graphql$/, '');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const pages: TestPage[] = [];
  return {
    server,
    origin,
    browser,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: options.viewport ?? DESKTOP, locale: options.locale ?? 'zh-CN', timezoneId: options.timezoneId, baseURL: origin });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      const p = { page, context, errors };
      pages.push(p);
      // A failing test leaves what its pages showed, and their console errors.
      const n = pages.length;
      onTestFailed(async ({ task }) => {
        const name = task.name.replace(/[^\w\u4e00-\u9fff]+/g, '-').slice(0, 60);
        await page.screenshot({ path: `${ARTIFACTS}/FAILED-${name}-${n}.png`, fullPage: true }).catch(() => undefined);
        if (errors.length) console.error(`page ${n} console errors:\n${errors.join('\n')}`);
      });
      return p;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

/** Every test ends with this: a screenshot in test/artifacts/, and no console error on any of its pages. */
export async function finish(name: string, ...pages: TestPage[]) {
  await pages[0]?.page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  for (const [i, p] of pages.entries()) {
    if (i > 0) await p.page.screenshot({ path: `${ARTIFACTS}/${name}-${i + 1}.png`, fullPage: true });
  }
  const errors = pages.flatMap((p) => p.errors);
  expect(errors, 'console errors in the browser').toEqual([]);
}

/** Signs in through the login page and waits for the layout. */
export async function login(p: TestPage, username: string, password = 'demo-password') {
  const { page } = p;
  await page.goto('/login');
  await page.locator('[data-test="login-username"]').fill(username);
  await page.locator('[data-test="login-password"]').fill(password);
  await page.locator('[data-test="login-submit"]').click();
  await page.locator('[data-test="logout"]').waitFor();
}

/** Picks an option of an Element Plus select (its dropdown is teleported to the body). */
export async function choose(page: Page, selectTestId: string, optionText: string | RegExp) {
  await page.locator(`[data-test="${selectTestId}"]`).click();
  await page.locator('.el-select-dropdown__item:visible', { hasText: optionText }).first().click();
}

/** The success toast (ElMessage) with this text. */
export async function toast(page: Page, text: string | RegExp) {
  await page.locator('.el-message', { hasText: text }).first().waitFor();
}

/**
 * Scrolls to each part of the page that is mounted only once near the screen (NearScreen: the
 * dashboard's lower panels) until all are there, as a user reading the page down would: checks of
 * the whole page (axe, widths) then see them too.
 */
export async function revealNearScreenParts(page: Page): Promise<void> {
  const placeholders = page.locator('[data-test="near-screen-placeholder"]');
  while ((await placeholders.count()) > 0) {
    await placeholders.first().scrollIntoViewIfNeeded();
    // A frame and a little more for the part to mount (in the page: typed without the DOM's lib, which the bench's tsconfig lacks).
    await page.evaluate(() => new Promise((resolve) => (globalThis as unknown as { requestAnimationFrame(run: () => void): void }).requestAnimationFrame(() => setTimeout(resolve, 50))));
  }
}
