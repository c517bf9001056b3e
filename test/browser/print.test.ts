import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractText, getDocumentProxy } from 'unpdf';
import { finish, login, startHarness, type Harness, type TestPage } from './support.js';

let h: Harness;
let allianceName: string;
beforeAll(async () => {
  h = await startHarness();
  const committee = await h.server.as('committee');
  allianceName = (await committee(`{ alliance { name } }`)).data.alliance.name;
});
afterAll(async () => {
  await h?.close();
});

/**
 * The page printed as Chrome prints it (print CSS, A4), and the PDF's text,
 * whitespace dropped and NFKC-normalised: the CJK font's glyph map names some
 * characters by their Kangxi radicals (⼭ for 山).
 */
async function printed(p: TestPage) {
  await p.page.emulateMedia({ media: 'print' });
  const pdf = await p.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text } = await extractText(doc, { mergePages: true });
  const page1 = await doc.getPage(1);
  const [, , width, height] = page1.view as number[];
  return { pages: totalPages, text: squash(text), size: { width: Math.round(width!), height: Math.round(height!) } };
}

// Radicals-supplement glyph names NFKC leaves alone (⺠ for 民 …): the ones these pages' words use.
const RADICALS: Record<string, string> = { '⺠': '民', '⻓': '长', '⻔': '门', '⻢': '马', '⻅': '见', '⻋': '车', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻰': '龙', '⻘': '青' };
const squash = (s: string) => s.normalize('NFKC').replace(/[\u2e80-\u2eff]/g, (c) => RADICALS[c] ?? c).replace(/\s+/g, '');
// A4 in PDF points (1/72 inch): 595 × 842.
const A4 = { width: 595, height: 842 };

describe('print-ready pages', () => {
  it('the order slip (派单单) of a need: opened from the need page, printed to an A4 PDF with its facts, the alliance and places to sign', async () => {
    const committee = await h.server.as('committee');
    const r = await committee(`{ needs(filter: { status: [IN_PROGRESS] }, first: 1) { nodes { id title requesterName requesterPhone grid { name } assignee { displayName } deliveringUnits { name } } } }`);
    const need = r.data.needs.nodes[0];
    expect(need.assignee).toBeTruthy();
    const p = await h.page();
    await login(p, 'committee');
    await p.page.goto(`/needs/${need.id}`);
    await p.page.locator('[data-test="print-need"]').click();
    await p.page.waitForURL(`**/print/need/${need.id}`);
    await p.page.locator('[data-test="order-slip"]').waitFor();
    await p.page.evaluate(() => document.fonts.ready);
    const pdf = await printed(p);
    expect(pdf.size).toEqual(A4);
    expect(pdf.pages).toBe(1);
    for (const words of [allianceName, '民生微实事派单单', need.id, need.title, need.requesterName, need.requesterPhone, need.grid.name, need.assignee.displayName, ...need.deliveringUnits.map((u: { name: string }) => u.name), '派单人签字', '承办单位签收']) {
      expect(pdf.text, words).toContain(squash(words));
    }
    // The screen's toolbar is not printed.
    expect(pdf.text).not.toContain('另存为PDF');
    await p.page.emulateMedia({ media: 'screen' });
    await finish('print-order-slip', p);
  }, 120_000);

  it('the sign-in sheet (签到表) of an activity: a line per confirmed person, printed to A4 with the activity, the alliance and a place for the seal', async () => {
    const committee = await h.server.as('committee');
    const starts = new Date(Date.now() + 5 * 86400_000);
    const created = await committee(`mutation($input: ActivityInput!) { createActivity(input: $input) { id } }`, {
      input: {
        title: '签到表打印测试：社区义诊',
        description: '医院党员志愿者为老人量血压。',
        kind: 'CIVILIZED_CITY',
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 2 * 3600_000).toISOString(),
        location: '党群服务中心多功能厅',
      },
    });
    const id = created.data.createActivity.id;
    await committee(`mutation($id: ID!) { publishActivity(id: $id) { id } }`, { id });
    const unit2 = await h.server.as('unit2');
    const signed = await unit2(`mutation($id: ID!) { signUpForActivity(activityId: $id, headcount: 3) { status unit { name } } }`, { id });
    expect(signed.data.signUpForActivity.status).toBe('CONFIRMED');

    const p = await h.page();
    await login(p, 'committee');
    await p.page.goto(`/activities/${id}`);
    await p.page.locator('[data-test="print-sign-in"]').click();
    await p.page.waitForURL(`**/print/activity/${id}/sign-in`);
    await p.page.locator('[data-test="sign-in-sheet"]').waitFor();
    // 3 people of the confirmed unit and 5 blank lines.
    await expect.poll(() => p.page.locator('[data-test="sign-in-sheet"] tbody tr').count()).toBe(8);
    await p.page.evaluate(() => document.fonts.ready);
    const pdf = await printed(p);
    expect(pdf.size).toEqual(A4);
    expect(pdf.pages).toBe(1);
    for (const words of [allianceName, '联建活动签到表', '签到表打印测试：社区义诊', '党群服务中心多功能厅', '签到', '组织单位（盖章）']) {
      expect(pdf.text, words).toContain(squash(words));
    }
    expect(pdf.text.split(squash(signed.data.signUpForActivity.unit.name)).length - 1).toBe(3);
    await p.page.emulateMedia({ media: 'screen' });
    await finish('print-sign-in-sheet', p);
  }, 120_000);
});
