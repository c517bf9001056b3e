import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../testing/test-server.js';
import { DAY, driveTo, world, type World } from '../../need/__tests__/need-helpers.js';
import { sweepNotifications } from '../notification.job.js';

/**
 * The notifications time brings (docs/adoption.md "Notifications"): written
 * once each, whichever instance's sweep gets there, however often they run.
 */
let s: TestServer;
let w: World;
beforeAll(async () => {
  s = await startTestServer();
  w = await world(s);
});
afterAll(() => s?.close());

const rows = (kind: string, subjectId: string) =>
  s.sql<{ username: string }>(
    `SELECT u.username FROM notification n JOIN app_user u ON u.id = n.recipient_id WHERE n.kind = $1 AND n.subject_id = $2 ORDER BY u.username`,
    [kind, subjectId],
  );

describe('the sweep', () => {
  it('due soon, follow-up due and agreement expiring are written once, with sweeps running at once and again', async () => {
    const dueSoon = await driveTo(w, 'IN_PROGRESS', { dueAt: new Date(Date.now() + DAY) });
    const dueLater = await driveTo(w, 'IN_PROGRESS', { dueAt: new Date(Date.now() + 5 * DAY) });
    const resolved = await driveTo(w, 'RESOLVED');
    const freshlyResolved = await driveTo(w, 'RESOLVED');
    await s.sql(`UPDATE need SET resolved_at = now() - interval '25 hours' WHERE id = $1`, [resolved.id]);
    // unit1's latest agreement now ends in 10 days.
    // TypeORM answers an UPDATE with [rows, count].
    const [[agreement]] = await s.sql(
      `UPDATE agreement SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 10
        WHERE id = (SELECT id FROM agreement WHERE unit_id = $1 ORDER BY valid_until DESC LIMIT 1) RETURNING id`,
      [w.unitId.unit1],
    );
    expect(agreement).toBeDefined();

    // Two instances' sweeps at once: one takes the turn, the other skips it.
    const [a, b] = await Promise.all([sweepNotifications(s.db), sweepNotifications(s.db)]);
    expect(Math.min(a, b)).toBe(0);
    expect(Math.max(a, b)).toBeGreaterThan(0);
    // And later sweeps write nothing they wrote before.
    const again = await sweepNotifications(s.db);

    expect(await rows('NEED_DUE_SOON', dueSoon.id)).toEqual([{ username: 'grid1' }]);
    expect(await rows('NEED_DUE_SOON', dueLater.id)).toEqual([]);
    const gridWorkers = await s.sql<{ username: string }>(
      `SELECT username FROM app_user WHERE role = 'GRID_WORKER' AND status = 'ACTIVE' AND grid_id = (SELECT grid_id FROM need WHERE id = $1) ORDER BY username`,
      [resolved.id],
    );
    expect(gridWorkers.length).toBeGreaterThan(0);
    expect(await rows('FOLLOW_UP_DUE', resolved.id)).toEqual(gridWorkers);
    expect(await rows('FOLLOW_UP_DUE', freshlyResolved.id)).toEqual([]);
    const told = (await rows('AGREEMENT_EXPIRING', agreement.id)).map((r) => r.username);
    expect(told).toContain('committee');
    expect(told).toContain('unit1');
    expect(told).not.toContain('unit2');
    expect(told).not.toContain('n-committee');
    expect(told).not.toContain('unit-left');
    expect(again).toBe(0);

    // A re-plan to a new date within 2 days tells again, once.
    await s.sql(`UPDATE need SET due_at = due_at + interval '1 hour' WHERE id = $1`, [dueSoon.id]);
    expect(await sweepNotifications(s.db)).toBeGreaterThanOrEqual(1);
    expect(await rows('NEED_DUE_SOON', dueSoon.id)).toEqual([{ username: 'grid1' }, { username: 'grid1' }]);
    expect(await sweepNotifications(s.db)).toBe(0);
  });

  it('an occasion is its record and its date: two needs due at the same minute, two agreements ending on the same day, each told', async () => {
    const due = new Date(Date.now() + DAY);
    due.setUTCSeconds(0, 0);
    const first = await driveTo(w, 'IN_PROGRESS', { dueAt: due });
    const second = await driveTo(w, 'IN_PROGRESS', { dueAt: due });
    const day = `(now() AT TIME ZONE 'Asia/Shanghai')::date + 17`;
    const latest = `(SELECT id FROM agreement WHERE unit_id = $1 ORDER BY valid_until DESC LIMIT 1)`;
    const [[a1]] = await s.sql(`UPDATE agreement SET valid_until = ${day} WHERE id = ${latest} RETURNING id`, [w.unitId.unit1]);
    const [[a2]] = await s.sql(`UPDATE agreement SET valid_until = ${day} WHERE id = ${latest} RETURNING id`, [w.unitId.unit2]);
    await sweepNotifications(s.db);
    await sweepNotifications(s.db);
    expect(await rows('NEED_DUE_SOON', first.id)).toEqual([{ username: 'grid1' }]);
    expect(await rows('NEED_DUE_SOON', second.id)).toEqual([{ username: 'grid1' }]);
    for (const [agreement, liaison] of [[a1, 'unit1'], [a2, 'unit2']] as const) {
      expect((await rows('AGREEMENT_EXPIRING', agreement.id)).map((r) => r.username)).toEqual(expect.arrayContaining(['committee', liaison]));
    }
  });

  it("where the alliance's webhook takes a time-based kind, each occasion is queued for it once, however many are told and however often it sweeps", async () => {
    const alliance = (await s.sql(`SELECT alliance_id FROM app_user WHERE username = 'committee'`))[0].alliance_id as string;
    // Nothing the earlier sweeps wrote is queued afresh: only occasions that are new from here.
    await sweepNotifications(s.db);
    await s.sql(
      `INSERT INTO alliance_webhook (alliance_id, url, secret, kinds, enabled) VALUES ($1, 'http://127.0.0.1:9/robot', 'a-group-robot-secret-0123', '{NEED_DUE_SOON,AGREEMENT_EXPIRING}', true)`,
      [alliance],
    );
    const due = await driveTo(w, 'IN_PROGRESS', { dueAt: new Date(Date.now() + DAY) });
    const resolved = await driveTo(w, 'RESOLVED');
    await s.sql(`UPDATE need SET resolved_at = now() - interval '25 hours' WHERE id = $1`, [resolved.id]);
    // unit1's latest agreement (the test above told the committee and unit1 of it) now ends on another day: a new occasion.
    const [[agreement]] = await s.sql(
      `UPDATE agreement SET valid_until = (now() AT TIME ZONE 'Asia/Shanghai')::date + 12
        WHERE id = (SELECT id FROM agreement WHERE unit_id = $1 ORDER BY valid_until DESC LIMIT 1) RETURNING id`,
      [w.unitId.unit1],
    );
    const queued = async () =>
      (await s.sql(`SELECT kind, body->>'subjectId' AS subject, body->'params'->>'title' AS title FROM webhook_delivery WHERE alliance_id = $1 AND body ? 'onceKey' ORDER BY kind`, [alliance])) as {
        kind: string;
        subject: string;
        title: string | null;
      }[];
    expect(await sweepNotifications(s.db)).toBeGreaterThanOrEqual(3);
    await sweepNotifications(s.db);
    // The agreement told the committee and the unit's liaisons: one delivery. FOLLOW_UP_DUE is not the webhook's: none.
    const toldOf = async () => (await rows('AGREEMENT_EXPIRING', agreement.id)).map((r) => r.username);
    expect(await toldOf()).toEqual(expect.arrayContaining(['committee', 'unit1']));
    expect(await queued()).toEqual([
      { kind: 'AGREEMENT_EXPIRING', subject: agreement.id, title: null },
      { kind: 'NEED_DUE_SOON', subject: due.id, title: due.title },
    ]);
    // A liaison who joins the unit later is told of the same occasion; the webhook is not told again.
    const joined = await w.committee(`mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`, {
      input: { username: 'unit1-new-liaison', displayName: '新联络员', role: 'UNIT_ADMIN', unitId: w.unitId.unit1 },
    });
    expect(joined.errors).toBeUndefined();
    expect(await sweepNotifications(s.db)).toBeGreaterThanOrEqual(1);
    expect(await toldOf()).toContain('unit1-new-liaison');
    expect((await queued()).filter((q) => q.kind === 'AGREEMENT_EXPIRING')).toHaveLength(1);
    // A new due date is a new occasion: queued again, once.
    await s.sql(`UPDATE need SET due_at = due_at + interval '1 hour' WHERE id = $1`, [due.id]);
    await sweepNotifications(s.db);
    await sweepNotifications(s.db);
    expect((await queued()).filter((q) => q.kind === 'NEED_DUE_SOON')).toHaveLength(2);
  });
});
