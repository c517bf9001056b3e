import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, DESKTOP, PHONE, finish, login, startHarness, type Harness, type TestPage } from './support.js';

/* The dashboard's pictures at desk and phone width (issue 16 point 5): every chart drawn, the points labelled with their period, nothing wider than the screen. */

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** How many colours a chart's canvas shows (sampled): more than a handful once something is drawn. */
function colours(p: TestPage, chart: string) {
  return p.page.locator(`[data-test="${chart}"] canvas`).first().evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 97) seen.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return seen.size;
  });
}

describe('the dashboard pictures', { timeout: 120_000 }, () => {
  for (const [size, viewport] of [['desk', DESKTOP], ['phone', PHONE]] as const) {
    it(`draws every picture at ${viewport.width} px and names the points' period`, async () => {
      const p = await h.page({ viewport, timezoneId: 'Asia/Shanghai' });
      await login(p, 'committee');
      await p.page.goto('/dashboard');
      const [overdue] = await h.server.sql(
        `SELECT count(*)::int AS n FROM need n JOIN need_delivery d ON d.need_id = n.id
          WHERE n.alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'committee') AND n.due_at < now() AND n.status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED')`,
      );
      const charts = ['chart-months', 'chart-categories', 'chart-grids', 'chart-satisfaction', 'chart-funnel', ...(overdue.n ? ['chart-overdue-units'] : [])];
      if (size === 'phone') {
        // A chart is drawn only once it comes near the screen (lib/chart-turns.ts): on a phone the funnel, far below
        // the figures, is not, however many chart turns pass (each turn is a frame and a task).
        await p.page.locator('[data-test="chart-months"] canvas').waitFor();
        await p.page.evaluate(async () => {
          for (let i = 0; i < 12; i++) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
        });
        expect(await p.page.locator('[data-test="chart-funnel"] canvas').count()).toBe(0);
      }
      for (const chart of charts) {
        // As a user would, scrolled to: then it is drawn.
        await p.page.locator(`[data-test="${chart}"]`).scrollIntoViewIfNeeded();
        const canvas = p.page.locator(`[data-test="${chart}"] canvas`).first();
        await canvas.waitFor();
        const box = (await canvas.boundingBox())!;
        expect(box.width, chart).toBeGreaterThan(viewport.width < 500 ? 250 : 350);
        expect(box.x + box.width, chart).toBeLessThanOrEqual(viewport.width);
        await expect.poll(() => colours(p, chart), chart).toBeGreaterThan(5);
      }
      // The default range, named where the points are (the dates the server resolved).
      const range = await p.page.locator('.page-header .el-range-input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
      expect(await p.page.locator('[data-test="top-units"] .el-card__header').textContent()).toContain(`${range[0]} 至 ${range[1]}`);
      expect(await p.page.locator('[data-test="top-units"] th').nth(2).textContent()).toBe(`积分（${range[0]} 至 ${range[1]}）`);
      // The default range ends today, in the month in progress: said under the monthly charts.
      expect(await p.page.locator('[data-test="chart-months"] [data-test="partial-months"]').textContent()).toContain(`${range[1]!.slice(0, 7)} 本月截至今日`);
      for (const chart of charts) await p.page.locator(`[data-test="${chart}"]`).screenshot({ path: `${ARTIFACTS}/dashboard-pictures-${size}-${chart}.png` });
      // A calendar year reads as one.
      const year = Number(range[1]!.slice(0, 4)) - 1;
      await p.page.goto('/dashboard');
      await p.page.locator('[data-test="top-units"] .el-card__header').waitFor();
      await p.page.locator('.page-header .el-range-input').first().click();
      await p.page.locator('.page-header .el-range-input').first().fill(`${year}-01-01`);
      await p.page.locator('.page-header .el-range-input').nth(1).fill(`${year}-12-31`);
      await p.page.locator('.page-header .el-range-input').nth(1).press('Enter');
      await expect.poll(() => p.page.locator('[data-test="top-units"] th').nth(2).textContent()).toBe(`积分（${year}年）`);
      expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      await finish(`dashboard-pictures-${size}`, p);
    });
  }
});
