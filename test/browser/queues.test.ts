import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, finish, login, startHarness, toast, type Harness, type TestPage } from './support.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function api() {
  const token = await h.server.login('committee');
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const r = await h.server.gql<T>(query, variables, token);
    if (!r.data) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
}

/** A need reported by the committee through the API; with `inProgress`, taken to IN_PROGRESS (due tomorrow, given to grid1). */
async function newNeed(title: string, inProgress = false): Promise<string> {
  const ok = await api();
  const { alliance } = await ok<{ alliance: { grids: { id: string }[] } }>(`{ alliance { grids { id } } }`);
  const { reportNeed } = await ok<{ reportNeed: { id: string } }>(`mutation($input: ReportNeedInput!) { reportNeed(input: $input) { id } }`, {
    input: { title, description: '小区北门路灯不亮，晚上出行不便。', gridId: alliance.grids[0]!.id, location: '北门', requesterName: '赵大爷', requesterPhone: '13847009876' },
  });
  const id = reportNeed.id;
  if (!inProgress) return id;
  const [project] = await h.server.sql(`SELECT id FROM shelf_project WHERE status = 'ON_SHELF' LIMIT 1`);
  const [grid1] = await h.server.sql(`SELECT id FROM app_user WHERE username = 'grid1'`);
  await ok(`mutation($id: ID!) { screenNeed(id: $id, accept: true) { id } }`, { id });
  await ok(`mutation($id: ID!, $p: [ID!]!) { orderNeed(id: $id, shelfProjectIds: $p) { id } }`, { id, p: [project.id] });
  const dueAt = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
  await ok(`mutation($id: ID!, $dueAt: DateTime!) { planNeed(id: $id, plan: "联系供电所更换路灯。", dueAt: $dueAt) { id } }`, { id, dueAt });
  await ok(`mutation($id: ID!, $a: ID!) { assignNeed(id: $id, assigneeId: $a) { id } }`, { id, a: grid1.id });
  return id;
}

/**
 * An IN_PROGRESS need whose due date has passed. The API refuses a due date in the
 * past and the test cannot move the clock, so the need is planned due tomorrow and
 * its due_at then moved back with SQL in this test's own database, as if the days
 * had gone by (the version stays: time passing changes nothing else).
 */
async function overdueNeed(title: string): Promise<string> {
  const id = await newNeed(title, true);
  await h.server.sql(`UPDATE need SET due_at = now() - interval '3 days' WHERE id = $1`, [id]);
  return id;
}

/** How many of the committee's alliance's needs match (the demo has a neighbouring alliance too). */
const count = async (where: string) =>
  (
    await h.server.sql(
      `SELECT count(*)::int AS n FROM need WHERE alliance_id = (SELECT alliance_id FROM app_user WHERE username = 'committee') AND ${where}`,
    )
  )[0].n as number;
const tabCount = (p: TestPage, q: string) => p.page.locator(`[data-test="queue-count-${q}"] sup`).textContent();

