import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import pino from 'pino';
import { startTestServer, type Client, type TestServer } from '../../../testing/test-server.js';
import { primaryUrl } from '../../../database/data-source.js';
import { ChangeFeed, joinPayloads } from '../../../database/change-feed.js';
import { UnitSignedUp } from '../../activity/events/unit-signed-up.event.js';
import { SIGN_UP, allianceOf, ok, openActivity } from '../../activity/__tests__/helpers.js';
import { NOTIFICATION_ADDED } from '../notification.service.js';

/**
 * A transaction that wrote notifications is announced by its instance once it
 * has committed (ChangeFeed.announce, docs/architecture.md "Notifications"),
 * not by a NOTIFY inside it: never before its rows can be read, never after a
 * rollback, and what commits together goes out together. Heard here the way
 * every other instance hears it: a connection of its own that LISTENs.
 */
let s: TestServer;
let committee: Client;
let listener: pg.Client;
const heard: { channel: string; payload: string; at: number }[] = [];
/** Every sign-up's transaction passes through here after its notification is written. */
let hold: ((e: UnitSignedUp) => Promise<void>) | null = null;
let liaisonUnits: string[] = [];

beforeAll(async () => {
  s = await startTestServer();
  committee = await s.as('committee');
  listener = new pg.Client({ connectionString: primaryUrl(s.db) });
  await listener.connect();
  listener.on('notification', (n) => heard.push({ channel: n.channel, payload: n.payload ?? '', at: Date.now() }));
  await listener.query(`LISTEN ${NOTIFICATION_ADDED}`);
  // Subscribed after the notification subscriber: it runs once the rows are written, in the same transaction.
  s.events.inTransaction(UnitSignedUp, async (_ctx, _tx, e) => {
    if (hold) await hold(e);
  });
  const alliance = await allianceOf(s, 'committee');
  liaisonUnits = (
    await s.sql<{ unit_id: string }>(
      `SELECT DISTINCT u.unit_id FROM app_user u JOIN member_unit m ON m.id = u.unit_id AND m.status = 'ACTIVE'
        WHERE u.alliance_id = $1 AND u.role = 'UNIT_ADMIN' AND u.status = 'ACTIVE' ORDER BY u.unit_id`,
      [alliance],
    )
  ).map((r) => r.unit_id);
});
afterAll(async () => {
  await listener?.end();
  await s?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean | Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check()) && Date.now() < end) await sleep(25);
}
/** The transaction ids announced so far on notification_added. */
const announced = () => new Set(heard.filter((h) => h.channel === NOTIFICATION_ADDED).flatMap((h) => h.payload.split(' ')));
const writtenIn = async (activityId: string) =>
  (await s.sql<{ xid: string }>(`SELECT DISTINCT written_in::text AS xid FROM notification WHERE subject_id = $1`, [activityId])).map((r) => r.xid);

describe('announcing notifications after commit', () => {
  it('is heard only once the sign-up has committed, naming the transaction that wrote the rows', async () => {
    const a = await openActivity(committee);
    const unitId = liaisonUnits[0]!;
    let reached!: () => void;
    const inside = new Promise<void>((r) => (reached = r));
    let release!: () => void;
    hold = () => {
      reached();
      return new Promise<void>((r) => (release = r));
    };
    heard.length = 0;
    const signing = committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId });
    await inside;
    // The rows are written, the transaction is open: nothing may be announced yet.
    await sleep(400);
    expect(heard).toEqual([]);
    expect(await s.sql(`SELECT 1 FROM notification WHERE subject_id = $1`, [a.id])).toEqual([]);
    hold = null;
    release();
    expect(ok(await signing).signUpForActivity.status).toBe('CONFIRMED');
    const xids = await writtenIn(a.id);
    expect(xids).toHaveLength(1);
    await until(() => announced().has(xids[0]!));
    expect([...announced()]).toEqual(xids);
  });

  it('a rolled-back sign-up announces nothing', async () => {
    const a = await openActivity(committee);
    hold = async () => {
      throw new Error('refused after the notification was written');
    };
    heard.length = 0;
    const r = await committee(SIGN_UP, { activityId: a.id, headcount: 2, unitId: liaisonUnits[0] });
    hold = null;
    expect(r.errors?.length).toBe(1);
    await sleep(500);
    expect(heard).toEqual([]);
    expect(await s.sql(`SELECT 1 FROM notification WHERE subject_id = $1`, [a.id])).toEqual([]);
    expect(await s.sql(`SELECT 1 FROM signup WHERE activity_id = $1`, [a.id])).toEqual([]);
  });

  it('sign-ups committing together are announced together, every transaction among the ids', async () => {
    const units = liaisonUnits.slice(0, 6);
    expect(units.length).toBeGreaterThanOrEqual(3);
    // One activity each (sign-ups of one activity take turns on its lock), all held open until every one has
    // written its notification, then let go at once: they commit within a few ms of each other.
    const activities = await Promise.all(units.map(() => openActivity(committee)));
    let arrived = 0;
    let releaseAll!: () => void;
    const allThere = new Promise<void>((r) => (releaseAll = r));
    hold = () => {
      if (++arrived === units.length) releaseAll();
      return allThere;
    };
    heard.length = 0;
    const results = await Promise.all(units.map((unitId, i) => committee(SIGN_UP, { activityId: activities[i]!.id, headcount: 1, unitId })));
    hold = null;
    for (const r of results) ok(r);
    const xids = (await Promise.all(activities.map((a) => writtenIn(a.id)))).flat();
    expect(xids).toHaveLength(units.length);
    await until(() => xids.every((x) => announced().has(x)));
    expect([...announced()].sort()).toEqual([...xids].sort());
    expect(heard.length).toBeLessThan(units.length);
  });
});

