import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { finish, login, startHarness, type Harness } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** An ACCEPTED need of the committee's alliance, straight into the database; its page path. */
async function acceptedNeed(title: string, description: string): Promise<string> {
  const [row] = await h.server.sql(
    `INSERT INTO need (alliance_id, grid_id, title, description, requester_name, requester_phone, status)
     SELECT a.alliance_id, g.id, $1, $2, '测试居民', '13800000000', 'ACCEPTED'
       FROM app_user a JOIN grid g ON g.alliance_id = a.alliance_id
      WHERE a.username = 'committee' LIMIT 1
     RETURNING id`,
    [title, description],
  );
  return `/needs/${row.id}`;
}

type Box = { x: number; y: number; width: number; height: number };
const overlap = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('matching in the admin', { timeout: 120_000 }, () => {
  it('the order form shows each suggestion’s strength and its reasons on lines of their own, in the selected language', async () => {
    const p = await h.page();
    await login(p, 'committee');
    await p.page.goto(await acceptedNeed('厕所龙头一直滴水', '卫生间水龙头关不严，一晚上滴半桶水'));
    await p.page.locator('[data-test="need-order"]').click();
    const dialog = p.page.locator('[data-test="order-form"]');
    const first = dialog.locator('[data-test="suggestion"]').first();
    await first.waitFor();
    expect(await first.textContent()).toContain('水龙头和管件更换');
    expect(await first.locator('[data-test^="strength-"]').textContent()).toMatch(/高度匹配|可能匹配/);
    const lines = first.locator('[data-test="suggestion-reasons"] li');
    const texts = await lines.allTextContents();
    expect(texts).toContain('近义词：“滴水”即“漏水”');
    // No two reason lines of any suggestion are drawn on top of each other, and each has a height.
    for (const card of await dialog.locator('[data-test="suggestion"]').all()) {
      const boxes = (await Promise.all((await card.locator('[data-test="suggestion-reasons"] li').all()).map((l) => l.boundingBox()))).filter(Boolean) as Box[];
      expect(boxes.length).toBeGreaterThan(0);
      for (const b of boxes) expect(b.height).toBeGreaterThan(10);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!), `${i} and ${j}`).toBe(false);
    }
    // The weak ones say so.
    expect(await dialog.locator('[data-test="strength-WEAK"]').count()).toBeGreaterThan(0);
    await p.page.screenshot({ path: `${process.cwd()}/test/artifacts/matching-order-dialog.png` }).catch(() => undefined);

    // In English the same codes read in English.
    await p.page.keyboard.press('Escape');
    await p.page.locator('[data-test="locale-en"]').click();
    await p.page.locator('[data-test="need-order"]').click();
    await first.waitFor();
    await expect.poll(async () => (await first.locator('[data-test="suggestion-reasons"] li').allTextContents()).join('\n')).toContain('Synonym: “滴水” means “漏水”');
    await finish('matching-order-dialog', p);
  });

  it('the committee adds a group of synonyms on the 同义词 screen and removes it', async () => {
    const p = await h.page();
    await login(p, 'committee');
    await p.page.locator('[data-test="nav-thesaurus"]').click();
    await p.page.locator('[data-test="thesaurus-shared"] .group').first().waitFor();
    expect(await p.page.locator('[data-test="thesaurus-shared"] .group').count()).toBeGreaterThanOrEqual(150);
    const input = p.page.locator('[data-test="thesaurus-words"]');
    // One word is not a group: refused in the form, nothing sent.
    await input.fill('镇流器');
    await p.page.locator('[data-test="thesaurus-add"]').click();
    await p.page.locator('.el-form-item__error', { hasText: '每组 2–30 个' }).waitFor();
    await input.fill('镇流器，嗡嗡响');
    await p.page.locator('[data-test="thesaurus-add"]').click();
    await p.page.locator('[data-test="thesaurus-own"]', { hasText: '镇流器' }).waitFor();
    const [row] = await h.server.sql(`SELECT words FROM thesaurus_group ORDER BY created_at DESC LIMIT 1`);
    expect(row.words).toEqual(['镇流器', '嗡嗡响']);
    await p.page.locator('[data-test="thesaurus-own"] .el-button').first().click();
    await p.page.locator('.el-popconfirm__action .el-button--primary:visible').click();
    await p.page.locator('[data-test="thesaurus-own"]').waitFor({ state: 'detached' });
    const [{ n }] = await h.server.sql(`SELECT count(*)::int AS n FROM thesaurus_group`);
    expect(n).toBe(0);
    await finish('matching-thesaurus', p);
  });
});