describe('党委工作台 in the browser', { timeout: 120_000 }, () => {
  it('the committee lands on its queues, each counted, and finds a new report to screen and an overdue need', async () => {
    const reported = `北门路灯不亮 ${Date.now() % 100000}`;
    await newNeed(reported);
    const late = `南门井盖松动 ${Date.now() % 100000}`;
    await overdueNeed(late);

    const p = await h.page({ viewport: DESKTOP });
    await login(p, 'committee');
    await p.page.waitForURL(/\/needs\/queues$/);
    // The counts are the filters' totals.
    await expect.poll(() => tabCount(p, 'toScreen')).toBe(String(await count(`status = 'REPORTED'`)));
    expect(await tabCount(p, 'toOrder')).toBe(String(await count(`status = 'ACCEPTED'`)));
    expect(await tabCount(p, 'overdue')).toBe(String(await count(`status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED') AND due_at < now()`)));
    await p.page.locator('[data-test="queue-table"] [data-test="queue-title"]', { hasText: reported }).waitFor();

    await p.page.locator('#tab-overdue').click();
    await p.page.waitForURL(/\?q=overdue$/);
    await p.page.locator('[data-test="queue-table"] [data-test="queue-title"]', { hasText: late }).waitFor();
    expect(await p.page.locator('[data-test="queue-title"]', { hasText: reported }).count()).toBe(0);
    // The dashboard is one click away.
    await p.page.locator('[data-test="nav-dashboard"]').click();
    await p.page.locator('[data-test="kpis"]').waitFor();
    await finish('queues-desktop', p);
  });

  it('on a phone the queues are cards, not a table', async () => {
    const p = await h.page({ viewport: PHONE });
    await login(p, 'committee');
    await p.page.waitForURL(/\/needs\/queues$/);
    await p.page.locator('[data-test="queue-cards"] [data-test="list-card"]').first().waitFor();
    expect(await p.page.locator('[data-test="queue-table"]').count()).toBe(0);
    expect(await p.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await finish('queues-phone', p);
  });

  it('the committee re-plans an overdue need: new plan, due date and reason; the history keeps the old ones', async () => {
    const title = `东门台阶破损 ${Date.now() % 100000}`;
    const id = await overdueNeed(title);
    const p = await h.page({ viewport: DESKTOP, timezoneId: 'Asia/Shanghai' });
    await login(p, 'committee');
    await p.page.goto('/needs/queues?q=overdue');
    await p.page.locator('[data-test="queue-title"]', { hasText: title }).click();
    await p.page.waitForURL(new RegExp(`/needs/${id}$`));
    const oldDue = (await p.page.locator('[data-test="need-due"]').textContent())!.trim();

    await p.page.locator('[data-test="need-replan"]').click();
    const dialog = p.page.locator('[data-test="replan-dialog"]');
    await dialog.locator('textarea[data-test="replan-plan"]').fill('改由物业维修班三天内修补台阶，并设置警示标志。');
    const due = new Date(Date.now() + 5 * 24 * 3600 * 1000);
    // The picker and the page show Shanghai's wall clock (AllianceDateTimePicker), the browser's zone here too.
    const dueText = await p.page.evaluate(
      (ms) => {
        const d = new Date(ms);
        const pad2 = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} 18:00`;
      },
      due.getTime(),
    );
    const input = dialog.locator('[data-test="replan-due-item"] input');
    await input.fill(dueText);
    await input.press('Enter');
    await dialog.locator('textarea[data-test="replan-reason"]').fill('原单位人手不足，逾期未办，改由物业承接。');
    await dialog.locator('[data-test="replan-confirm"]').click();
    await toast(p.page, '方案已调整');

    await expect.poll(async () => (await p.page.locator('[data-test="need-due"]').textContent())!.trim()).toBe(dueText);
    const newest = p.page.locator('[data-test="timeline-item"]').first();
    expect(await newest.textContent()).toContain('原单位人手不足，逾期未办，改由物业承接。');
    expect(await newest.textContent()).toContain('原办结时限');
    const [row] = await h.server.sql(`SELECT status, plan, due_at > now() AS ahead FROM need WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'IN_PROGRESS', plan: '改由物业维修班三天内修补台阶，并设置警示标志。', ahead: true });
    expect(oldDue).not.toBe(dueText);

    // No longer overdue: it left the queue.
    await p.page.goto('/needs/queues?q=overdue');
    const overdue = await count(`status NOT IN ('RESOLVED', 'CLOSED', 'REJECTED') AND due_at < now()`);
    await expect.poll(() => p.page.locator('[data-test="queue-total"]').textContent()).toBe(`共 ${overdue} 条`);
    expect(await p.page.locator('[data-test="queue-title"]', { hasText: title }).count()).toBe(0);
    await finish('queues-replan-overdue', p);
  });
});