describe('ChangeFeed.announce', () => {
  it('sends what was announced meanwhile as one NOTIFY, at most one per interval, each payload under PostgreSQL\'s limit', async () => {
    const feed = new ChangeFeed(primaryUrl(s.db), pino({ level: 'silent' }), 300);
    await feed.start([]);
    try {
      heard.length = 0;
      const ids = Array.from({ length: 1000 }, (_, i) => String(10_000_000_000 + i));
      for (const id of ids) feed.announce(NOTIFICATION_ADDED, id);
      await until(() => announced().size === ids.length);
      expect([...announced()].sort()).toEqual(ids);
      // 1000 ids of 11 digits: two payloads, the first as long as fits.
      expect(heard.map((h) => h.payload.length)).toEqual([7895, 4103]);

      heard.length = 0;
      feed.announce(NOTIFICATION_ADDED, '1');
      await until(() => heard.length === 1);
      feed.announce(NOTIFICATION_ADDED, '2');
      feed.announce(NOTIFICATION_ADDED, '3');
      feed.announce(NOTIFICATION_ADDED, '2');
      await until(() => heard.length === 2);
      expect(heard.map((h) => h.payload)).toEqual(['1', '2 3']);
      // Sent 300 ms apart; heard a little less or more apart.
      expect(heard[1]!.at - heard[0]!.at).toBeGreaterThanOrEqual(250);
    } finally {
      await feed.close();
    }
  });

  it('keeps what is announced while its connection is down and sends it once it is back', async () => {
    // The test server has a change feed of its own under the same name: this feed's backend is the one that was not there before.
    const feeds = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'alliance-change-feed'`;
    const before = new Set((await s.sql(feeds)).map((r: { pid: number }) => r.pid));
    const feed = new ChangeFeed(primaryUrl(s.db), pino({ level: 'silent' }), 10);
    await feed.start([]);
    try {
      heard.length = 0;
      const mine = (await s.sql(feeds)).filter((r: { pid: number }) => !before.has(r.pid));
      expect(mine).toHaveLength(1);
      const [{ pid }] = mine;
      // The feed reconnects at once and a local server answers within milliseconds, quicker than any polling
      // could see it down: announce from the moment it is lost (resets run once `live` is false).
      let announcedWhileDown = false;
      feed.onReset(() => {
        if (feed.live || announcedWhileDown) return;
        announcedWhileDown = true;
        feed.announce(NOTIFICATION_ADDED, '42');
      });
      await s.sql(`SELECT pg_terminate_backend($1)`, [pid]);
      await until(() => announcedWhileDown && feed.live, 5000);
      expect(announcedWhileDown).toBe(true);
      expect(feed.live).toBe(true);
      await until(() => heard.length > 0);
      expect(heard).toEqual([{ channel: NOTIFICATION_ADDED, payload: '42', at: expect.any(Number) }]);
    } finally {
      await feed.close();
    }
  });

  it('joins payloads by spaces below 8000 bytes', () => {
    expect(joinPayloads([])).toEqual([]);
    expect(joinPayloads([''])).toEqual(['']);
    expect(joinPayloads(['a', 'b'])).toEqual(['a b']);
    const long = 'x'.repeat(5000);
    expect(joinPayloads([long, long, 'y'])).toEqual([long, `${long} y`]);
  });
});
